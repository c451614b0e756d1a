using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessDefinitionTests
{
    [Fact]
    public void TotalWeight_StepsInSeveralStages_IsTheSumOfAllWeights()
    {
        var process = TestData.Process(
            TestData.Stage("s1", TestData.Step("a", 10), TestData.Step("b", 25)),
            TestData.Stage("s2"),
            TestData.Stage("s3", TestData.Step("c", 100)));

        var total = process.TotalWeight;

        Assert.Equal(135, total);
    }

    [Fact]
    public void TotalWeight_NoStages_IsZero()
    {
        var process = TestData.Process();

        var total = process.TotalWeight;

        Assert.Equal(0, total);
    }

    [Fact]
    public void FindStep_StepInSecondStage_ReturnsStepWithItsStage()
    {
        var process = TestData.TwoStages();

        var found = process.FindStep("d");

        Assert.Equal("s2", found?.Stage.Id);
        Assert.Equal("d", found?.Step.Id);
    }

    [Fact]
    public void FindStep_UnknownId_ReturnsNull()
    {
        var process = TestData.TwoStages();

        var found = process.FindStep("zzz");

        Assert.Null(found);
    }
}
