namespace ProcessFunctions.InfraTests.Infrastructure;

/// <summary>Finds the repository from the test output folder: the directory holding ProcessFunctions.sln.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFileName = "ProcessFunctions.sln";

    public static string Root { get; } = FindRoot();

    public static string InfraDirectory => Path.Combine(Root, "infra");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDirectory, "main.bicepparam");

    /// <summary>Files under infra/ with the extension, as paths relative to infra/ (readable test names).</summary>
    public static IEnumerable<string> InfraFiles(string extension) =>
        Directory.EnumerateFiles(InfraDirectory, "*" + extension, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(InfraDirectory, path))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} above {AppContext.BaseDirectory}; the tests read infra/ from the repository.");
    }
}
