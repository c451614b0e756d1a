using Moq;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class ProcessServiceMemberAndArchiveTests
{
    private readonly Mock<IProcessStore> _store = new();
    private readonly Mock<IAccountStore> _accounts = new();
    private readonly ProcessService _service;

    public ProcessServiceMemberAndArchiveTests()
    {
        _service = new ProcessService(_store.Object, _accounts.Object, new FixedClock(TestData.Created));
        _accounts.Setup(a => a.MemberIdsAsync("acc_1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HashSet<string>(["mbr_admin", "mbr_sam"], StringComparer.Ordinal));
        _store.Setup(s => s.SaveAsync(
                It.IsAny<string>(), It.IsAny<ProcessDefinition>(), It.IsAny<string?>(), It.IsAny<bool>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
    }

    [Fact]
    public async Task EditAsync_SelectedMemberNotInAccount_IsValidationWithoutSaving()
    {
        StoreHas(TestData.TwoStages());

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, SelectOnStepA("mbr_sam", "mbr_gone"), CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        var message = Assert.Single(result.Problem!.Errors!["memberIds"]);
        Assert.Contains("mbr_gone", message, StringComparison.Ordinal);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task EditAsync_SelectedMembersOfTheAccount_IsSaved()
    {
        StoreHas(TestData.TwoStages());

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, SelectOnStepA("mbr_sam"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        VerifySaved(Times.Once());
    }

    [Fact]
    public async Task EditAsync_MemberReferencedBeforeTheEdit_IsNotCheckedAgain()
    {
        var step = TestData.Step("a") with { Notify = new(MemberIds: ["mbr_left_company"]) };
        StoreHas(TestData.Process(TestData.Stage("s1", step)));

        var result = await _service.EditAsync(
            TestData.Administrator, "prc_1", null, c => ProcessEditor.RenameStage(c, "s1", "New"),
            CancellationToken.None);

        Assert.True(result.IsSuccess);
        _accounts.Verify(a => a.MemberIdsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CreateAsync_FollowUpAssigneeNotInAccount_IsValidationWithoutSaving()
    {
        var task = new FollowUpTaskSettings("Call", FollowUpTaskType.Call, 1, FollowUpAssignee.Selected, "mbr_gone");
        var draft = new ProcessDraft
        {
            Name = "Sales",
            Stages = [TestData.StageDraft("Lead", TestData.StepDraft() with { FollowUpTask = task })],
        };

        var result = await _service.CreateAsync(TestData.Administrator, draft, CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task CreateAsync_FirstProcessOfAccount_BecomesDefault()
    {
        var draft = new ProcessDraft { Name = "Sales", Stages = [TestData.StageDraft("Lead", TestData.StepDraft())] };

        var result = await _service.CreateAsync(TestData.Administrator, draft, CancellationToken.None);

        Assert.True(result.Value.IsDefault);
        Assert.Equal(1, result.Value.Definition.Version);
        _store.Verify(s => s.SaveAsync(
            "acc_1", result.Value.Definition, null, true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ArchiveAsync_DefaultProcess_IsConflictWithoutSaving()
    {
        StoreHas(TestData.TwoStages());
        _store.Setup(s => s.FindDefaultAsync("acc_1", It.IsAny<CancellationToken>())).ReturnsAsync("prc_1");

        var result = await _service.ArchiveAsync(TestData.Administrator, "prc_1", null, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, result.Problem?.Kind);
        Assert.Equal("default-process", result.Problem?.Code);
        VerifySaved(Times.Never());
    }

    [Fact]
    public async Task ArchiveAsync_OtherProcess_SavesItArchived()
    {
        StoreHas(TestData.TwoStages());
        _store.Setup(s => s.FindDefaultAsync("acc_1", It.IsAny<CancellationToken>())).ReturnsAsync("prc_other");

        var result = await _service.ArchiveAsync(TestData.Administrator, "prc_1", "\"1\"", CancellationToken.None);

        Assert.True(result.Value.Definition.Archived);
        Assert.False(result.Value.IsDefault);
        VerifySaved(Times.Once());
    }

    [Theory]
    [InlineData("\"4\"", true)]
    [InlineData("*", true)]
    [InlineData("\"1\", \"4\"", true)]
    [InlineData("\"3\"", false)]
    [InlineData("4", false)]
    [InlineData("\"40\"", false)]
    public void ETagMatches_IfMatchHeader_MatchesOnlyTheCurrentVersion(string ifMatch, bool expected)
    {
        var matches = ProcessETag.Matches(ifMatch, 4);

        Assert.Equal(expected, matches);
    }

    private static Func<ProcessDefinition, Result<ProcessDefinition>> SelectOnStepA(params string[] memberIds) =>
        current => ProcessEditor.PatchStep(current, "s1", "a", new StepPatch
        {
            CompletableBy = new Optional<CompletableBy>(true, new(CompletableByRule.Selected, memberIds)),
        });

    private void StoreHas(ProcessDefinition definition) =>
        _store.Setup(s => s.FindAsync("acc_1", definition.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredProcess(definition, "tag-1"));

    private void VerifySaved(Times times) =>
        _store.Verify(s => s.SaveAsync(
            It.IsAny<string>(), It.IsAny<ProcessDefinition>(), It.IsAny<string?>(), It.IsAny<bool>(),
            It.IsAny<CancellationToken>()), times);
}
