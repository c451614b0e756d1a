using Microsoft.AspNetCore.Http;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// Reads a body into memory, refusing it (null) as soon as it passes the limit: a declared
/// length over it is refused unread, and a body without one is read one chunk past it at most.
/// </summary>
public static class RawBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int count;
        while ((count = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
