using Microsoft.Extensions.Caching.Memory;
using Moq;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Tests.Accounts;

public sealed class AuthenticatorTests : IDisposable
{
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly Mock<IAccountStore> _store = new();
    private readonly ApiKeySecret _secret = ApiKeySecret.Create("acc_1", "key_1");
    private readonly Authenticator _authenticator;

    public AuthenticatorTests()
    {
        _authenticator = new Authenticator(_store.Object, new ApiKeyCache(_memory, TimeSpan.FromMinutes(5)));
    }

    public void Dispose() => _memory.Dispose();

    [Fact]
    public async Task AuthenticateAsync_SameKeyTwice_ReadsTheStoreOnce()
    {
        StoreHas(Key());

        var first = await _authenticator.AuthenticateAsync(_secret.Text, CancellationToken.None);
        var second = await _authenticator.AuthenticateAsync(_secret.Text, CancellationToken.None);

        var expected = new Caller("acc_1", "mbr_1", MemberRole.Manager, "key_1");
        Assert.Equal(expected, first.Value);
        Assert.Equal(expected, second.Value);
        _store.Verify(s => s.FindKeyAsync("acc_1", "key_1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AuthenticateAsync_CachedKeyUnderAnotherAccount_MissesTheCacheAndIsRejected()
    {
        StoreHas(Key());
        await _authenticator.AuthenticateAsync(_secret.Text, CancellationToken.None);
        var foreign = new ApiKeySecret("acc_2", "key_1", _secret.Secret);

        var result = await _authenticator.AuthenticateAsync(foreign.Text, CancellationToken.None);

        Assert.Same(Authenticator.Unauthenticated, result.Problem);
        _store.Verify(s => s.FindKeyAsync("acc_2", "key_1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AuthenticateAsync_RevokedKey_IsRejected()
    {
        StoreHas(Key() with { RevokedAt = TestData.Created });

        var result = await _authenticator.AuthenticateAsync(_secret.Text, CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, result.Problem?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongSecret_IsRejectedEvenWhenCached()
    {
        StoreHas(Key());
        await _authenticator.AuthenticateAsync(_secret.Text, CancellationToken.None);
        var guessed = ApiKeySecret.Create("acc_1", "key_1");

        var result = await _authenticator.AuthenticateAsync(guessed.Text, CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, result.Problem?.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKey_IsRejected()
    {
        var result = await _authenticator.AuthenticateAsync(_secret.Text, CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, result.Problem?.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pfk.acc_1.key_1")]
    public async Task AuthenticateAsync_MalformedKey_IsRejectedWithoutReadingTheStore(string? bearer)
    {
        var result = await _authenticator.AuthenticateAsync(bearer, CancellationToken.None);

        Assert.Equal(ProblemKind.Unauthorized, result.Problem?.Kind);
        _store.Verify(
            s => s.FindKeyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private ApiKey Key() =>
        new("key_1", "mbr_1", "Laptop", _secret.Hash, MemberRole.Manager, TestData.Created, null);

    private void StoreHas(ApiKey key) =>
        _store.Setup(s => s.FindKeyAsync("acc_1", key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(key);
}
