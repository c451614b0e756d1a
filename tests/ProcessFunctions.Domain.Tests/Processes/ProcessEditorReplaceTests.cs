using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessEditorReplaceTests
{
    private readonly IdSequence _ids = new();

    [Fact]
    public void Create_ValidDraft_AssignsNewIdsToStagesAndSteps()
    {
        var draft = new ProcessDraft
        {
            Name = " Sales ",
            Description = "  Inbound leads ",
            Stages = [TestData.StageDraft("Lead", TestData.StepDraft("Call"), TestData.StepDraft("Qualify"))],
        };

        var created = ProcessEditor.Create("prc_9", draft, _ids.New).Value;

        Assert.Equal("prc_9", created.Id);
        Assert.Equal("Sales", created.Name);
        Assert.Equal("Inbound leads", created.Description);
        Assert.Equal("Process created.", created.Change);
        var stage = Assert.Single(created.Stages);
        Assert.StartsWith("stg_new", stage.Id, StringComparison.Ordinal);
        Assert.All(stage.Steps, step => Assert.StartsWith("stp_new", step.Id, StringComparison.Ordinal));
        Assert.NotEqual(stage.Steps[0].Id, stage.Steps[1].Id);
    }

    [Fact]
    public void Create_DraftWithStageId_IsRejectedAsUnknown()
    {
        var draft = new ProcessDraft { Name = "Sales", Stages = [TestData.StageDraft("Lead") with { Id = "stg_1" }] };

        var result = ProcessEditor.Create("prc_9", draft, _ids.New);

        Assert.Equal(["stages[0].id"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void Replace_IdsSent_AreKept()
    {
        var current = TestData.TwoStages();
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages =
            [
                TestData.StageDraft("Second first", TestData.StepDraft("D", id: "d")) with { Id = "s2" },
                TestData.StageDraft("First", TestData.StepDraft("C", id: "c"), TestData.StepDraft("A", id: "a"))
                    with { Id = "s1" },
            ],
        };

        var saved = ProcessEditor.Replace(current, draft, _ids.New).Value;

        Assert.Equal(["s2", "s1"], TestData.StageIds(saved));
        Assert.Equal(["c", "a"], TestData.StepIds(saved, "s1"));
        Assert.Equal("Second first", saved.FindStage("s2")?.Name);
        Assert.Null(saved.FindStep("b"));
    }

    [Fact]
    public void Replace_StepSentUnderAnotherStage_MovesItKeepingItsId()
    {
        var current = TestData.TwoStages();
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages =
            [
                TestData.StageDraft("One", TestData.StepDraft("A", id: "a")) with { Id = "s1" },
                TestData.StageDraft("Two", TestData.StepDraft("D", id: "d"), TestData.StepDraft("B", id: "b"))
                    with { Id = "s2" },
            ],
        };

        var saved = ProcessEditor.Replace(current, draft, _ids.New).Value;

        Assert.Equal(["d", "b"], TestData.StepIds(saved, "s2"));
    }

    [Fact]
    public void Replace_StagesAndStepsWithoutIds_GetNewIds()
    {
        var current = TestData.TwoStages();
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages =
            [
                TestData.StageDraft("One", TestData.StepDraft("A", id: "a"), TestData.StepDraft("New"))
                    with { Id = "s1" },
                TestData.StageDraft("Fresh"),
            ],
        };

        var saved = ProcessEditor.Replace(current, draft, _ids.New).Value;

        Assert.Equal("s1", saved.Stages[0].Id);
        Assert.StartsWith("stg_new", saved.Stages[1].Id, StringComparison.Ordinal);
        Assert.Equal("a", saved.Stages[0].Steps[0].Id);
        Assert.StartsWith("stp_new", saved.Stages[0].Steps[1].Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s9", "No stage")]
    [InlineData("a", "No stage")]
    [InlineData("s/1", "not a valid id")]
    public void Replace_UnknownOrInvalidStageId_IsRejected(string stageId, string message)
    {
        var draft = new ProcessDraft { Name = "Sales", Stages = [TestData.StageDraft("X") with { Id = stageId }] };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Contains(message, Assert.Single(result.Problem!.Errors!["stages[0].id"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_UnknownStepId_IsRejected()
    {
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages = [TestData.StageDraft("X", TestData.StepDraft(id: "a"), TestData.StepDraft(id: "stp_x"))],
        };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Equal(["stages[0].steps[1].id"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void Replace_StageIdUsedTwice_IsRejected()
    {
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages = [TestData.StageDraft("X") with { Id = "s1" }, TestData.StageDraft("Y") with { Id = "s1" }],
        };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Equal(["stages[1].id"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void Replace_StepIdUsedInTwoStages_IsRejected()
    {
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages =
            [
                TestData.StageDraft("X", TestData.StepDraft(id: "b")),
                TestData.StageDraft("Y", TestData.StepDraft(id: "b")),
            ],
        };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Equal(["stages[1].steps[0].id"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void Replace_NullStages_IsRejected()
    {
        var draft = new ProcessDraft { Name = "Sales", Stages = null! };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Equal(["stages"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void Replace_NullStageAndNullStep_AreRejectedByPosition()
    {
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages = [null!, TestData.StageDraft("Y") with { Steps = [null!] }],
        };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Equal(["stages[0]", "stages[1].steps[0]"], result.Problem?.Errors?.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Replace_InvalidStepInSecondStage_NamesItsPath()
    {
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages =
            [
                TestData.StageDraft("X"),
                TestData.StageDraft("Y", TestData.StepDraft(), TestData.StepDraft(weight: 101)),
            ],
        };

        var result = ProcessEditor.Replace(TestData.TwoStages(), draft, _ids.New);

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        Assert.Equal(["stages[1].steps[1].weight"], result.Problem?.Errors?.Keys);
    }
}
