using System.Net;
using System.Text.Json.Nodes;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>Assertions on responses that show the body when they fail.</summary>
public static class ApiAssert
{
    /// <summary>Asserts the status and returns the JSON object body (empty for a response without one).</summary>
    public static async Task<JsonObject> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == expected,
            $"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>
    /// Asserts an RFC 9457 problem document with the status, and that its errors name each
    /// of <paramref name="fields"/>.
    /// </summary>
    public static async Task<JsonObject> ProblemAsync(
        HttpResponseMessage response, HttpStatusCode expected, params string[] fields)
    {
        var problem = await StatusAsync(response, expected);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("https://", (string?)problem["type"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), $"The problem has no title: {problem}");
        Assert.Equal((int)expected, (int?)problem["status"]);
        foreach (var field in fields)
        {
            Assert.True(
                problem["errors"]?[field] is JsonArray { Count: > 0 },
                $"The problem's errors do not name '{field}': {problem.ToJsonString()}");
        }

        return problem;
    }

    public static void JsonEqual(JsonNode? expected, JsonNode? actual, string message) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{message}: {actual?.ToJsonString() ?? "null"}");

    /// <summary>Each member of <paramref name="expected"/> is in <paramref name="actual"/>, equal.</summary>
    public static void Contains(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                Assert.True(
                    actual is JsonObject, $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}");
                foreach (var (name, value) in expectedObject)
                {
                    Contains(value, actual![name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                Assert.True(
                    actual is JsonArray { Count: var count } && count == expectedArray.Count,
                    $"{path}: expected {expectedArray.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Contains(expectedArray[i], actual![i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(
                    JsonNode.DeepEquals(expected, actual),
                    $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
