using ProcessFunctions.InfraTests.Infrastructure;

namespace ProcessFunctions.InfraTests;

/// <summary>Every template and parameter file under infra/ compiles with no diagnostic at all.</summary>
public sealed class BicepBuildTests : IDisposable
{
    private readonly DirectoryInfo outputDirectory = Directory.CreateTempSubdirectory("processfunctions-bicep-");

    public static TheoryData<string> BicepFiles => new(RepositoryLayout.InfraFiles(".bicep"));

    public static TheoryData<string> ParameterFiles => new(RepositoryLayout.InfraFiles(".bicepparam"));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_BicepFile_ReportsNoWarningOrError(string file)
    {
        var path = Path.Combine(RepositoryLayout.InfraDirectory, file);

        var result = await BicepCli.RunAsync("build", path, "--outdir", outputDirectory.FullName);

        Assert.True(result.IsClean, result.Describe());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_BicepFile_ReportsNoWarningOrError(string file)
    {
        var path = Path.Combine(RepositoryLayout.InfraDirectory, file);

        var result = await BicepCli.RunAsync("lint", path);

        Assert.True(result.IsClean, result.Describe());
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task BuildParams_ParameterFile_ReportsNoWarningOrError(string file)
    {
        var path = Path.Combine(RepositoryLayout.InfraDirectory, file);

        var result = await BicepCli.RunAsync("build-params", path, "--outdir", outputDirectory.FullName);

        Assert.True(result.IsClean, result.Describe());
    }

    [Fact]
    public void BicepConfig_Linter_IsEnabled()
    {
        var configPath = Path.Combine(RepositoryLayout.InfraDirectory, "bicepconfig.json");

        var config = File.ReadAllText(configPath);

        Assert.Contains("\"enabled\": true", config, StringComparison.Ordinal);
    }

    public void Dispose() => outputDirectory.Delete(recursive: true);
}
