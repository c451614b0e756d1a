using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProcessFunctions.Functions.OpenApi;

/// <summary>
/// The HTML page of the interactive API reference: Scalar, loaded from this app, reading
/// <c>openapi.json</c> beside it. Scalar's calls home (fonts, telemetry, its AI agent, its hosted tools) are off.
/// </summary>
public static class ApiReferencePage
{
    private const string Title = "ProcessFunctions API reference";

    /// <summary>The page for a request to <paramref name="path"/>, ending in <c>/docs</c> or <c>/docs/</c>.</summary>
    public static string Render(string path)
    {
        var docs = path.TrimEnd('/');
        var prefix = docs.EndsWith("/docs", StringComparison.Ordinal)
            ? docs[..^"docs".Length]
            : ApiDocument.ServerUrl + "/";
        var assets = WebUtility.HtmlEncode(prefix + "docs/");
        var configuration = new JsonObject
        {
            ["url"] = prefix + "openapi.json",
            ["withDefaultFonts"] = false,
            ["telemetry"] = false,
            ["agent"] = new JsonObject { ["disabled"] = true },

            // Its toolbar on localhost offers Scalar's hosted services (share, deploy, SDKs).
            ["showDeveloperTools"] = "never",
            ["persistAuth"] = false,
            ["documentDownloadType"] = "json",
            ["authentication"] = new JsonObject { ["preferredSecurityScheme"] = "bearer" },
        };

        // The default encoder escapes <, > and &, so the JSON cannot end the script element.
        var script = JsonSerializer.Serialize(configuration);
        var version = WebUtility.UrlEncode(ApiReferenceAssets.Version);
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{Title}</title>
              <link rel="icon" type="image/svg+xml" href="{assets}favicon.svg?v={version}">
            </head>
            <body>
              <div id="app"></div>
              <script src="{assets}scalar.js?v={version}"></script>
              <script>Scalar.createApiReference('#app', {script});</script>
            </body>
            </html>
            """;
    }
}
