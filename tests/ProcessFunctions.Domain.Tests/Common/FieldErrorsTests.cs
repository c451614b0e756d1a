using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Tests.Common;

public sealed class FieldErrorsTests
{
    [Fact]
    public void Add_TwoMessagesForOneField_KeepsBothUnderThatField()
    {
        var errors = new FieldErrors();

        errors.Add("stages[0].name", "first").Add("stages[0].name", "second");

        Assert.True(errors.Any);
        Assert.Equal(["first", "second"], errors.ToDictionary()["stages[0].name"]);
    }

    [Fact]
    public void Any_NothingAdded_IsFalse()
    {
        var errors = new FieldErrors();

        Assert.False(errors.Any);
        Assert.Empty(errors.ToDictionary());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_Empty_IsAnError(string? name)
    {
        var errors = new FieldErrors();

        errors.Name("name", name);

        Assert.Contains("name", errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(Limits.NameLength, false)]
    [InlineData(Limits.NameLength + 1, true)]
    public void Name_ByLength_IsAnErrorOnlyAboveTheLimit(int length, bool expectError)
    {
        var errors = new FieldErrors();

        errors.Name("name", new string('n', length));

        Assert.Equal(expectError, errors.Any);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void Range_ByValue_IsAnErrorOnlyOutsideTheBounds(int value, bool expectError)
    {
        var errors = new FieldErrors();

        errors.Range("weight", value, 0, 100);

        Assert.Equal(expectError, errors.Any);
    }

    [Fact]
    public void Or_WithoutErrors_ReturnsTheValue()
    {
        var errors = new FieldErrors();

        var result = errors.Or("kept");

        Assert.True(result.IsSuccess);
        Assert.Equal("kept", result.Value);
    }

    [Fact]
    public void Or_WithErrors_ReturnsValidationProblemListingTheFields()
    {
        var errors = new FieldErrors().Add("weight", "Must be between 0 and 100.");

        var result = errors.Or("ignored");

        Assert.False(result.IsSuccess);
        Assert.Equal(ProblemKind.Validation, result.Problem!.Kind);
        Assert.Equal(["weight"], result.Problem.Errors!.Keys);
    }
}
