namespace Geo.Tests;

/// <summary>Finds the repository root (the folder holding Geo.sln) and the shared OSM extracts beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Geo.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find Geo.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// An extract from the shared datasets folder beside the repository (or GEO_DATASETS). Integration tests need
    /// it: when it is missing they fail saying where they looked, rather than pass without checking anything.
    /// </summary>
    public static string SharedDataset(string fileName)
    {
        // A worktree sits deeper than the main checkout, so look beside every folder above the repository.
        var folders = new List<string?> { Environment.GetEnvironmentVariable("GEO_DATASETS") };
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            folders.Add(Path.Combine(dir.FullName, "shared", "datasets"));
        }
        foreach (var folder in folders)
        {
            if (folder is null) continue;
            var path = Path.GetFullPath(Path.Combine(folder, fileName));
            if (File.Exists(path)) return path;
        }
        throw new Xunit.Sdk.XunitException(
            $"the OSM extract {fileName} is not in a shared/datasets folder beside the repository or a folder above it (or $GEO_DATASETS); see datasets/README.md for where to get it");
    }
}
