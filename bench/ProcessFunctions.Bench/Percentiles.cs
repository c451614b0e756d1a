namespace ProcessFunctions.Bench;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
public sealed class Percentiles(IEnumerable<double> samples)
{
    private readonly double[] _sorted = samples.Order().ToArray();

    public int Count => _sorted.Length;

    public double P50 => At(0.50);

    public double P99 => At(0.99);

    public double At(double quantile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(quantile * _sorted.Length) - 1)];
}
