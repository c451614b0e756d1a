namespace ProcessFunctions.Domain.Common;

/// <summary>Either a value or the <see cref="Problem"/> that prevented it.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    public Problem? Problem { get; }

    public bool IsSuccess => Problem is null;

    public T Value => Problem is null ? _value! : throw new InvalidOperationException("The result is a problem.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem);

    public Result<TNext> Then<TNext>(Func<T, Result<TNext>> next) => Problem ?? next(Value);

    public Result<TNext> Map<TNext>(Func<T, TNext> map) => Problem is null ? map(Value) : Problem;

    public async Task<Result<TNext>> ThenAsync<TNext>(Func<T, Task<Result<TNext>>> next) =>
        Problem ?? await next(Value);

    public bool TryGet(out T value, out Problem problem)
    {
        value = _value!;
        problem = Problem!;
        return Problem is null;
    }
}
