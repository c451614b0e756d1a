using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Stores a JSON document in an entity as gzip-compressed binary properties D0..Dn. A binary
/// property holds at most 64 KiB and an entity 1 MiB, so a document may span up to 15 chunks.
/// </summary>
public static class CompressedDocument
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 15;
    private const string ChunkCount = "Chunks";

    public static void Write<T>(TableEntity entity, T document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, document, ApiJson.Lenient);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var chunks = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"The document needs {chunks} chunks; an entity holds {MaxChunks}.");
        }

        entity[ChunkCount] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[$"D{i}"] = bytes.Slice(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes))).ToArray();
        }
    }

    public static T Read<T>(TableEntity entity)
    {
        var chunks = entity.GetInt32(ChunkCount) ?? 0;
        using var buffer = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            buffer.Write(entity.GetBinary($"D{i}"));
        }

        buffer.Position = 0;
        using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, ApiJson.Lenient)
            ?? throw new InvalidDataException($"Entity {entity.RowKey} holds no document.");
    }
}
