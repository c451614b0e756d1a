using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessEditorStepTests
{
    [Fact]
    public void AddStep_WithoutPosition_AppendsToTheStage()
    {
        var request = new AddStepRequest { Name = " Send offer ", Weight = 20, Obligatory = true };

        var edited = ProcessEditor.AddStep(TestData.TwoStages(), "s1", "e", request).Value;

        Assert.Equal(["a", "b", "c", "e"], TestData.StepIds(edited, "s1"));
        var step = edited.FindStep("e")!.Value.Step;
        Assert.Equal("Send offer", step.Name);
        Assert.Equal(20, step.Weight);
        Assert.True(step.Obligatory);
    }

    [Fact]
    public void AddStep_AtPositionZero_InsertsFirst()
    {
        var request = new AddStepRequest { Name = "Intro", Weight = 5, Position = 0 };

        var edited = ProcessEditor.AddStep(TestData.TwoStages(), "s1", "e", request).Value;

        Assert.Equal(["e", "a", "b", "c"], TestData.StepIds(edited, "s1"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void AddStep_PositionOutsideTheStage_IsRejected(int position)
    {
        var request = new AddStepRequest { Name = "Intro", Weight = 5, Position = position };

        var result = ProcessEditor.AddStep(TestData.TwoStages(), "s1", "e", request);

        Assert.Equal(["position"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStep_WithClientId_IsRejected()
    {
        var request = new AddStepRequest { Id = "mine", Name = "Intro", Weight = 5 };

        var result = ProcessEditor.AddStep(TestData.TwoStages(), "s1", "e", request);

        Assert.Equal(["id"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStep_WeightAbove100_IsRejected()
    {
        var request = new AddStepRequest { Name = "Intro", Weight = 101 };

        var result = ProcessEditor.AddStep(TestData.TwoStages(), "s1", "e", request);

        Assert.Equal(["weight"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStep_ToFullStage_IsRejected()
    {
        var steps = Enumerable.Range(0, Limits.StepsPerStage).Select(i => TestData.Step($"x{i}", 1)).ToArray();
        var full = TestData.Process(TestData.Stage("s1", steps));

        var result = ProcessEditor.AddStep(full, "s1", "e", new AddStepRequest { Name = "More", Weight = 1 });

        Assert.Equal(["stageId"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void AddStep_UnknownStage_IsNotFound()
    {
        var request = new AddStepRequest { Name = "X", Weight = 1 };

        var result = ProcessEditor.AddStep(TestData.TwoStages(), "s9", "e", request);

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
    }

    [Fact]
    public void DeleteStep_KnownStep_RemovesOnlyIt()
    {
        var edited = ProcessEditor.DeleteStep(TestData.TwoStages(), "s1", "b").Value;

        Assert.Equal(["a", "c"], TestData.StepIds(edited, "s1"));
        Assert.Equal(["d"], TestData.StepIds(edited, "s2"));
    }

    [Theory]
    [InlineData("s1", "zzz")]
    [InlineData("s2", "a")]
    [InlineData("s9", "a")]
    public void DeleteStep_StepNotInThatStage_IsNotFound(string stageId, string stepId)
    {
        var result = ProcessEditor.DeleteStep(TestData.TwoStages(), stageId, stepId);

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
    }

    [Fact]
    public void ReorderSteps_Permutation_Reorders()
    {
        var edited = ProcessEditor.ReorderSteps(TestData.TwoStages(), "s1", ["c", "a", "b"]).Value;

        Assert.Equal(["c", "a", "b"], TestData.StepIds(edited, "s1"));
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a,b,b")]
    [InlineData("a,b,c,c")]
    [InlineData("a,b,d")]
    public void ReorderSteps_NotAPermutation_IsRejected(string stepIds)
    {
        var result = ProcessEditor.ReorderSteps(TestData.TwoStages(), "s1", stepIds.Split(','));

        Assert.Equal(["stepIds"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void ReorderSteps_UnknownStage_IsNotFound()
    {
        var result = ProcessEditor.ReorderSteps(TestData.TwoStages(), "s9", ["a"]);

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
    }
}
