using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessEditorLimitsTests
{
    private readonly IdSequence _ids = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Replace_EmptyName_IsRejected(string name)
    {
        var result = ProcessEditor.Replace(TestData.Process(), new ProcessDraft { Name = name }, _ids.New);

        Assert.Equal(["name"], result.Problem?.Errors?.Keys);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(Limits.NameLength, true)]
    [InlineData(Limits.NameLength + 1, false)]
    public void Replace_NameByLength_IsAcceptedUpToTheLimit(int length, bool accepted)
    {
        var draft = new ProcessDraft { Name = new string('n', length) };

        var result = ProcessEditor.Replace(TestData.Process(), draft, _ids.New);

        Assert.Equal(accepted, result.IsSuccess);
    }

    [Fact]
    public void Replace_StageNameTooLong_IsRejected()
    {
        var draft = new ProcessDraft { Name = "Sales", Stages = [TestData.StageDraft(new string('n', 201))] };

        var result = ProcessEditor.Replace(TestData.Process(), draft, _ids.New);

        Assert.Equal(["stages[0].name"], result.Problem?.Errors?.Keys);
    }

    [Theory]
    [InlineData(Limits.DescriptionLength, true)]
    [InlineData(Limits.DescriptionLength + 1, false)]
    public void Replace_DescriptionByLength_IsAcceptedUpToTheLimit(int length, bool accepted)
    {
        var draft = new ProcessDraft { Name = "Sales", Description = new string('d', length) };

        var result = ProcessEditor.Replace(TestData.Process(), draft, _ids.New);

        Assert.Equal(accepted, result.IsSuccess);
    }

    [Fact]
    public void Replace_BlankDescription_IsStoredAsNull()
    {
        var current = TestData.Process() with { Description = "Old" };
        var draft = new ProcessDraft { Name = "Sales", Description = "   " };

        var saved = ProcessEditor.Replace(current, draft, _ids.New).Value;

        Assert.Null(saved.Description);
    }

    [Theory]
    [InlineData(Limits.StagesPerProcess, true)]
    [InlineData(Limits.StagesPerProcess + 1, false)]
    public void Replace_StageCount_IsAcceptedUpToTheLimit(int count, bool accepted)
    {
        var stages = Enumerable.Range(0, count).Select(i => TestData.StageDraft($"Stage {i}")).ToList();
        var draft = new ProcessDraft { Name = "S", Stages = stages };

        var result = ProcessEditor.Replace(TestData.Process(), draft, _ids.New);

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted, result.Problem?.Errors?.ContainsKey("stages") is not true);
    }

    [Theory]
    [InlineData(Limits.StepsPerStage, true)]
    [InlineData(Limits.StepsPerStage + 1, false)]
    public void Replace_StepCount_IsAcceptedUpToTheLimit(int count, bool accepted)
    {
        var steps = Enumerable.Range(0, count).Select(i => TestData.StepDraft($"Step {i}", weight: 1)).ToArray();
        var draft = new ProcessDraft { Name = "S", Stages = [TestData.StageDraft("Lead", steps)] };

        var result = ProcessEditor.Replace(TestData.Process(), draft, _ids.New);

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted, result.Problem?.Errors?.ContainsKey("stages[0].steps") is not true);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Replace_StepWeight_IsAcceptedFrom0To100(int weight, bool accepted)
    {
        var stage = TestData.StageDraft("Lead", TestData.StepDraft(weight: weight));
        var draft = new ProcessDraft { Name = "S", Stages = [stage] };

        var result = ProcessEditor.Replace(TestData.Process(), draft, _ids.New);

        Assert.Equal(accepted, result.IsSuccess);
    }
}
