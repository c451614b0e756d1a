using System.Text.Json.Nodes;

namespace ProcessFunctions.ApiDocsTests;

/// <summary>Schemas match the JSON the API reads and writes (ApiJson), generated from the C# types.</summary>
public sealed class SchemaTests
{
    [Fact]
    public void Enums_AreCamelCaseStringsWithTheirMemberNames()
    {
        var taskType = TestDocument.Schema("FollowUpTaskType");
        var role = TestDocument.Schema("MemberRole");

        Assert.Equal("string", (string?)taskType["type"]);
        Assert.Equal("""["call","meeting","email","to-do"]""", taskType["enum"]!.ToJsonString());
        Assert.Equal("""["user","manager","administrator"]""", role["enum"]!.ToJsonString());
    }

    [Fact]
    public void Properties_AreCamelCaseAndRequiredMembersRequired()
    {
        var request = TestDocument.Schema("CreateDealRequest");

        var names = request["properties"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(["title", "processId", "value", "ownerId", "attendeeIds", "stageId"], names);
        Assert.Equal("""["title"]""", request["required"]!.ToJsonString());
    }

    [Fact]
    public void Properties_PositionalRecordParameters_AreRequired()
    {
        var required = TestDocument.Schema("FollowUpTaskSettings")["required"]!.AsArray()
            .Select(n => (string)n!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["assignee", "dueInDays", "title", "type"], required);
        Assert.DoesNotContain("memberId", required);
    }

    [Fact]
    public void Properties_NullableAnnotations_AllowNull()
    {
        var process = TestDocument.Schema("ProcessResponse")["properties"]!;
        var deal = TestDocument.Schema("DealView")["properties"]!;

        Assert.Equal("null,string", TestDocument.Types(process["description"]));
        Assert.Equal("string", (string?)process["name"]!["type"]);
        Assert.Equal(
            """[{"$ref":"#/components/schemas/Money"},{"type":"null"}]""", deal["value"]!["oneOf"]!.ToJsonString());
        Assert.Equal("null,string", TestDocument.Types(deal["closedAt"]));
        Assert.Equal("date-time", (string?)deal["closedAt"]!["format"]);
    }

    [Fact]
    public void PatchFields_AreTheirValueTypeAndNeverRequired()
    {
        var patch = TestDocument.Schema("MemberPatch");

        var properties = patch["properties"]!;

        Assert.Equal("#/components/schemas/MemberRole", (string?)properties["role"]!["$ref"]);
        Assert.Equal("string", (string?)properties["displayName"]!["type"]);
        Assert.True(patch["required"] is null or JsonArray { Count: 0 });
    }

    [Fact]
    public void PatchFields_ThatNullClears_AllowNull()
    {
        var value = TestDocument.Schema("DealPatch")["properties"]!["value"]!;
        var title = TestDocument.Schema("DealPatch")["properties"]!["title"]!;

        Assert.Equal("""[{"$ref":"#/components/schemas/Money"},{"type":"null"}]""", value["oneOf"]!.ToJsonString());
        Assert.Equal("string", TestDocument.Types(title));
    }

    [Fact]
    public void Records_NestedTypes_AreReferencedComponents()
    {
        var stage = TestDocument.Schema("Stage")["properties"]!["steps"]!;

        Assert.Equal("array", (string?)stage["type"]);
        Assert.Equal("#/components/schemas/Step", (string?)stage["items"]!["$ref"]);
    }

    [Fact]
    public void Properties_ComputedOnes_AreReadOnly()
    {
        var totalWeight = TestDocument.Schema("ProcessDefinition")["properties"]!["totalWeight"]!;

        Assert.True((bool?)totalWeight["readOnly"]);
    }
}
