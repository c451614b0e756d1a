using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests.Processes;

public sealed class StepRulesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(55)]
    [InlineData(Limits.MaxWeight)]
    public void Check_WeightWithinRange_IsAccepted(int weight)
    {
        var errors = Check(TestData.StepDraft(weight: weight));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Limits.MaxWeight + 1)]
    public void Check_WeightOutsideRange_IsRejected(int weight)
    {
        var errors = Check(TestData.StepDraft(weight: weight));

        Assert.Equal(["weight"], errors.Keys);
    }

    [Fact]
    public void Check_UnderAPath_NamesTheFullFieldPath()
    {
        var errors = new FieldErrors();

        StepRules.Check(errors, "stages[2].steps[1]", TestData.StepDraft(name: " ", weight: 101));

        Assert.Equal(
            ["stages[2].steps[1].name", "stages[2].steps[1].weight"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Check_SelectedWithoutMemberIds_IsRejected(bool emptyList)
    {
        string[]? memberIds = emptyList ? [] : null;
        var draft = TestData.StepDraft() with { CompletableBy = new(CompletableByRule.Selected, memberIds) };

        var errors = Check(draft);

        Assert.Equal(["completableBy.memberIds"], errors.Keys);
    }

    [Fact]
    public void Check_SelectedWithMemberIds_IsAccepted()
    {
        var draft = TestData.StepDraft() with { CompletableBy = new(CompletableByRule.Selected, ["mbr_1", "mbr_2"]) };

        var errors = Check(draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_SelectedWithInvalidAndDuplicateMemberIds_NamesEachProblem()
    {
        var draft = TestData.StepDraft() with
        {
            CompletableBy = new(CompletableByRule.Selected, ["mbr_1", "mbr/2", "mbr_1"]),
        };

        var errors = Check(draft);

        Assert.Contains("completableBy.memberIds[1]", errors.Keys);
        Assert.Contains("completableBy.memberIds", errors.Keys);
    }

    [Fact]
    public void Check_SelectedWithTooManyMembers_IsRejected()
    {
        var ids = Enumerable.Range(0, Limits.SelectedMembers + 1).Select(i => $"mbr_{i}").ToArray();
        var draft = TestData.StepDraft() with { CompletableBy = new(CompletableByRule.Selected, ids) };

        var errors = Check(draft);

        Assert.Equal(["completableBy.memberIds"], errors.Keys);
    }

    [Theory]
    [InlineData(CompletableByRule.Everyone)]
    [InlineData(CompletableByRule.Managers)]
    [InlineData(CompletableByRule.Administrators)]
    public void Check_OtherRuleWithMemberIds_IsRejected(CompletableByRule rule)
    {
        var draft = TestData.StepDraft() with { CompletableBy = new(rule, ["mbr_1"]) };

        var errors = Check(draft);

        Assert.Equal(["completableBy.memberIds"], errors.Keys);
    }

    [Theory]
    [InlineData(CompletableByRule.Everyone)]
    [InlineData(CompletableByRule.Managers)]
    [InlineData(CompletableByRule.Administrators)]
    public void Check_OtherRuleWithoutMemberIds_IsAccepted(CompletableByRule rule)
    {
        var draft = TestData.StepDraft() with { CompletableBy = new(rule) };

        var errors = Check(draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_NotifyWithValidMemberIds_IsAccepted()
    {
        var draft = TestData.StepDraft() with { Notify = new(Managers: true, MemberIds: ["mbr_1"]) };

        var errors = Check(draft);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_NotifyWithInvalidMemberId_IsRejected()
    {
        var draft = TestData.StepDraft() with { Notify = new(MemberIds: ["mbr_1", "not valid"]) };

        var errors = Check(draft);

        Assert.Equal(["notify.memberIds[1]"], errors.Keys);
    }

    [Fact]
    public void Check_NotifyListingAMemberTwice_IsRejected()
    {
        var draft = TestData.StepDraft() with { Notify = new(MemberIds: ["mbr_1", "mbr_1"]) };

        var errors = Check(draft);

        Assert.Equal(["notify.memberIds"], errors.Keys);
    }

    [Fact]
    public void Check_NullSettings_AreRejected()
    {
        var draft = TestData.StepDraft() with { CompletableBy = null!, Notify = null! };

        var errors = Check(draft);

        Assert.Equal(["completableBy", "notify"], errors.Keys.Order(StringComparer.Ordinal));
    }

    private static IReadOnlyDictionary<string, string[]> Check(StepDraft draft)
    {
        var errors = new FieldErrors();
        StepRules.Check(errors, "", draft);
        return errors.ToDictionary();
    }
}
