using ProcessFunctions.Domain.Accounts;

namespace ProcessFunctions.Domain.Tests.Accounts;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void TryParse_TextOfCreatedKey_RoundTrips()
    {
        var created = ApiKeySecret.Create("acc_1", "key_1");

        var parsed = ApiKeySecret.TryParse(created.Text, out var key);

        Assert.True(parsed);
        Assert.Equal(created, key);
        Assert.StartsWith("pfk.acc_1.key_1.", created.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoKeys_HaveDifferentSecretsAndHashes()
    {
        var first = ApiKeySecret.Create("acc_1", "key_1");
        var second = ApiKeySecret.Create("acc_1", "key_1");

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void Matches_OwnHash_IsTrue()
    {
        var key = ApiKeySecret.Create("acc_1", "key_1");
        Assert.True(ApiKeySecret.TryParse(key.Text, out var presented));

        var matches = presented.Matches(key.Hash);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-hash")]
    public void Matches_AnythingButItsHash_IsFalse(string storedHash)
    {
        var key = ApiKeySecret.Create("acc_1", "key_1");

        Assert.False(key.Matches(storedHash));
        Assert.False(key.Matches(ApiKeySecret.Create("acc_1", "key_1").Hash));
    }

    [Fact]
    public void Hash_IsNotTheSecret()
    {
        var key = ApiKeySecret.Create("acc_1", "key_1");

        Assert.DoesNotContain(key.Secret, key.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret, key.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pfk.acc_1.key_1")]
    [InlineData("pfk.acc_1.key_1.abcdefghijklmnopqrstuvwxyz.extra")]
    [InlineData("xyz.acc_1.key_1.abcdefghijklmnopqrstuvwxyz")]
    [InlineData("PFK.acc_1.key_1.abcdefghijklmnopqrstuvwxyz")]
    [InlineData("pfk..key_1.abcdefghijklmnopqrstuvwxyz")]
    [InlineData("pfk.acc_1..abcdefghijklmnopqrstuvwxyz")]
    [InlineData("pfk.acc/1.key_1.abcdefghijklmnopqrstuvwxyz")]
    [InlineData("pfk.acc_1.key#1.abcdefghijklmnopqrstuvwxyz")]
    [InlineData("pfk.acc_1.key_1.0123456789012345678")]
    [InlineData("Bearer pfk.acc_1.key_1.abcdefghijklmnopqrstuvwxyz")]
    public void TryParse_MalformedText_IsRejected(string? text)
    {
        var parsed = ApiKeySecret.TryParse(text, out var key);

        Assert.False(parsed);
        Assert.Null(key);
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void TryParse_SecretLength_IsAcceptedFrom20To100(int length, bool accepted)
    {
        var text = $"pfk.acc_1.key_1.{new string('s', length)}";

        var parsed = ApiKeySecret.TryParse(text, out _);

        Assert.Equal(accepted, parsed);
    }
}
