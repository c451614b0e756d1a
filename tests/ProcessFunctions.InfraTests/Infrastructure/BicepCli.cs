using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ProcessFunctions.InfraTests.Infrastructure;

/// <summary>
/// Runs the bicep CLI that restoring this project brings (package Azure.Bicep.CommandLine.linux-x64).
/// Discovery: the BICEP_CLI_PATH environment variable if set, otherwise the path the project file
/// records in the BicepCliPath assembly metadata.
/// </summary>
internal static class BicepCli
{
    public const string PathOverrideVariable = "BICEP_CLI_PATH";

    private const string MetadataKey = "BicepCliPath";

    // The parameter file reads the SendGrid key from here; the tests must never pick up a real one.
    private const string SendGridKeyVariable = "SENDGRID_API_KEY";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Executable = new(FindExecutable);

    public static string ExecutablePath => Executable.Value;

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Remove(SendGridKeyVariable);

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }

        return new BicepResult(
            $"bicep {string.Join(' ', arguments)}", process.ExitCode, await standardOutput, await standardError);
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable(PathOverrideVariable);
        if (string.IsNullOrEmpty(path))
        {
            path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(attribute => attribute.Key == MetadataKey)?.Value;
        }

        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The bicep CLI is not at '{path}'. Restore this project (it references "
                + $"Azure.Bicep.CommandLine.linux-x64) or point {PathOverrideVariable} at a bicep binary.");
        }

        EnsureExecutable(path);
        return path;
    }

    // NuGet does not always keep the run bit when it extracts a package.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }
}

/// <summary>What one bicep invocation printed, with its diagnostics picked out.</summary>
internal sealed partial record BicepResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Lines like <c>main.bicep(12,3) : Warning no-unused-params: ...</c>.</summary>
    public IReadOnlyList<string> Diagnostics =>
        DiagnosticLine().Matches(StandardOutput + "\n" + StandardError).Select(match => match.Value.Trim()).ToList();

    public bool IsClean => ExitCode == 0 && Diagnostics.Count == 0;

    /// <summary>The whole output, for assertion messages.</summary>
    public string Describe() =>
        $"{Command} exited with {ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}"
        + $"{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";

    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Warning|Error) .*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
