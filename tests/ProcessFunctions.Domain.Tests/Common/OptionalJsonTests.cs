using System.Text.Json;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Common;

/// <summary>A PATCH body tells "leave unchanged" (absent) from "clear" (null) from a new value.</summary>
public sealed class OptionalJsonTests
{
    [Fact]
    public void Deserialize_EmptyBody_LeavesEveryFieldAbsent()
    {
        var patch = Read<StepPatch>("{}");

        Assert.False(patch.Name.IsPresent);
        Assert.False(patch.Weight.IsPresent);
        Assert.False(patch.FollowUpTask.IsPresent);
        Assert.False(patch.StageId.IsPresent);
        Assert.False(patch.Position.IsPresent);
    }

    [Fact]
    public void Deserialize_ExplicitNull_IsPresentWithoutValue()
    {
        var patch = Read<StepPatch>("""{"followUpTask":null}""");

        Assert.True(patch.FollowUpTask.IsPresent);
        Assert.Null(patch.FollowUpTask.Value);
        Assert.False(patch.Name.IsPresent);
    }

    [Fact]
    public void Deserialize_Values_ArePresentWithTheirValues()
    {
        var patch = Read<StepPatch>("""
            {
              "name": "Demo",
              "weight": 40,
              "followUpTask": { "title": "Call back", "type": "to-do", "dueInDays": 2, "assignee": "owner" }
            }
            """);

        Assert.Equal(new Optional<string>(true, "Demo"), patch.Name);
        Assert.Equal(new Optional<int>(true, 40), patch.Weight);
        Assert.Equal(
            new FollowUpTaskSettings("Call back", FollowUpTaskType.ToDo, 2, FollowUpAssignee.Owner),
            patch.FollowUpTask.Value);
    }

    [Fact]
    public void Deserialize_ValueOfWrongType_Throws()
    {
        var json = """{"weight":"forty"}""";

        Assert.Throws<JsonException>(() => Read<StepPatch>(json));
    }

    [Fact]
    public void Or_Absent_KeepsCurrentValue()
    {
        var absent = default(Optional<string>);

        Assert.Equal("current", absent.Or("current"));
    }

    [Fact]
    public void Or_PresentNull_ReplacesCurrentWithNull()
    {
        var cleared = new Optional<string>(true, null);

        Assert.Null(cleared.Or("current"));
    }

    // ApiJson.Strict promises that null in a non-nullable field is an error. The Optional converter
    // turns null into default(T) for value types, so {"weight":null} silently means weight 0,
    // {"position":null} moves the step to the top and {"role":null} makes a member a plain user.
    [Theory]
    [InlineData("""{"weight":null}""")]
    [InlineData("""{"position":null}""")]
    [InlineData("""{"obligatory":null}""")]
    public void Deserialize_NullForNonNullableValueTypeInStepPatch_Throws(string json)
    {
        Assert.Throws<JsonException>(() => Read<StepPatch>(json));
    }

    [Fact]
    public void Deserialize_NullRoleInMemberPatch_Throws()
    {
        var json = """{"role":null}""";

        Assert.Throws<JsonException>(() => Read<MemberPatch>(json));
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ApiJson.Strict)!;
}
