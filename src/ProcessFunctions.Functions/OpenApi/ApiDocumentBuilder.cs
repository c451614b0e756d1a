using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>
/// Builds the document: info, security schemes and the shared parameters, headers and problem
/// responses here; one operation per route and method in the other part of this class.
/// </summary>
internal sealed partial class ApiDocumentBuilder
{
    private const string Bearer = "bearer";
    private const string FunctionsKey = "functionsKey";
    private const string ProvisioningKey = "provisioningKey";
    private const string ProblemSchema = "Problem";
    private const string ProblemMediaType = ProblemDocument.ContentType;
    private const string JsonMediaType = "application/json";

    private static readonly Dictionary<int, (string Name, string Description)> ProblemResponses = new()
    {
        [400] = ("BadRequest", "The body or a query parameter could not be read, or (on a POST) the "
            + "Idempotency-Key header."),
        [401] = ("Unauthorized", "No API key, or one that is unknown or revoked."),
        [403] = ("Forbidden", "The caller's role, or a rule of the resource, does not allow this."),
        [404] = ("NotFound", "Nothing with that id exists in the caller's account."),
        [409] = ("Conflict", "The request conflicts with the current state, or a request with the same "
            + "Idempotency-Key is still running (retry after Retry-After)."),
        [412] = ("PreconditionFailed", "If-Match does not match the current ETag: read again and retry."),
        [413] = ("ContentTooLarge", "The body is larger than allowed."),
        [415] = ("UnsupportedMediaType", "The body is not application/json."),
        [422] = ("UnprocessableContent", "A field is invalid (see errors), or the Idempotency-Key was used "
            + "for another request."),
        [428] = ("PreconditionRequired", "If-Match is required: send the ETag of the version you edited."),
        [500] = ("InternalError", "The request failed on our side; quote the correlationId."),
    };

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Accounts"] = "Tenant accounts and the caller.",
        ["Members"] = "People and tools of the account, and their API keys.",
        ["Processes"] = "Sales processes; every change makes a new version.",
        ["Stages and steps"] = "One change at a time to a process's stages and steps.",
        ["Deals"] = "Sales opportunities moving through the stages of a process.",
        ["Deal progress"] = "Completing steps, winning, losing and reopening deals.",
        ["Deal files"] = "Files kept on a deal as proof for completions.",
        ["Statistics"] = "Pipeline figures of a process: conversion, values, win rate, time in stage.",
        ["Tasks"] = "Follow-ups created by completed steps, and tasks made by hand.",
        ["Webhooks"] = "Outbound webhooks, their deliveries and failed side effects.",
        ["Service"] = "Health and this description.",
    };

    private readonly IReadOnlyList<HttpRoute> _routes;
    private readonly IReadOnlyDictionary<string, ApiOperation> _operations;
    private readonly OpenApiDocument _document;
    private readonly JsonSchemas _schemas;
    private readonly List<string> _usedTags = [];

    public ApiDocumentBuilder(IReadOnlyList<HttpRoute> routes, IReadOnlyDictionary<string, ApiOperation> operations)
    {
        _routes = routes;
        _operations = operations;
        _document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "ProcessFunctions API",
                Version = "1.0",
                Summary = "Sales processes, deals, step completions, tasks and webhooks.",
                Description = Overview,
            },
            Servers = [new OpenApiServer { Url = ApiDocument.ServerUrl }],
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                Responses = new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal),
                Parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal),
                Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal),
            },
        };
        _schemas = new JsonSchemas(_document);
    }

    private OpenApiComponents Components => _document.Components!;

    public OpenApiDocument Build()
    {
        AddSecuritySchemes();
        AddHeaders();
        AddParameters();
        AddProblems();
        _document.Security = [Requirement(Bearer)];
        foreach (var route in _routes.Where(r => _operations.ContainsKey(r.FunctionName)))
        {
            AddOperations(route, _operations[route.FunctionName]);
        }

        foreach (var (type, property) in ApiDescriptions.ClearedByNull)
        {
            _schemas.AllowNull(type, property);
        }

        var order = TagDescriptions.Keys.ToList();
        _document.Tags = _usedTags.OrderBy(tag => (uint)order.IndexOf(tag))
            .Select(tag => new OpenApiTag { Name = tag, Description = TagDescriptions.GetValueOrDefault(tag) })
            .ToHashSet();

        // References resolve through the document's workspace, which a parsed document fills itself.
        _document.RegisterComponents();
        return _document;
    }

    private const string Overview = """
        Every request except health and this description needs an API key of the account, sent as
        `Authorization: Bearer pfk.<account>.<key>.<secret>`. Administrators issue keys per member.

        * **Errors** are RFC 9457 problem documents (`application/problem+json`) with a stable `type`,
          the bad fields in `errors` and the request's `correlationId`.
        * **Retries**: a POST with an `Idempotency-Key` (up to 255 characters) is done once; a retry with
          the same key and body gets the first answer again, with `Idempotent-Replayed: true`, for 24 hours.
        * **Concurrent edits**: processes and tasks answer with an `ETag`; send it back in `If-Match` and
          a change made meanwhile answers 412 instead of being overwritten. Replacing a whole process
          requires `If-Match` (428 without it).
        * **Lists** answer `{ items, nextCursor }`; pass `nextCursor` as `cursor` for the next page and
          `limit` (1-200, default 50) for its size. The last page has `nextCursor: null`.
        * Every response carries `X-Correlation-Id`; send your own (up to 64 characters) to tie logs together.
        """;

    private void AddSecuritySchemes()
    {
        Components.SecuritySchemes![Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "pfk.<account>.<key>.<secret>",
            Description = "An API key of a member: its role decides what the key may do.",
        };
        Components.SecuritySchemes[FunctionsKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-functions-key",
            Description = "The Azure Functions master key: creates accounts in Azure.",
        };
        Components.SecuritySchemes[ProvisioningKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "x-provisioning-key",
            Description = "The provisioning key configured where no Functions host guards account creation "
                + "(the dev host); it is accepted as a bearer token too.",
        };
    }

    private void AddHeaders()
    {
        Header("ETag", "The version of the resource; send it in If-Match to change exactly this version.");
        Header("Location", "Where the created resource (or the one it belongs to) can be read.", "uri-reference");
        Header(CorrelationId.Header, "The id that ties this request to its logs.");
        Header("WWW-Authenticate", "Bearer.");
        Header("Idempotent-Replayed", "true when this is the stored answer to an earlier request with the key.");
        Header("Retry-After", "Seconds to wait before retrying.");
    }

    private void Header(string name, string description, string? format = null) =>
        Components.Headers![name] = new OpenApiHeader
        {
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = format },
        };

    private void AddParameters()
    {
        Components.Parameters![IdempotentRequests.Header] = new OpenApiParameter
        {
            Name = IdempotentRequests.Header,
            In = ParameterLocation.Header,
            Description = "Makes the POST safe to retry: a retry with the same key and body within 24 hours "
                + "gets the first answer again instead of running twice.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentRequests.MaxKeyLength,
            },
        };
        Components.Parameters["If-Match"] = IfMatch(required: false);
        Components.Parameters["If-Match-Required"] = IfMatch(required: true);
        Components.Parameters["limit"] = new OpenApiParameter
        {
            Name = "limit",
            In = ParameterLocation.Query,
            Description = "How many items the page holds at most.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = "1",
                Maximum = Limits.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Default = JsonValue.Create(Limits.DefaultPageSize),
            },
        };
        Components.Parameters["cursor"] = new OpenApiParameter
        {
            Name = "cursor",
            In = ParameterLocation.Query,
            Description = "The nextCursor of the previous page; the first page without it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 2048 },
        };
    }

    private static OpenApiParameter IfMatch(bool required) => new()
    {
        Name = "If-Match",
        In = ParameterLocation.Header,
        Required = required,
        Description = required
            ? "The ETag of the version the change was made to; 428 without it, 412 when it is no longer current."
            : "The ETag of the version the change was made to; 412 when it is no longer current. Without it "
                + "the change applies to the current version.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private void AddProblems()
    {
        Components.Schemas![ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem document.",
            Required = new HashSet<string> { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A stable URI naming the kind of problem.", "uri-reference"),
                ["title"] = Text("A short summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("What went wrong with this request."),
                ["instance"] = Text("The path of the request.", "uri-reference"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The messages for each invalid field, by field path (stages[0].name).",
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
                ["correlationId"] = Text("The X-Correlation-Id of the request, to quote when asking for help."),
            },
        };
        foreach (var (status, (name, description)) in ProblemResponses)
        {
            var response = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [ProblemMediaType] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchemaReference(ProblemSchema, _document),
                    },
                },
                Headers = CorrelationHeader(),
            };
            if (status == StatusCodes.Status401Unauthorized)
            {
                response.Headers["WWW-Authenticate"] = HeaderRef("WWW-Authenticate");
            }

            if (status == StatusCodes.Status409Conflict)
            {
                response.Headers["Retry-After"] = HeaderRef("Retry-After");
            }

            Components.Responses![name] = response;
        }
    }

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };

    private OpenApiHeaderReference HeaderRef(string name) => new(name, _document);

    /// <summary>Every response carries the request's correlation id.</summary>
    private Dictionary<string, IOpenApiHeader> CorrelationHeader() =>
        new() { [CorrelationId.Header] = HeaderRef(CorrelationId.Header) };

    private OpenApiSecurityRequirement Requirement(params string[] schemes)
    {
        var requirement = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes)
        {
            requirement[new OpenApiSecuritySchemeReference(scheme, _document)] = [];
        }

        return requirement;
    }
}
