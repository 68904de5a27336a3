namespace Geo.Cli.Outputs;

/// <summary>
/// The small file Geo leaves in every folder it writes, so a later run knows the folder is Geo's to replace and
/// never mistakes a planner's own folder for an old output. It also names the run that wrote the folder.
/// </summary>
internal static class OutputFolderMark
{
    public const string FileName = ".geo-output";

    public static void Write(string folder, string run) =>
        File.WriteAllText(Path.Combine(folder, FileName), $"written by geo; replaced whole by the next run that writes here\nrun {run}\n");

    /// <summary>The run that wrote the folder, or null when the folder carries no mark.</summary>
    public static string? Run(string folder)
    {
        string mark = Path.Combine(folder, FileName);
        if (!File.Exists(mark)) return null;
        var line = File.ReadLines(mark).FirstOrDefault(l => l.StartsWith("run ", StringComparison.Ordinal));
        return line?[4..].Trim() ?? "";
    }

    /// <summary>
    /// Whether an existing folder may be replaced: empty, marked, or holding exactly what an older Geo wrote there
    /// before folders were marked (<paramref name="legacyNames"/>).
    /// </summary>
    public static string? Foreign(string folder, Func<string, bool> legacyNames)
    {
        if (Run(folder) is not null) return null;
        return Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).FirstOrDefault(name => !legacyNames(name!));
    }
}
