using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessEditorPatchStepTests
{
    private static readonly FollowUpTaskSettings CallBack =
        new("Call back", FollowUpTaskType.Call, 2, FollowUpAssignee.Owner);

    private static readonly Step Configured = TestData.Step("b", 30) with
    {
        Obligatory = true,
        NoteRequired = true,
        CompletableBy = new(CompletableByRule.Managers),
        Notify = new(Administrators: true),
        FollowUpTask = CallBack,
    };

    private readonly ProcessDefinition _current = TestData.Process(
        TestData.Stage("s1", TestData.Step("a"), Configured, TestData.Step("c")),
        TestData.Stage("s2", TestData.Step("d")));

    [Fact]
    public void PatchStep_OnlyWeight_ChangesOnlyWeight()
    {
        var patch = new StepPatch { Weight = Present(45) };

        var edited = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value;

        Assert.Equal(Configured with { Weight = 45 }, edited.FindStep("b")?.Step);
        Assert.Equal(["a", "b", "c"], TestData.StepIds(edited, "s1"));
        Assert.Equal(_current.Stages[1].Steps, edited.Stages[1].Steps);
    }

    [Fact]
    public void PatchStep_EmptyPatch_LeavesTheStepAsItWas()
    {
        var edited = ProcessEditor.PatchStep(_current, "s1", "b", new StepPatch()).Value;

        Assert.Equal(Configured, edited.FindStep("b")?.Step);
        Assert.Equal(["a", "b", "c"], TestData.StepIds(edited, "s1"));
    }

    [Fact]
    public void PatchStep_FollowUpTaskExplicitNull_ClearsIt()
    {
        var patch = new StepPatch { FollowUpTask = Present<FollowUpTaskSettings>(null) };

        var edited = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value;

        Assert.Null(edited.FindStep("b")?.Step.FollowUpTask);
        Assert.True(edited.FindStep("b")?.Step.Obligatory);
    }

    [Fact]
    public void PatchStep_NameAndRule_ChangesThemAndTrimsTheName()
    {
        var patch = new StepPatch
        {
            Name = Present(" Demo "),
            CompletableBy = Present(new CompletableBy(CompletableByRule.Selected, ["mbr_1"])),
        };

        var step = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value.FindStep("b")!.Value.Step;

        Assert.Equal("Demo", step.Name);
        Assert.Equal(new CompletableBy(CompletableByRule.Selected, ["mbr_1"]), step.CompletableBy);
        Assert.Equal(CallBack, step.FollowUpTask);
    }

    // AddStep and Replace trim the task title (StepRules.Build); PatchStep stores it as sent.
    [Fact]
    public void PatchStep_FollowUpTaskTitle_IsTrimmedLikeOnAdd()
    {
        var patch = new StepPatch { FollowUpTask = Present(CallBack with { Title = "  Send offer  " }) };

        var edited = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value;

        Assert.Equal("Send offer", edited.FindStep("b")?.Step.FollowUpTask?.Title);
    }

    [Fact]
    public void PatchStep_NullName_IsRejected()
    {
        var patch = new StepPatch { Name = Present<string>(null) };

        var result = ProcessEditor.PatchStep(_current, "s1", "b", patch);

        Assert.Equal(["name"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void PatchStep_NullCompletableByAndNotify_AreRejected()
    {
        var patch = new StepPatch
        {
            CompletableBy = Present<CompletableBy>(null), Notify = Present<NotifySettings>(null),
        };

        var result = ProcessEditor.PatchStep(_current, "s1", "b", patch);

        Assert.Equal(["completableBy", "notify"], result.Problem?.Errors?.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PatchStep_WeightAbove100_IsRejected()
    {
        var result = ProcessEditor.PatchStep(_current, "s1", "b", new StepPatch { Weight = Present(101) });

        Assert.Equal(["weight"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void PatchStep_SelectedRuleWithoutMembers_IsRejected()
    {
        var patch = new StepPatch { CompletableBy = Present(new CompletableBy(CompletableByRule.Selected)) };

        var result = ProcessEditor.PatchStep(_current, "s1", "b", patch);

        Assert.Equal(["completableBy.memberIds"], result.Problem?.Errors?.Keys);
    }

    [Theory]
    [InlineData("s1", "zzz")]
    [InlineData("s2", "b")]
    [InlineData("s9", "b")]
    public void PatchStep_StepNotInThatStage_IsNotFound(string stageId, string stepId)
    {
        var result = ProcessEditor.PatchStep(_current, stageId, stepId, new StepPatch { Weight = Present(1) });

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
    }

    private static Optional<T> Present<T>(T? value) => new(true, value);
}
