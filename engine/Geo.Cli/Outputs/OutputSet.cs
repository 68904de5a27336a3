namespace Geo.Cli.Outputs;

/// <summary>
/// Everything one command writes, checked before any work and replaced whole at the end. The one guard every verb
/// uses for <c>--out</c>, <c>--csv</c>, <c>--plot</c>, <c>--png-dir</c>, <c>--export-instance</c> and the rest.
/// </summary>
/// <remarks>
/// Refused: an output that resolves to an input, lies inside an input folder or holds an input; a non-empty folder
/// that Geo did not write (no <see cref="OutputFolderMark"/>); two options naming the same place.
///
/// The replace protocol, so that at every instant each target is its complete old or complete new content:
/// 1. Each output is written to a hidden staging place beside its target (<c>.name.geo-partial-RUN</c>); an existing
///    GeoPackage is copied there first, so its other layers survive.
/// 2. When all are complete and flushed, a commit journal (<c>.name.geo-commit-RUN</c>, written whole by rename)
///    lists staging → target for every output.
/// 3. Each staged file is renamed over its target (one atomic rename); each staged folder is exchanged with its
///    target in one step (renameat2 RENAME_EXCHANGE), after which the staging name holds the old folder and is
///    deleted. On a file system without the exchange the old folder is first renamed to <c>.name.geo-previous-RUN</c>.
/// 4. The journal is deleted.
/// A run killed before step 2 leaves only staging places: the next run writing the same target deletes them. A run
/// killed after step 2 left complete new outputs: the next run finishes the journal (roll forward), restores a
/// <c>.geo-previous</c> folder whose target is missing, then deletes the leftovers.
/// </remarks>
internal sealed class OutputSet : IDisposable
{
    private readonly OutputInputs _inputs;
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private readonly List<StagedOutput> _staged = new();
    private readonly List<string> _claimed = new();
    private bool _committed;

    /// <summary>Staging place → the name the user gave, so a failure while writing names the user's file.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Shown = new();

    public OutputSet(params string?[] inputs) => _inputs = new OutputInputs(inputs);

    private sealed record StagedOutput(string Staging, string Target, bool IsFolder);

    /// <summary>A message with every staging place of a running command replaced by the output the user named.</summary>
    public static string InTargetNames(string message)
    {
        foreach (var (staging, given) in Shown)
        {
            message = message.Replace(staging, given, StringComparison.Ordinal).Replace(Path.GetFileName(staging), Path.GetFileName(given), StringComparison.Ordinal);
        }
        return message;
    }

    /// <summary>
    /// A file output: checked, leftovers of killed runs cleared, and a staging path returned to write to.
    /// With <paramref name="keepExisting"/> (a GeoPackage that gains layers) the staging file starts as a copy.
    /// </summary>
    public string File(string given, string option, bool keepExisting = false)
    {
        string target = Claim(given, option);
        if (Directory.Exists(target)) throw new GeoInputException($"{option} '{given}' is a folder; name a file");
        string folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new GeoInputException($"cannot write {given} ({option}): folder {folder} does not exist");
        OutputRecovery.Tidy(target);
        string staging = StagingPath(target);
        if (keepExisting && System.IO.File.Exists(target)) System.IO.File.Copy(target, staging);
        _staged.Add(new StagedOutput(staging, target, false));
        Shown[staging] = given;
        return staging;
    }

    /// <summary>
    /// A folder output: refused when it holds anything Geo did not write (<paramref name="earlierGeoFiles"/>
    /// names what older Geo versions wrote there unmarked); a fresh marked staging folder is returned.
    /// </summary>
    public string Folder(string given, string option, Func<string, bool> earlierGeoFiles)
    {
        string target = Claim(given, option);
        if (System.IO.File.Exists(target)) throw new GeoInputException($"{option} '{given}' is a file, not a folder");
        string parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent)) throw new GeoInputException($"cannot write {given} ({option}): folder {parent} does not exist");
        OutputRecovery.Tidy(target);
        if (Directory.Exists(target) && OutputFolderMark.Foreign(target, earlierGeoFiles) is { } foreign)
        {
            throw new GeoInputException($"{option} '{given}' is a folder Geo did not write (it holds {foreign}); Geo replaces only its own output folders: name a new or empty folder");
        }
        string staging = StagingPath(target);
        Directory.CreateDirectory(staging);
        OutputFolderMark.Write(staging, _run);
        _staged.Add(new StagedOutput(staging, target, true));
        Shown[staging] = given;
        return staging;
    }

    /// <summary>A PostGIS output: refused when it is a schema the command reads.</summary>
    public void PostGis(string given, string option)
    {
        if (_inputs.SchemaClash(given) is { } input)
        {
            throw new GeoInputException($"{option} names the PostGIS schema the command reads ({Redaction.Apply(input)}); write to another schema");
        }
    }

    /// <summary>Puts every staged output in place (see the protocol above).</summary>
    public void Commit()
    {
        if (_staged.Count == 0) { _committed = true; return; }
        foreach (var s in _staged.Where(s => !s.IsFolder)) Flush(s.Staging);
        var journal = OutputRecovery.WriteJournal(_staged[0].Target, _run, _staged.Select(s => (s.Staging, s.Target, s.IsFolder)).ToList());
        _committed = true;
        OutputRecovery.RollForward(journal);
    }

    public void Dispose()
    {
        // The staging names stay known: the failure that brought us here is printed after this.
        if (!_committed) foreach (var s in _staged) OutputRecovery.Remove(s.Staging);
    }

    /// <summary>Checks an output place against the inputs and the other outputs; returns where it really is.</summary>
    public string Claim(string given, string option)
    {
        if (string.IsNullOrWhiteSpace(given)) throw new GeoInputException($"{option} names no file");
        string target = FileSystemCalls.RealPath(given);
        if (_inputs.Clash(target) is { } input)
        {
            throw new GeoInputException($"{option} '{given}' would overwrite the input {input}; Geo never replaces its own inputs: name another place");
        }
        if (_claimed.FirstOrDefault(c => c == target || c.StartsWith(target + "/", StringComparison.Ordinal) || target.StartsWith(c + "/", StringComparison.Ordinal)) is not null)
        {
            throw new GeoInputException($"{option} '{given}' is the same place as another output of this command");
        }
        _claimed.Add(target);
        return target;
    }

    private string StagingPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}{OutputRecovery.PartialInfix}{_run}");

    private static void Flush(string path)
    {
        if (!System.IO.File.Exists(path)) throw new IOException($"{path} was not written");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }
}
