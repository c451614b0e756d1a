using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Tests.Common;

public sealed class PageRequestTests
{
    [Fact]
    public void Parse_WithoutLimit_UsesDefaultPageSize()
    {
        var result = PageRequest.Parse(null, null);

        Assert.True(result.IsSuccess);
        Assert.Equal(Limits.DefaultPageSize, result.Value.Limit);
        Assert.Null(result.Value.Cursor);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("200", 200)]
    [InlineData("75", 75)]
    public void Parse_LimitWithinBounds_IsKept(string limit, int expected)
    {
        var result = PageRequest.Parse(limit, null);

        Assert.True(result.IsSuccess);
        Assert.Equal(expected, result.Value.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("201")]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Parse_LimitOutOfBoundsOrNotAWholeNumber_IsRejected(string limit)
    {
        var result = PageRequest.Parse(limit, null);

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        Assert.Contains("limit", result.Problem!.Errors!.Keys);
    }

    [Fact]
    public void Parse_Cursor_IsPassedThrough()
    {
        var result = PageRequest.Parse("10", "opaque-cursor");

        Assert.Equal(new PageRequest(10, "opaque-cursor"), result.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2049)]
    public void Parse_EmptyOrOverlongCursor_IsRejected(int length)
    {
        var result = PageRequest.Parse(null, new string('c', length));

        Assert.Equal(ProblemKind.Validation, result.Problem?.Kind);
        Assert.Contains("cursor", result.Problem!.Errors!.Keys);
    }
}
