namespace ProcessFunctions.Domain.Common;

/// <summary>Collects validation messages per field path, such as <c>stages[0].steps[1].weight</c>.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    public void Name(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Must not be empty.");
        }
        else if (value.Length > Limits.NameLength)
        {
            Add(field, $"Must be at most {Limits.NameLength} characters.");
        }
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max}.");
        }
    }

    public void Id(string field, string? value)
    {
        if (!Ids.IsValid(value))
        {
            Add(field, "Is not a valid id.");
        }
    }

    public Result<T> Or<T>(T value) => Any ? Problem.Invalid(this) : value;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
