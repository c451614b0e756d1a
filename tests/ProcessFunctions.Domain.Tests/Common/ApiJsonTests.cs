using System.Text.Json;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Common;

public sealed class ApiJsonTests
{
    [Fact]
    public void Strict_UnknownMember_IsRejected()
    {
        var json = """{"name":"Sales","colour":"blue"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProcessDraft>(json, ApiJson.Strict));
    }

    [Fact]
    public void Lenient_UnknownMember_IsSkipped()
    {
        var json = """{"name":"Sales","colour":"blue"}""";

        var draft = JsonSerializer.Deserialize<ProcessDraft>(json, ApiJson.Lenient);

        Assert.Equal("Sales", draft?.Name);
    }

    [Theory]
    [InlineData("""{"name":null}""")]
    [InlineData("""{"name":"Sales","stages":null}""")]
    [InlineData("""{"name":"Sales","stages":[{"name":"Lead","steps":[{"name":"Call","weight":5,"notify":null}]}]}""")]
    public void Strict_NullInNonNullableMember_IsRejected(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProcessDraft>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_NullForNonNullableConstructorParameter_IsRejected()
    {
        var json = """{"title":null,"type":"call","dueInDays":1,"assignee":"owner"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FollowUpTaskSettings>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_NumberAsString_IsRejected()
    {
        var json = """{"name":"Call","weight":"40"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StepDraft>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_NullInNullableMember_IsAccepted()
    {
        var json = """{"name":"Sales","description":null}""";

        var draft = JsonSerializer.Deserialize<ProcessDraft>(json, ApiJson.Strict);

        Assert.NotNull(draft);
        Assert.Null(draft.Description);
    }

    [Fact]
    public void Strict_IntegerForEnum_IsRejected()
    {
        var json = """{"rule":3,"memberIds":["mbr_1"]}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CompletableBy>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_CamelCaseEnumName_IsAccepted()
    {
        var json = """{"rule":"selected","memberIds":["mbr_1"]}""";

        var rule = JsonSerializer.Deserialize<CompletableBy>(json, ApiJson.Strict);

        Assert.Equal(new CompletableBy(CompletableByRule.Selected, ["mbr_1"]), rule);
    }

    [Fact]
    public void Serialize_ToDoTaskType_IsWrittenAsToDashDo()
    {
        var json = JsonSerializer.Serialize(FollowUpTaskType.ToDo, ApiJson.Strict);

        Assert.Equal("\"to-do\"", json);
    }

    [Fact]
    public void Deserialize_ToDoTaskSettings_RoundTrips()
    {
        var task = new FollowUpTaskSettings("Send offer", FollowUpTaskType.ToDo, 3, FollowUpAssignee.Selected, "mbr_1");

        var json = JsonSerializer.Serialize(task, ApiJson.Strict);
        var read = JsonSerializer.Deserialize<FollowUpTaskSettings>(json, ApiJson.Strict);

        Assert.Contains("\"type\":\"to-do\"", json, StringComparison.Ordinal);
        Assert.Equal(task, read);
    }

    [Fact]
    public void Serialize_ProcessDraft_UsesCamelCaseMembers()
    {
        var draft = new ProcessDraft { Name = "Sales", IsDefault = true };

        var json = JsonSerializer.Serialize(draft, ApiJson.Strict);

        Assert.Contains("\"isDefault\":true", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"description":"no name"}""")]
    public void Strict_MissingRequiredProcessName_IsRejected(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProcessDraft>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_StepWithoutWeight_IsRejected()
    {
        var json = """{"name":"Call"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StepDraft>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_FollowUpTaskWithoutAssignee_IsRejected()
    {
        var json = """{"title":"Call back","type":"call","dueInDays":1}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FollowUpTaskSettings>(json, ApiJson.Strict));
    }

    [Fact]
    public void Strict_FollowUpTaskWithoutOptionalMemberId_IsAccepted()
    {
        var json = """{"title":"Call back","type":"call","dueInDays":1,"assignee":"completer"}""";

        var task = JsonSerializer.Deserialize<FollowUpTaskSettings>(json, ApiJson.Strict);

        Assert.Equal(new FollowUpTaskSettings("Call back", FollowUpTaskType.Call, 1, FollowUpAssignee.Completer), task);
    }

    [Fact]
    public void Strict_StepDraftDefaults_AreEveryoneAndNobody()
    {
        var json = """{"name":"Call","weight":5}""";

        var step = JsonSerializer.Deserialize<StepDraft>(json, ApiJson.Strict);

        Assert.Equal(CompletableBy.Everyone, step?.CompletableBy);
        Assert.Equal(NotifySettings.Nobody, step?.Notify);
    }
}
