using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessEditorStageTests
{
    private readonly IdSequence _ids = new();

    [Fact]
    public void AddStage_WithoutPosition_AppendsAtTheEnd()
    {
        var request = new AddStageRequest { Name = " Closing " };

        var edited = ProcessEditor.AddStage(TestData.TwoStages(), "s3", request, _ids.New).Value;

        Assert.Equal(["s1", "s2", "s3"], TestData.StageIds(edited));
        Assert.Equal("Closing", edited.Stages[2].Name);
    }

    [Theory]
    [InlineData(0, new[] { "s3", "s1", "s2" })]
    [InlineData(1, new[] { "s1", "s3", "s2" })]
    [InlineData(2, new[] { "s1", "s2", "s3" })]
    public void AddStage_AtPosition_InsertsThere(int position, string[] expected)
    {
        var request = new AddStageRequest { Name = "Closing", Position = position };

        var edited = ProcessEditor.AddStage(TestData.TwoStages(), "s3", request, _ids.New).Value;

        Assert.Equal(expected, TestData.StageIds(edited));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void AddStage_PositionOutsideTheList_IsRejected(int position)
    {
        var request = new AddStageRequest { Name = "Closing", Position = position };

        var result = ProcessEditor.AddStage(TestData.TwoStages(), "s3", request, _ids.New);

        Assert.Equal(["position"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStage_WithSteps_AssignsStepIds()
    {
        var request = new AddStageRequest { Name = "Closing", Steps = [TestData.StepDraft("Sign", 30)] };

        var edited = ProcessEditor.AddStage(TestData.TwoStages(), "s3", request, _ids.New).Value;

        var step = Assert.Single(edited.FindStage("s3")!.Steps);
        Assert.Equal("stp_new1", step.Id);
        Assert.Equal(30, step.Weight);
    }

    [Fact]
    public void AddStage_StepWithId_IsRejected()
    {
        var request = new AddStageRequest { Name = "Closing", Steps = [TestData.StepDraft(id: "a")] };

        var result = ProcessEditor.AddStage(TestData.TwoStages(), "s3", request, _ids.New);

        Assert.Equal(["steps[0].id"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStage_ToProcessWithMaximumStages_IsRejected()
    {
        var full = TestData.Process(
            Enumerable.Range(0, Limits.StagesPerProcess).Select(i => TestData.Stage($"s{i}")).ToArray());

        var result = ProcessEditor.AddStage(full, "s99", new AddStageRequest { Name = "One more" }, _ids.New);

        Assert.Equal(["stages"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStage_EmptyName_IsRejected()
    {
        var result = ProcessEditor.AddStage(TestData.TwoStages(), "s3", new AddStageRequest { Name = " " }, _ids.New);

        Assert.Equal(["name"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void RenameStage_KnownStage_RenamesOnlyThatStage()
    {
        var current = TestData.TwoStages();

        var edited = ProcessEditor.RenameStage(current, "s2", " Negotiation ").Value;

        Assert.Equal("Negotiation", edited.FindStage("s2")?.Name);
        Assert.Equal(current.Stages[0], edited.Stages[0]);
        Assert.Equal(current.Stages[1].Steps, edited.Stages[1].Steps);
    }

    [Fact]
    public void RenameStage_UnknownStage_IsNotFound()
    {
        var result = ProcessEditor.RenameStage(TestData.TwoStages(), "s9", "Negotiation");

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
    }

    [Fact]
    public void RenameStage_EmptyName_IsRejected()
    {
        var result = ProcessEditor.RenameStage(TestData.TwoStages(), "s1", "");

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
    }

    [Fact]
    public void DeleteStage_KnownStage_RemovesItAndItsSteps()
    {
        var edited = ProcessEditor.DeleteStage(TestData.TwoStages(), "s1").Value;

        Assert.Equal(["s2"], TestData.StageIds(edited));
        Assert.Null(edited.FindStep("a"));
    }

    [Fact]
    public void DeleteStage_UnknownStage_IsNotFound()
    {
        var result = ProcessEditor.DeleteStage(TestData.TwoStages(), "s9");

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
    }

    [Fact]
    public void ReorderStages_Permutation_ReordersKeepingSteps()
    {
        var current = TestData.TwoStages();

        var edited = ProcessEditor.ReorderStages(current, ["s2", "s1"]).Value;

        Assert.Equal(["s2", "s1"], TestData.StageIds(edited));
        Assert.Equal(["a", "b", "c"], TestData.StepIds(edited, "s1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s1")]
    [InlineData("s1,s1")]
    [InlineData("s1,s2,s2")]
    [InlineData("s1,s9")]
    [InlineData("s1,s2,s9")]
    public void ReorderStages_NotAPermutation_IsRejected(string stageIds)
    {
        var ids = stageIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var result = ProcessEditor.ReorderStages(TestData.TwoStages(), ids);

        Assert.Equal(["stageIds"], result.Problem?.Errors?.Keys);
    }
}
