using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcessFunctions.Domain.Common;

/// <summary>
/// A PATCH field: absent from the body (leave unchanged) or present, possibly as null
/// (clear it). Plain nullable properties cannot tell those two apart.
/// </summary>
[JsonConverter(typeof(OptionalConverterFactory))]
public readonly record struct Optional<T>(bool IsPresent, T? Value)
{
    public T? Or(T? current) => IsPresent ? Value : current;
}

internal sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                // Null clears a field that may be empty; for a value type it would silently read
                // as the type's default (role "user", weight 0), so it is refused instead.
                if (default(T) is not null)
                {
                    throw new JsonException("This field does not accept null values.");
                }

                return new Optional<T>(true, default);
            }

            try
            {
                return new Optional<T>(true, JsonSerializer.Deserialize<T>(ref reader, options));
            }
            catch (JsonException e) when (e.Path is not null)
            {
                // The nested call reports paths from this value ("$.rule"). Rethrown without a path,
                // the serializer adds this property's own ("$.completableBy"); readers join the two.
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
