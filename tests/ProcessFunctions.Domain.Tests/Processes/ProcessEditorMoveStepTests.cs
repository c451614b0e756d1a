using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessEditorMoveStepTests
{
    private readonly ProcessDefinition _current = TestData.TwoStages();

    [Fact]
    public void PatchStep_OtherStageWithoutPosition_MovesToItsEndKeepingTheId()
    {
        var patch = new StepPatch { StageId = Present("s2") };

        var edited = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value;

        Assert.Equal(["a", "c"], TestData.StepIds(edited, "s1"));
        Assert.Equal(["d", "b"], TestData.StepIds(edited, "s2"));
        Assert.Equal(_current.FindStep("b")?.Step, edited.FindStep("b")?.Step);
        Assert.Contains("moved", edited.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void PatchStep_OtherStageAtPosition_InsertsThere()
    {
        var patch = new StepPatch { StageId = Present("s2"), Position = Present(0), Weight = Present(70) };

        var edited = ProcessEditor.PatchStep(_current, "s1", "c", patch).Value;

        Assert.Equal(["c", "d"], TestData.StepIds(edited, "s2"));
        Assert.Equal(70, edited.FindStep("c")?.Step.Weight);
    }

    [Theory]
    [InlineData(0, "b,a,c")]
    [InlineData(1, "a,b,c")]
    [InlineData(2, "a,c,b")]
    public void PatchStep_PositionInSameStage_MovesWithinIt(int position, string expected)
    {
        var patch = new StepPatch { Position = Present(position) };

        var edited = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value;

        Assert.Equal(expected.Split(','), TestData.StepIds(edited, "s1"));
    }

    [Fact]
    public void PatchStep_SameStageIdWithoutPosition_KeepsThePlace()
    {
        var patch = new StepPatch { StageId = Present("s1"), Name = Present("Renamed") };

        var edited = ProcessEditor.PatchStep(_current, "s1", "b", patch).Value;

        Assert.Equal(["a", "b", "c"], TestData.StepIds(edited, "s1"));
        Assert.Equal("Renamed", edited.Stages[0].Steps[1].Name);
    }

    [Theory]
    [InlineData("s1", -1)]
    [InlineData("s1", 3)]
    [InlineData("s2", 2)]
    public void PatchStep_PositionOutsideTheTargetStage_IsRejected(string stageId, int position)
    {
        var patch = new StepPatch { StageId = Present(stageId), Position = Present(position) };

        var result = ProcessEditor.PatchStep(_current, "s1", "b", patch);

        Assert.Equal(["position"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void PatchStep_UnknownTargetStage_IsRejected()
    {
        var result = ProcessEditor.PatchStep(_current, "s1", "b", new StepPatch { StageId = Present("s9") });

        Assert.Equal(["stageId"], result.Problem?.Errors?.Keys);
        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
    }

    [Fact]
    public void PatchStep_NullTargetStage_IsRejected()
    {
        var result = ProcessEditor.PatchStep(_current, "s1", "b", new StepPatch { StageId = Present<string>(null) });

        Assert.Equal(["stageId"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void PatchStep_MoveIntoFullStage_IsRejected()
    {
        var steps = Enumerable.Range(0, Limits.StepsPerStage).Select(i => TestData.Step($"x{i}", 1)).ToArray();
        var current = TestData.Process(TestData.Stage("s1", TestData.Step("a")), TestData.Stage("full", steps));

        var result = ProcessEditor.PatchStep(current, "s1", "a", new StepPatch { StageId = Present("full") });

        Assert.Equal(["stageId"], result.Problem?.Errors?.Keys);
    }

    [Fact]
    public void PatchStep_StepAlreadyInFullStage_CanStillChange()
    {
        var steps = Enumerable.Range(0, Limits.StepsPerStage).Select(i => TestData.Step($"x{i}", 1)).ToArray();
        var current = TestData.Process(TestData.Stage("full", steps));
        var patch = new StepPatch { StageId = Present("full"), Position = Present(0) };

        var edited = ProcessEditor.PatchStep(current, "full", "x99", patch).Value;

        Assert.Equal("x99", edited.Stages[0].Steps[0].Id);
        Assert.Equal(Limits.StepsPerStage, edited.Stages[0].Steps.Count);
    }

    private static Optional<T> Present<T>(T? value) => new(true, value);
}
