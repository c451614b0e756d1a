namespace ProcessFunctions.Bench;

public static class Report
{
    public static void Table(string title, IReadOnlyList<(string Name, Percentiles Latency, double PerSecond)> rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"  {"",-30} {"p50 ms",9} {"p99 ms",9} {"ops/s",9}");
        foreach (var (name, latency, perSecond) in rows)
        {
            Console.WriteLine($"  {name,-30} {latency.P50,9:F2} {latency.P99,9:F2} {perSecond,9:F0}");
        }
    }
}
