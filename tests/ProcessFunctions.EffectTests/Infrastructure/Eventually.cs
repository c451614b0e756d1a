namespace ProcessFunctions.EffectTests.Infrastructure;

/// <summary>Polls for an asynchronous outcome with a bounded wait, instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static Task<T> GetAsync<T>(Func<T> read, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        GetAsync(() => Task.FromResult(read()), done, what, timeout);
}
