using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Tests.Common;

public sealed class IdsTests
{
    private static readonly char[] UnsafeCharacters = ['/', '\\', '#', '?'];

    [Fact]
    public void New_ManyIds_AreValidAndSafeAsKeys()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => Ids.New("stp")).ToList();

        Assert.All(ids, id =>
        {
            Assert.True(Ids.IsValid(id), id);
            Assert.StartsWith("stp_", id, StringComparison.Ordinal);
            Assert.Equal("stp_".Length + 16, id.Length);
            Assert.Equal(-1, id.IndexOfAny(UnsafeCharacters));
            Assert.DoesNotContain(id, char.IsControl);
        });
    }

    [Fact]
    public void New_ManyIds_AreDistinct()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => Ids.New("prc")).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("stg_0123abc")]
    [InlineData("Client-Stage_1")]
    [InlineData("9")]
    public void IsValid_ClientIdInAlphabet_IsAccepted(string id)
    {
        var valid = Ids.IsValid(id);

        Assert.True(valid);
    }

    [Fact]
    public void IsValid_IdAtMaximumLength_IsAccepted()
    {
        var id = new string('a', Limits.IdLength);

        var valid = Ids.IsValid(id);

        Assert.True(valid);
    }

    [Fact]
    public void IsValid_IdAboveMaximumLength_IsRejected()
    {
        var id = new string('a', Limits.IdLength + 1);

        var valid = Ids.IsValid(id);

        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("_stage")]
    [InlineData("-stage")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("caf\u00e9")]
    public void IsValid_OutsideAlphabetOrEmpty_IsRejected(string? id)
    {
        var valid = Ids.IsValid(id);

        Assert.False(valid);
    }
}
