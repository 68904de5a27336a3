using System.Text.RegularExpressions;

namespace Geo.Cli.Outputs;

/// <summary>
/// The commit journal of <see cref="OutputSet"/> and the clean-up of what killed runs left beside a target:
/// a journal is finished, a folder whose target went missing is put back, staging places are deleted.
/// </summary>
internal static class OutputRecovery
{
    public const string PartialInfix = ".geo-partial-";
    private const string CommitInfix = ".geo-commit-";
    private const string PreviousInfix = ".geo-previous-";

    /// <summary>Writes the journal whole (staged, flushed, renamed into place) and returns its path.</summary>
    public static string WriteJournal(string firstTarget, string run, IReadOnlyList<(string Staging, string Target, bool IsFolder)> entries)
    {
        string folder = Path.GetDirectoryName(firstTarget)!, name = Path.GetFileName(firstTarget);
        string journal = Path.Combine(folder, $".{name}{CommitInfix}{run}");
        string temporary = Path.Combine(folder, $".{name}{PartialInfix}{run}.commit");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine($"run {run}");
            foreach (var (staging, target, isFolder) in entries) writer.WriteLine($"{(isFolder ? "folder" : "file")}\t{staging}\t{target}");
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, journal);
        return journal;
    }

    /// <summary>Puts every staged output of a journal in place, whether or not an earlier attempt got part way.</summary>
    public static void RollForward(string journal)
    {
        var lines = File.ReadAllLines(journal);
        string run = lines.Length > 0 && lines[0].StartsWith("run ", StringComparison.Ordinal) ? lines[0][4..] : "";
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) continue;
            string staging = parts[1], target = parts[2];
            if (parts[0] == "file")
            {
                if (File.Exists(staging)) File.Move(staging, target, overwrite: true);
            }
            else if (Directory.Exists(staging))
            {
                if (OutputFolderMark.Run(staging) == run) SwapIn(staging, target, run);
                else Remove(staging);
            }
        }
        File.Delete(journal);
    }

    /// <summary>Finishes or clears whatever killed runs left beside <paramref name="target"/>.</summary>
    public static void Tidy(string target)
    {
        string folder = Path.GetDirectoryName(target)!, name = Path.GetFileName(target);
        if (!Directory.Exists(folder)) return;
        foreach (var journal in Directory.EnumerateFiles(folder, $".*{CommitInfix}*").ToList())
        {
            if (File.ReadLines(journal).Skip(1).Any(l => l.EndsWith("\t" + target, StringComparison.Ordinal))) RollForward(journal);
        }
        if (!Directory.Exists(target) && !File.Exists(target))
        {
            var previous = Directory.EnumerateDirectories(folder)
                .Where(d => Path.GetFileName(d) is { } n && (n.StartsWith($".{name}{PreviousInfix}", StringComparison.Ordinal) || EarlierPrevious(name).IsMatch(n)))
                .OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault();
            if (previous is not null) Directory.Move(previous, target);
        }
        foreach (var leftover in Directory.EnumerateFileSystemEntries(folder).Where(p => IsLeftover(name, Path.GetFileName(p))).ToList()) Remove(leftover);
    }

    public static void Remove(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null) Directory.Delete(path, recursive: true);
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null) File.Delete(path);
    }

    private static void SwapIn(string staging, string target, string run)
    {
        if (!Directory.Exists(target))
        {
            if (File.Exists(target)) throw new IOException($"{target} is a file, not a folder");
            Directory.Move(staging, target);
            return;
        }
        if (FileSystemCalls.TryExchange(staging, target))
        {
            Remove(staging);
            return;
        }
        string previous = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}{PreviousInfix}{run}");
        Directory.Move(target, previous);
        Directory.Move(staging, target);
        Remove(previous);
    }

    /// <summary>Staging places of this and earlier Geo versions for a target called <paramref name="name"/>.</summary>
    private static bool IsLeftover(string name, string? entry)
    {
        if (entry is null) return false;
        if (entry.StartsWith($".{name}{PartialInfix}", StringComparison.Ordinal) || entry.StartsWith($".{name}{PreviousInfix}", StringComparison.Ordinal)) return true;
        return EarlierPrevious(name).IsMatch(entry) || EarlierPartial(name).IsMatch(entry)
            || entry == $"{name}.partial" || entry == $"{name}.staged";
    }

    private static Regex EarlierPrevious(string name) => new($"^{Regex.Escape(name)}\\.previous-{Hex()}$");

    private static Regex EarlierPartial(string name) =>
        new($"^(\\.?{Regex.Escape(name)}\\.{Hex()}\\.partial|{Regex.Escape(name)}\\.partial-{Hex()})$");

    private static string Hex() => "[0-9a-f]{32}";
}
