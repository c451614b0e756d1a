using Microsoft.Extensions.Caching.Memory;
using Moq;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Tests.Accounts;

public sealed class AccountServiceTests : IDisposable
{
    private static readonly Account Account = new("acc_1", "Acme", TestData.Created);
    private static readonly Member Admin =
        new("mbr_admin", "Ada", "ada@acme.test", MemberRole.Administrator, TestData.Created);
    private static readonly Member Sam = new("mbr_sam", "Sam", "sam@acme.test", MemberRole.User, TestData.Created);

    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly Mock<IAccountStore> _store = new();
    private readonly ApiKeyCache _keyCache;
    private readonly AccountService _service;

    public AccountServiceTests()
    {
        _keyCache = new ApiKeyCache(_memory, TimeSpan.FromMinutes(5));
        _service = new AccountService(_store.Object, _keyCache, new FixedClock(TestData.Created));
        _store.Setup(s => s.FindMemberAsync("acc_1", Admin.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Admin);
        _store.Setup(s => s.FindMemberAsync("acc_1", Sam.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Sam);
        _store.Setup(s => s.ListKeysAsync("acc_1", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _store.Setup(s => s.SaveAsync(It.IsAny<MemberChange>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MemberChangeOutcome.Saved);
    }

    public void Dispose() => _memory.Dispose();

    [Fact]
    public async Task PatchMemberAsync_DemotingTheLastAdministrator_IsConflictWithoutSaving()
    {
        AccountHasAdministrators(1);
        var patch = new MemberPatch { Role = new Optional<MemberRole>(true, MemberRole.Manager) };

        var result = await _service.PatchMemberAsync(TestData.Administrator, Admin.Id, patch, CancellationToken.None);

        Assert.Equal(ProblemKind.Conflict, result.Problem?.Kind);
        Assert.Equal("last-administrator", result.Problem?.Code);
        _store.Verify(s => s.SaveAsync(It.IsAny<MemberChange>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task PatchMemberAsync_DemotingOneOfTwoAdministrators_SavesAndUpdatesKeyRoles()
    {
        AccountHasAdministrators(2);
        var key = new ApiKey("key_1", Admin.Id, "Laptop", "hash", MemberRole.Administrator, TestData.Created, null);
        _store.Setup(s => s.ListKeysAsync("acc_1", Admin.Id, It.IsAny<CancellationToken>())).ReturnsAsync([key]);
        _keyCache.Set("acc_1", key);
        var patch = new MemberPatch { Role = new Optional<MemberRole>(true, MemberRole.User) };

        var result = await _service.PatchMemberAsync(TestData.Administrator, Admin.Id, patch, CancellationToken.None);

        Assert.Equal(MemberRole.User, result.Value.Role);
        _store.Verify(s => s.SaveAsync(
            It.Is<MemberChange>(c => c.AdministratorCount == 1 && c.Keys.Single().Role == MemberRole.User),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.False(_keyCache.TryGet("acc_1", "key_1", out _));
    }

    [Fact]
    public async Task DeleteMemberAsync_LastAdministrator_IsConflictWithoutSaving()
    {
        AccountHasAdministrators(1);

        var result = await _service.DeleteMemberAsync(TestData.Administrator, Admin.Id, CancellationToken.None);

        Assert.Equal("last-administrator", result.Problem?.Code);
        _store.Verify(s => s.SaveAsync(It.IsAny<MemberChange>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DeleteMemberAsync_UserBesideTheOnlyAdministrator_IsRemoved()
    {
        AccountHasAdministrators(1);

        var result = await _service.DeleteMemberAsync(TestData.Administrator, Sam.Id, CancellationToken.None);

        Assert.True(result.IsSuccess);
        _store.Verify(s => s.SaveAsync(
            It.Is<MemberChange>(c =>
                c.Removed == Sam && c.AdministratorCount == 1 && c.ReleasedEmail == "sam@acme.test"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sam")]
    [InlineData("sam@")]
    [InlineData("@acme.test")]
    [InlineData("Sam <sam@acme.test>")]
    [InlineData("sam@acme.test, eve@acme.test")]
    public async Task CreateMemberAsync_BadEmail_IsValidationWithoutSaving(string email)
    {
        var request = new CreateMemberRequest { DisplayName = "Sam", Email = email, Role = MemberRole.User };

        var result = await _service.CreateMemberAsync(TestData.Administrator, request, CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        Assert.Equal(["email"], result.Problem?.Errors?.Keys);
        _store.Verify(s => s.SaveAsync(It.IsAny<MemberChange>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CreateMemberAsync_ValidRequest_ClaimsTheNormalizedEmail()
    {
        AccountHasAdministrators(1);
        var request = new CreateMemberRequest
        {
            DisplayName = " Eve ", Email = " Eve@Acme.test ", Role = MemberRole.Manager,
        };

        var result = await _service.CreateMemberAsync(TestData.Administrator, request, CancellationToken.None);

        Assert.Equal("Eve", result.Value.DisplayName);
        _store.Verify(s => s.SaveAsync(
            It.Is<MemberChange>(c => c.ClaimedEmail == "eve@acme.test" && c.Added == result.Value),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private void AccountHasAdministrators(int count) =>
        _store.Setup(s => s.FindAsync("acc_1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredAccount(Account, count, "etag-1"));
}
