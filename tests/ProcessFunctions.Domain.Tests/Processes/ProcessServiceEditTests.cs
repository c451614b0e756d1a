using Moq;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessServiceEditTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Mock<IProcessStore> _store = new();
    private readonly Mock<IAccountStore> _accounts = new();
    private readonly ProcessService _service;

    public ProcessServiceEditTests()
    {
        _service = new ProcessService(_store.Object, _accounts.Object, new FixedClock(Now));
    }

    [Fact]
    public async Task EditAsync_MatchingIfMatch_SavesTheNextVersion()
    {
        StoreHas(TestData.TwoStages(), "tag-1");
        SaveReturns(true);

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", "\"1\"", Rename("Renamed"), CancellationToken.None);

        var saved = result.Value.Definition;
        Assert.Equal(2, saved.Version);
        Assert.Equal("Renamed", saved.Stages[0].Name);
        Assert.Equal(Now, saved.UpdatedAt);
        Assert.Equal("mbr_admin", saved.UpdatedBy);
        Assert.Equal("\"2\"", result.Value.ETag);
        _store.Verify(s => s.SaveAsync("acc_1", saved, "tag-1", false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task EditAsync_LostRaceWithoutIfMatch_ReappliesTheEditOnTheNewerVersion()
    {
        var newer = TestData.TwoStages() with { Version = 2, Name = "Changed meanwhile" };
        _store.SetupSequence(s => s.FindAsync("acc_1", "prc_1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredProcess(TestData.TwoStages(), "tag-1"))
            .ReturnsAsync(new StoredProcess(newer, "tag-2"));
        _store.Setup(s => s.SaveAsync(
                "acc_1", It.IsAny<ProcessDefinition>(), "tag-1", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(false);
        _store.Setup(s => s.SaveAsync(
                "acc_1", It.IsAny<ProcessDefinition>(), "tag-2", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, Rename("Renamed"), CancellationToken.None);

        var saved = result.Value.Definition;
        Assert.Equal(3, saved.Version);
        Assert.Equal("Changed meanwhile", saved.Name);
        Assert.Equal("Renamed", saved.Stages[0].Name);
        _store.Verify(
            s => s.SaveAsync("acc_1", saved, "tag-2", false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task EditAsync_RaceLostOnEveryAttempt_GivesUpWithConflict()
    {
        StoreHas(TestData.TwoStages(), "tag-1");
        SaveReturns(false);

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, Rename("Renamed"), CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, result.Problem?.Kind);
        Assert.Equal("concurrent-change", result.Problem?.Code);
        VerifySaved(Times.AtLeast(2));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("\"0\", \"3\"")]
    [InlineData("W/\"1\"")]
    public async Task EditAsync_StaleIfMatch_ReturnsPreconditionFailedWithoutSaving(string ifMatch)
    {
        StoreHas(TestData.TwoStages(), "tag-1");

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", ifMatch, Rename("Renamed"), CancellationToken.None);

        Assert.Same(Problem.StaleVersion, result.Problem);
        Assert.Equal(ProblemKind.PreconditionFailed, result.Problem?.Kind);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task EditAsync_IfMatchAndRaceLost_ReturnsPreconditionFailedWithoutRetrying()
    {
        StoreHas(TestData.TwoStages(), "tag-1");
        SaveReturns(false);

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", "\"1\"", Rename("Renamed"), CancellationToken.None);

        Assert.Equal(ProblemKind.PreconditionFailed, result.Problem?.Kind);
        VerifySaved(Times.Once());
    }

    [Fact]
    public async Task EditAsync_ArchivedProcess_IsConflictWithoutSaving()
    {
        StoreHas(TestData.TwoStages() with { Archived = true }, "tag-1");

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, Rename("Renamed"), CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, result.Problem?.Kind);
        Assert.Equal("process-archived", result.Problem?.Code);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task EditAsync_UnknownProcess_IsNotFound()
    {
        var result = await _service.EditAsync(
            TestData.Administrator, "prc_x", null, Rename("Renamed"), CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, result.Problem?.Kind);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task EditAsync_EditRejected_ReturnsItsProblemWithoutSaving()
    {
        StoreHas(TestData.TwoStages(), "tag-1");

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, Rename(""), CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task ReplaceAsync_WithoutIfMatch_ReturnsPreconditionRequiredWithoutSaving()
    {
        var draft = new ProcessDraft { Name = "Sales" };

        var result = await _service.ReplaceAsync(TestData.Administrator, "prc_1", null, draft, CancellationToken.None);

        Assert.Equal(ProblemKind.PreconditionRequired, result.Problem?.Kind);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task ReplaceAsync_WithIfMatchAndIsDefault_SavesAsDefault()
    {
        StoreHas(TestData.TwoStages(), "tag-1");
        SaveReturns(true);
        var draft = new ProcessDraft { Name = "Sales 2", IsDefault = true };

        var result = await _service.ReplaceAsync(
            TestData.Administrator, "prc_1", "\"1\"", draft, CancellationToken.None);

        Assert.True(result.Value.IsDefault);
        Assert.Equal("Sales 2", result.Value.Definition.Name);
        _store.Verify(s => s.SaveAsync(
            "acc_1", It.IsAny<ProcessDefinition>(), "tag-1", true, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static Func<ProcessDefinition, Result<ProcessDefinition>> Rename(string name) =>
        current => ProcessEditor.RenameStage(current, "s1", name);

    private void StoreHas(ProcessDefinition definition, string tag) =>
        _store.Setup(s => s.FindAsync("acc_1", definition.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredProcess(definition, tag));

    private void SaveReturns(bool saved) =>
        _store.Setup(s => s.SaveAsync(
                It.IsAny<string>(), It.IsAny<ProcessDefinition>(), It.IsAny<string?>(), It.IsAny<bool>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(saved);

    private void VerifySaved(Times times) =>
        _store.Verify(s => s.SaveAsync(
            It.IsAny<string>(), It.IsAny<ProcessDefinition>(), It.IsAny<string?>(), It.IsAny<bool>(),
            It.IsAny<CancellationToken>()), times);
}
