using System.Text.Json.Nodes;

namespace ProcessFunctions.IntegrationTests.Infrastructure;

/// <summary>Process documents as a client would send them.</summary>
public static class Drafts
{
    /// <summary>Two stages of two steps each, default settings.</summary>
    public static JsonObject Simple(string name = "B2B sales") => Parse($$"""
        {
          "name": "{{name}}",
          "description": "From first contact to signed contract.",
          "stages": [
            { "name": "Lead", "steps": [ { "name": "Qualify", "weight": 10 }, { "name": "Meet", "weight": 15 } ] },
            { "name": "Closing", "steps": [ { "name": "Propose", "weight": 20 }, { "name": "Sign", "weight": 30 } ] }
          ]
        }
        """);

    /// <summary>Every step setting with each value it takes; <paramref name="memberId"/> is the one selected.</summary>
    public static JsonObject WithEverySetting(string memberId) => Parse($$"""
        {
          "name": "Enterprise sales",
          "description": "Long cycle with legal review.",
          "stages": [
            {
              "name": "Lead",
              "steps": [
                {
                  "name": "Qualify the lead", "weight": 10, "obligatory": true, "noteRequired": false,
                  "completableBy": { "rule": "everyone" },
                  "notify": { "administrators": true, "managers": false, "attendees": false },
                  "followUpTask": { "title": "Call back", "type": "call", "dueInDays": 1, "assignee": "completer" }
                },
                {
                  "name": "Discovery meeting", "weight": 20, "obligatory": false, "noteRequired": true,
                  "completableBy": { "rule": "managers" },
                  "notify": { "administrators": false, "managers": true, "attendees": true },
                  "followUpTask": { "title": "Book a demo", "type": "meeting", "dueInDays": 7, "assignee": "owner" }
                }
              ]
            },
            {
              "name": "Closing",
              "steps": [
                {
                  "name": "Legal review", "weight": 30, "obligatory": false, "noteRequired": true,
                  "completableBy": { "rule": "selected", "memberIds": [ "{{memberId}}" ] },
                  "notify": {
                    "administrators": true, "managers": true, "attendees": true, "memberIds": [ "{{memberId}}" ]
                  },
                  "followUpTask": {
                    "title": "Send the contract", "type": "email", "dueInDays": 3, "assignee": "selected",
                    "memberId": "{{memberId}}"
                  }
                },
                {
                  "name": "Contract signed", "weight": 40, "obligatory": true, "noteRequired": false,
                  "completableBy": { "rule": "administrators" },
                  "notify": { "administrators": false, "managers": false, "attendees": false },
                  "followUpTask": { "title": "Kick-off", "type": "to-do", "dueInDays": 0, "assignee": "completer" }
                }
              ]
            }
          ]
        }
        """);

    /// <summary>A process with <paramref name="stages"/> stages of <paramref name="steps"/> steps each.</summary>
    public static JsonObject OfSize(int stages, int steps) => new()
    {
        ["name"] = $"{stages} by {steps}",
        ["stages"] = new JsonArray(Enumerable.Range(0, stages).Select(i => (JsonNode)new JsonObject
        {
            ["name"] = $"Stage {i}",
            ["steps"] = new JsonArray(Enumerable.Range(0, steps)
                .Select(j => (JsonNode)new JsonObject { ["name"] = $"Step {j}", ["weight"] = 1 }).ToArray()),
        }).ToArray()),
    };

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
