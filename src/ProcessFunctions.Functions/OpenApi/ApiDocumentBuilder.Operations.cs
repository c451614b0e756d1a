using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.OpenApi;

internal sealed partial class ApiDocumentBuilder
{
    private void AddOperations(HttpRoute route, ApiOperation description)
    {
        if (!_document.Paths.TryGetValue(route.Path, out var found) || found is not OpenApiPathItem path)
        {
            path = new OpenApiPathItem();
            _document.Paths[route.Path] = path;
        }

        foreach (var method in route.Methods)
        {
            var operationId = route.Methods.Count == 1
                ? route.FunctionName
                : route.FunctionName + method[0] + method[1..].ToLowerInvariant();
            path.AddOperation(new HttpMethod(method), Operation(route, method, operationId, description));
        }
    }

    private OpenApiOperation Operation(HttpRoute route, string method, string operationId, ApiOperation description)
    {
        if (!_usedTags.Contains(description.Tag))
        {
            _usedTags.Add(description.Tag);
        }

        var isPost = method == "POST";
        return new OpenApiOperation
        {
            OperationId = operationId,
            Summary = description.Summary,
            Description = string.Join(" ", new[] { description.Description, Who(description.Access) }.OfType<string>()),
            Tags = new HashSet<OpenApiTagReference> { new(description.Tag, _document) },
            Parameters = Parameters(route, description, isPost),
            RequestBody = RequestBody(description),
            Responses = Responses(route, description, isPost),
            Security = Security(route, description.Access),
        };
    }

    private static string Who(Access access) => access switch
    {
        Access.Anonymous => "No API key needed.",
        Access.Provisioning => "For the platform operator only.",
        Access.Manager => "Needs a key with the role manager or administrator.",
        Access.Administrator => "Needs a key with the role administrator.",
        _ => "Any member of the account may call it.",
    };

    private List<IOpenApiParameter> Parameters(HttpRoute route, ApiOperation description, bool isPost)
    {
        var parameters = route.Parameters.Select(name => (IOpenApiParameter)PathParameter(name)).ToList();
        parameters.AddRange(description.Query.Select(query => (IOpenApiParameter)new OpenApiParameter
        {
            Name = query.Name,
            In = ParameterLocation.Query,
            Description = query.Description,
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = query.Format,
                Pattern = query.Pattern,
                Enum = query.Values?.Select(value => (JsonNode)JsonValue.Create(value)).ToList(),
            },
        }));
        if (description.Paged)
        {
            parameters.Add(new OpenApiParameterReference("limit", _document));
            parameters.Add(new OpenApiParameterReference("cursor", _document));
        }

        if (isPost)
        {
            parameters.Add(new OpenApiParameterReference(IdempotentRequests.Header, _document));
        }

        if (description.IfMatch != IfMatchUse.None)
        {
            var name = description.IfMatch == IfMatchUse.Required ? "If-Match-Required" : "If-Match";
            parameters.Add(new OpenApiParameterReference(name, _document));
        }

        return parameters;
    }

    private static OpenApiParameter PathParameter(string name) => new()
    {
        Name = name,
        In = ParameterLocation.Path,
        Required = true,
        Description = name switch
        {
            "version" => "The version number, from 1.",
            "asset" => "The file name of the asset.",
            _ when name.EndsWith("Id", StringComparison.Ordinal) => $"The id of the {name[..^2]}.",
            _ => null,
        },
        Schema = name == "version"
            ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" }
            : new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private OpenApiRequestBody? RequestBody(ApiOperation description)
    {
        if (description.FileBody)
        {
            return new OpenApiRequestBody
            {
                Required = true,
                Description = "The file's bytes, with its media type as Content-Type.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["*/*"] = new OpenApiMediaType { Schema = Binary() },
                },
            };
        }

        return description.Body is null ? null : new OpenApiRequestBody
        {
            Required = !description.BodyOptional,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [JsonMediaType] = new OpenApiMediaType { Schema = _schemas.For(description.Body) },
            },
        };
    }

    private OpenApiResponses Responses(HttpRoute route, ApiOperation description, bool isPost)
    {
        var responses = new OpenApiResponses
        {
            [Code(description.Status)] = Success(description, description.Status, isPost),
        };
        foreach (var (status, text) in description.Alternatives)
        {
            responses[Code(status)] = Success(description with { ETag = false }, status, isPost: false, text);
        }

        foreach (var status in ProblemStatuses(route, description, isPost).Order())
        {
            responses[Code(status)] = new OpenApiResponseReference(ProblemResponses[status].Name, _document);
        }

        return responses;
    }

    private OpenApiResponse Success(ApiOperation description, int status, bool isPost, string? text = null)
    {
        var response = new OpenApiResponse
        {
            Description = text ?? status switch { 201 => "Created.", 204 => "Done; no body.", _ => "OK." },
            Headers = CorrelationHeader(),
        };
        if (status != 204)
        {
            var schema = description.Response is { } type ? _schemas.For(type)
                : description.ResponseMediaType.StartsWith("text/", StringComparison.Ordinal)
                    ? new OpenApiSchema { Type = JsonSchemaType.String }
                    : Binary();
            response.Content = new Dictionary<string, IOpenApiMediaType>
            {
                [description.ResponseMediaType] = new OpenApiMediaType { Schema = schema },
            };
        }

        if (description.ETag)
        {
            response.Headers["ETag"] = HeaderRef("ETag");
        }

        if (status == 201)
        {
            response.Headers["Location"] = HeaderRef("Location");
        }

        if (isPost)
        {
            response.Headers["Idempotent-Replayed"] = HeaderRef("Idempotent-Replayed");
        }

        return response;
    }

    /// <summary>The problems an operation of this shape can answer, besides those its rules add.</summary>
    private static HashSet<int> ProblemStatuses(HttpRoute route, ApiOperation description, bool isPost)
    {
        var statuses = new HashSet<int>(description.Problems) { 500 };
        if (description.Access is not Access.Anonymous)
        {
            statuses.Add(401);
        }

        if (description.Access is Access.Manager or Access.Administrator)
        {
            statuses.Add(403);
        }

        if (route.Parameters.Count > 0 && description.Access is not Access.Anonymous)
        {
            statuses.Add(404);
        }

        if (description.Body is not null)
        {
            statuses.UnionWith([400, 413, 415, 422]);
        }

        if (description.FileBody)
        {
            statuses.UnionWith([413, 422]);
        }

        if (isPost)
        {
            statuses.UnionWith([400, 409, 422]);
        }

        if (description.Paged || description.Query.Count > 0)
        {
            statuses.UnionWith([400, 422]);
        }

        if (description.IfMatch != IfMatchUse.None)
        {
            statuses.Add(412);
        }

        if (description.IfMatch == IfMatchUse.Required)
        {
            statuses.Add(428);
        }

        return statuses;
    }

    /// <summary>Anonymous operations opt out of the bearer key; account creation has keys of its own.</summary>
    private List<OpenApiSecurityRequirement>? Security(HttpRoute route, Access access)
    {
        if (access == Access.Provisioning)
        {
            return [Requirement(FunctionsKey), Requirement(ProvisioningKey), Requirement(Bearer)];
        }

        if (route.Level != AuthorizationLevel.Anonymous)
        {
            return access == Access.Anonymous ? [Requirement(FunctionsKey)] : [Requirement(FunctionsKey, Bearer)];
        }

        return access == Access.Anonymous ? [] : null;
    }

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    private static string Code(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
