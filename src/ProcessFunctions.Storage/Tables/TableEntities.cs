using System.Globalization;
using Azure.Data.Tables;

namespace ProcessFunctions.Storage.Tables;

/// <summary>Small helpers the side-effect stores share.</summary>
internal static class TableEntities
{
    /// <summary>Nineteen digits that sort newest first.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static TEnum GetEnum<TEnum>(this TableEntity entity, string name, TEnum fallback) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(entity.GetString(name), out var value) ? value : fallback;

    /// <summary>ANDs the non-null filter parts.</summary>
    public static string And(params string?[] parts) =>
        string.Join(" and ", parts.Where(part => !string.IsNullOrEmpty(part)).Select(part => $"({part})"));
}
