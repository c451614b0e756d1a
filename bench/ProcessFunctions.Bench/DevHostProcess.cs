using System.Diagnostics;
using System.Net.Sockets;
using ProcessFunctions.DevHost;

namespace ProcessFunctions.Bench;

/// <summary>The dev host as its own process on a loopback port, so the bench measures real HTTP.</summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DevHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public const string ProvisioningKey = "bench-provisioning-key";

    public static async Task<DevHostProcess> StartAsync(string connectionString, string namePrefix)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "ProcessFunctions.DevHost.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ProcessStorage"] = connectionString;
        start.Environment["Storage__NamePrefix"] = namePrefix;
        start.Environment["DevHost__StartAzurite"] = "false";
        start.Environment["DevHost__SeedDemo"] = "false";
        start.Environment["DevHost__RunQueues"] = "false";
        start.Environment["Provisioning__Key"] = ProvisioningKey;
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The dev host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  devhost: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new DevHostProcess(process, new Uri($"http://127.0.0.1:{port}/api/"));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The dev host exited with code {process.ExitCode}.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The dev host did not answer /api/health within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
