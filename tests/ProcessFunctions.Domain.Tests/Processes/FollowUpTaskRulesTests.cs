using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class FollowUpTaskRulesTests
{
    [Fact]
    public void Check_SelectedAssigneeWithMemberId_IsAccepted()
    {
        var errors = Check(Task(FollowUpAssignee.Selected, "mbr_1"));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mbr 1")]
    public void Check_SelectedAssigneeWithoutValidMemberId_IsRejected(string? memberId)
    {
        var errors = Check(Task(FollowUpAssignee.Selected, memberId));

        Assert.Equal(["followUpTask.memberId"], errors.Keys);
    }

    [Theory]
    [InlineData(FollowUpAssignee.Completer)]
    [InlineData(FollowUpAssignee.Owner)]
    public void Check_OtherAssigneeWithMemberId_IsRejected(FollowUpAssignee assignee)
    {
        var errors = Check(Task(assignee, "mbr_1"));

        Assert.Equal(["followUpTask.memberId"], errors.Keys);
    }

    [Theory]
    [InlineData(FollowUpAssignee.Completer)]
    [InlineData(FollowUpAssignee.Owner)]
    public void Check_OtherAssigneeWithoutMemberId_IsAccepted(FollowUpAssignee assignee)
    {
        var errors = Check(Task(assignee, null));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(Limits.MaxDueInDays, false)]
    [InlineData(Limits.MaxDueInDays + 1, true)]
    public void Check_DueInDays_IsRejectedOnlyOutsideRange(int dueInDays, bool expectError)
    {
        var errors = Check(Task(FollowUpAssignee.Owner, null) with { DueInDays = dueInDays });

        Assert.Equal(expectError, errors.ContainsKey("followUpTask.dueInDays"));
    }

    [Fact]
    public void Check_EmptyTitle_IsRejected()
    {
        var errors = Check(Task(FollowUpAssignee.Owner, null) with { Title = "  " });

        Assert.Equal(["followUpTask.title"], errors.Keys);
    }

    [Fact]
    public void MemberIds_Step_ListsCompleterNotifiedAndAssignee()
    {
        var step = TestData.Step("a") with
        {
            CompletableBy = new(CompletableByRule.Selected, ["mbr_1"]),
            Notify = new(MemberIds: ["mbr_2"]),
            FollowUpTask = Task(FollowUpAssignee.Selected, "mbr_3"),
        };

        var ids = StepRules.MemberIds(step);

        Assert.Equal(["mbr_1", "mbr_2", "mbr_3"], ids);
    }

    [Fact]
    public void Build_Draft_TrimsNameAndTaskTitle()
    {
        var draft = TestData.StepDraft(name: "  Demo  ") with
        {
            FollowUpTask = Task(FollowUpAssignee.Owner, null) with { Title = " Call back " },
        };

        var step = StepRules.Build("stp_1", draft);

        Assert.Equal("Demo", step.Name);
        Assert.Equal("Call back", step.FollowUpTask?.Title);
        Assert.Equal("stp_1", step.Id);
    }

    private static FollowUpTaskSettings Task(FollowUpAssignee assignee, string? memberId) =>
        new("Call back", FollowUpTaskType.Call, 2, assignee, memberId);

    private static IReadOnlyDictionary<string, string[]> Check(FollowUpTaskSettings task)
    {
        var errors = new FieldErrors();
        StepRules.Check(errors, "", TestData.StepDraft() with { FollowUpTask = task });
        return errors.ToDictionary();
    }
}
