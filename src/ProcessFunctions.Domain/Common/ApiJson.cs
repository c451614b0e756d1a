using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcessFunctions.Domain.Common;

/// <summary>JSON conventions of the API: camelCase, enums as camelCase strings, strict reading.</summary>
public static class ApiJson
{
    /// <summary>For request bodies: unknown members, nulls in non-nullable fields and numbers for enums are errors.</summary>
    public static readonly JsonSerializerOptions Strict = Create(strict: true);

    /// <summary>For responses and stored documents: tolerant of members a newer version added.</summary>
    public static readonly JsonSerializerOptions Lenient = Create(strict: false);

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
            RespectNullableAnnotations = strict,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 32,

            // Responses are JSON, never embedded in HTML; escaping quotes and accents only hurts readers.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
