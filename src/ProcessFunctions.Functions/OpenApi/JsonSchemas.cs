using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>
/// JSON schemas of C# types as the API's serializer writes and reads them (<see cref="ApiJson"/>):
/// its property names, required members, enums as their strings, nullable annotations as
/// <c>"null"</c> in the type. Records and enums go once into <c>components/schemas</c>.
/// </summary>
internal sealed class JsonSchemas(OpenApiDocument document)
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;

    private readonly NullabilityInfoContext _nullability = new();
    private readonly Dictionary<Type, string> _names = [];

    private IDictionary<string, IOpenApiSchema> Components => document.Components!.Schemas!;

    public IOpenApiSchema For(Type type) => For(type, null);

    /// <summary>Lets a property of an object type's component also be null.</summary>
    public void AllowNull(Type type, string property)
    {
        if (For(type) is OpenApiSchemaReference { Reference.Id: { } name }
            && Components[name] is OpenApiSchema { Properties: { } properties }
            && properties.TryGetValue(property, out var schema))
        {
            properties[property] = OrNull(schema);
            return;
        }

        throw new InvalidOperationException($"{type.Name} has no JSON property '{property}'.");
    }

    /// <summary>A schema that is the one given or null.</summary>
    public static IOpenApiSchema OrNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: { } type } inline
        ? WithType(inline, type | JsonSchemaType.Null)
        : new OpenApiSchema { OneOf = [schema, new OpenApiSchema { Type = JsonSchemaType.Null }] };

    private IOpenApiSchema For(Type type, NullabilityInfo? nullability)
    {
        if (nullability?.Type.IsGenericParameter == true)
        {
            // T of a generic record: whether it may be null is the type argument's business.
            nullability = null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            // A PATCH field: absent means unchanged; present, it is read as its value type.
            return For(type.GetGenericArguments()[0], nullability?.GenericTypeArguments.FirstOrDefault());
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return OrNull(NotNull(underlying, null));
        }

        var schema = NotNull(type, nullability);
        return nullability?.ReadState == NullabilityState.Nullable ? OrNull(schema) : schema;
    }

    private IOpenApiSchema NotNull(Type type, NullabilityInfo? nullability)
    {
        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }

        if (type.IsEnum)
        {
            return Component(type, FillEnum);
        }

        if (type == typeof(JsonObject))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Object };
        }

        var info = ApiJson.Lenient.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = For(
                    info.ElementType!, nullability?.ElementType ?? nullability?.GenericTypeArguments.FirstOrDefault()),
            },
            JsonTypeInfoKind.Dictionary => new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = For(info.ElementType!, nullability?.GenericTypeArguments.LastOrDefault()),
            },
            JsonTypeInfoKind.Object => Component(type, FillObject),

            // object, JsonElement and types with converters of their own: any JSON value.
            _ => new OpenApiSchema(),
        };
    }

    private static OpenApiSchema? Primitive(Type type) => type switch
    {
        _ when type == typeof(string) => new() { Type = JsonSchemaType.String },
        _ when type == typeof(bool) => new() { Type = JsonSchemaType.Boolean },
        _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) =>
            new() { Type = JsonSchemaType.Integer, Format = "int32" },
        _ when type == typeof(long) => new() { Type = JsonSchemaType.Integer, Format = "int64" },
        _ when type == typeof(double) => new() { Type = JsonSchemaType.Number, Format = "double" },
        _ when type == typeof(float) => new() { Type = JsonSchemaType.Number, Format = "float" },
        _ when type == typeof(decimal) => new() { Type = JsonSchemaType.Number },
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) =>
            new() { Type = JsonSchemaType.String, Format = "date-time" },
        _ when type == typeof(DateOnly) => new() { Type = JsonSchemaType.String, Format = "date" },
        _ when type == typeof(Guid) => new() { Type = JsonSchemaType.String, Format = "uuid" },
        _ when type == typeof(Uri) => new() { Type = JsonSchemaType.String, Format = "uri" },
        _ => null,
    };

    /// <summary>A reference to the type's component, added on first use (before its members, for recursion).</summary>
    private OpenApiSchemaReference Component(Type type, Action<OpenApiSchema, Type> fill)
    {
        if (!_names.TryGetValue(type, out var name))
        {
            name = UniqueName(type);
            _names[type] = name;
            var schema = new OpenApiSchema();
            Components[name] = schema;
            fill(schema, type);
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static void FillEnum(OpenApiSchema schema, Type type)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = Enum.GetValues(type).Cast<object>()
            .Select(value => JsonSerializer.SerializeToNode(value, type, ApiJson.Lenient)!.GetValue<string>())
            .Distinct(StringComparer.Ordinal)
            .Select(text => (JsonNode)JsonValue.Create(text))
            .ToList();
    }

    private void FillObject(OpenApiSchema schema, Type type)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in ApiJson.Lenient.GetTypeInfo(type).Properties)
        {
            var propertySchema = For(property.PropertyType, Nullability(type, property));

            // Computed on the way out (a total, a cursor): a request never sets it, a response always has it.
            var outputOnly = property is { Set: null, AssociatedParameter: null, ShouldSerialize: null };
            if (outputOnly && propertySchema is OpenApiSchema inline)
            {
                inline.ReadOnly = true;
            }

            schema.Properties[property.Name] = propertySchema;
            if (outputOnly || property.IsRequired
                || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false })
            {
                schema.Required.Add(property.Name);
            }
        }
    }

    /// <summary>The member's annotations, read from the generic definition so that its T stays a T.</summary>
    private NullabilityInfo? Nullability(Type type, JsonPropertyInfo property)
    {
        var declaring = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;
        return property.AttributeProvider switch
        {
            PropertyInfo p => _nullability.Create(declaring.GetProperty(p.Name, Public) ?? p),
            FieldInfo f => _nullability.Create(declaring.GetField(f.Name, Public) ?? f),
            _ => null,
        };
    }

    /// <summary>The type's name; generic types spell their arguments (ListResponseOfDealView).</summary>
    private string UniqueName(Type type)
    {
        var name = Name(type);
        if (Components.ContainsKey(name))
        {
            name = type.Namespace?.Split('.')[^1] + name;
        }

        return name;
    }

    private static string Name(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of"
            + string.Concat(type.GetGenericArguments().Select(Name))
        : type.Name;

    private static OpenApiSchema WithType(OpenApiSchema schema, JsonSchemaType type)
    {
        schema.Type = type;
        return schema;
    }
}
