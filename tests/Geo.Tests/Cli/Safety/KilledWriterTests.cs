using System.Diagnostics;
using System.Security.Cryptography;
using Geo.Cli.Outputs;
using Geo.Data.GeoPackage;
using Geo.Data.PostGis;
using Geo.Tests.PostGis;
using Npgsql;
using Xunit.Abstractions;

namespace Geo.Tests.Cli.Safety;

/// <summary>
/// Every writer killed with SIGKILL at seeded random moments of a real geo process: the target is always the
/// complete old or the complete new output, never neither, and the next run leaves nothing beside it.
/// Each run writes the other of two distinguishable outputs, so "old" and "new" differ at every kill.
/// </summary>
[Collection("PostGIS")]
public sealed class KilledWriterTests(PostGisServer server, ITestOutputHelper log)
{
    /// <summary>Kills per writer: the first at any moment of the run, the rest late in its writing, where the swap is.</summary>
    private const int Kills = 5, AnyMoment = 1;

    [Fact]
    public void AuditFolder_killedAnywhere_isTheOldOrTheNewAudit()
    {
        using var folder = new TempFolder();
        string city = folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "1500", "--stations", "6", "--out", city).ExitCode);
        string audit = folder.File("audit");
        string[] Run(string minutes) => new[] { "audit", "--data", city, "--minutes", minutes, "--out", audit };
        bool Writing() => Directory.GetDirectories(folder.Path, ".audit.geo-partial-*").Any(d => File.Exists(Path.Combine(d, "audit.gpkg")));
        var variants = new[] { "5", "10" }.ToDictionary(m => m, m => Completed(Run(m), () => File.ReadAllText(Path.Combine(audit, "coverage.csv")), Writing));

        KillRepeatedly(variants, Run, Writing, () =>
        {
            foreach (var name in AuditFolderFiles) Assert.True(File.Exists(Path.Combine(audit, name)), $"{name} missing after the kill");
            Assert.NotNull(OutputFolderMark.Run(audit));
            Assert.True(new GeoPackageStore(Path.Combine(audit, "audit.gpkg"), create: false).HasLayer("subdistrict_coverage"));
            return File.ReadAllText(Path.Combine(audit, "coverage.csv"));
        }, folder.Path);
    }

    [Fact]
    public void GeoPackageImport_killedWhileReplacing_isTheOldOrTheNewDataset()
    {
        using var folder = new TempFolder();
        string gpkg = folder.File("d.gpkg");
        var extracts = new Dictionary<string, string> { ["andorra"] = RepoPaths.SharedDataset("andorra.osm.pbf"), ["chengdu"] = RepoPaths.SharedDataset("chengdu-center.osm.pbf") };
        string[] Run(string which) => new[] { "import", extracts[which], "--out", gpkg };
        string Read()
        {
            var store = new GeoPackageStore(gpkg, create: false);
            var info = store.ReadLayer("dataset_info");
            return $"{info.Features[0].Values[info.FieldIndex("source")]} {store.ReadLayer("streets").Features.Count}";
        }
        // The existing dataset is copied aside first; writing starts with the SQLite transaction on the copy.
        bool Writing() => Directory.GetFiles(folder.Path, ".d.gpkg.geo-partial-*-journal").Length > 0;
        var variants = extracts.Keys.ToDictionary(k => k, k => Completed(Run(k), Read, Writing));

        KillRepeatedly(variants, Run, Writing, Read, folder.Path);
    }

    [Fact]
    public void PostGisImport_killedWhileWriting_isTheOldOrTheNewDataset()
    {
        var schema = server.NewSchema("killed");
        var extracts = new Dictionary<string, string> { ["andorra"] = RepoPaths.SharedDataset("andorra.osm.pbf"), ["chengdu"] = RepoPaths.SharedDataset("chengdu-center.osm.pbf") };
        string[] Run(string which) => new[] { "import", extracts[which], "--postgis", schema.ConnectionString, "--schema", schema.Schema };
        string Read()
        {
            using var connection = new NpgsqlConnection(schema.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"SELECT (SELECT source FROM \"{schema.Schema}\".dataset_info) || ' ' || (SELECT count(*) FROM \"{schema.Schema}\".streets)", connection);
            return (string)command.ExecuteScalar()!;
        }
        bool Writing() => Convert.ToInt64(server.Scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY %' AND state = 'active' AND query LIKE '%' || @schema || '%'", schema.Schema)) > 0;
        var variants = extracts.Keys.ToDictionary(k => k, k => Completed(Run(k), Read, Writing));

        KillRepeatedly(variants, Run, Writing, Read, null);
    }

    [Fact]
    public void BriefWithPages_killedAnywhere_isTheOldOrTheNewBriefing()
    {
        using var folder = new TempFolder();
        string city = folder.File("city.gpkg"), audit = folder.File("audit"), pdf = folder.File("brief.pdf"), pages = folder.File("pages");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "1500", "--stations", "6", "--out", city).ExitCode);
        Assert.Equal(0, GeoCli.Run("audit", "--data", city, "--minutes", "5", "--out", audit).ExitCode);
        string[] Run(string lang) => new[] { "brief", "--audit", audit, "--all-subdistricts", "--lang", lang, "--out", pdf, "--png-dir", pages };
        string Pdf()
        {
            var bytes = File.ReadAllBytes(pdf);
            Assert.True(bytes.AsSpan().StartsWith("%PDF-"u8) && bytes.AsSpan().TrimEnd("\n"u8).EndsWith("%%EOF"u8), "the PDF is not whole");
            return $"{bytes.Length} bytes";
        }
        string Pages()
        {
            Assert.NotNull(OutputFolderMark.Run(pages));
            return string.Join(",", Directory.GetFiles(pages, "page-*.png").Order().Select(p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))));
        }
        bool Writing() => Directory.GetFiles(folder.Path, ".brief.pdf.geo-partial-*").Length > 0;
        var variants = new[] { "en", "zh" }.ToDictionary(l => l, l => Completed(Run(l), () => $"{Pdf()}; {Pages()}", Writing));
        var known = variants.Values.Select(v => v.State.Split("; ")).ToList();

        KillRepeatedly(variants, Run, Writing, () =>
        {
            // Right after the kill each file is whole, old or new; the pair is made to match by the next run's
            // first step (finishing the commit journal), which the test takes here.
            Assert.Contains(Pdf(), known.Select(k => k[0]));
            Assert.Contains(Pages(), known.Select(k => k[1]));
            OutputRecovery.Tidy(pages);
            return $"{Pdf()}; {Pages()}";
        }, folder.Path);
    }

    private static readonly string[] AuditFolderFiles = { "audit.gpkg", "coverage.csv", "blind_spots.csv", "coverage.png", "report.md", "report.html" };

    /// <summary>
    /// Runs to completion; returns what the output then reads as, how long the run took and how long its writing
    /// took (from <paramref name="writing"/> turning true to the exit), for choosing kill moments.
    /// </summary>
    private (string State, TimeSpan Took, TimeSpan Writing) Completed(string[] arguments, Func<string> read, Func<bool> writing)
    {
        var (exit, took, writeTook) = Watch(arguments, writing, killAfterWritingFor: null, killAt: null);
        Assert.True(exit == 0, $"geo {string.Join(' ', arguments)} failed");
        return (read(), took, writeTook);
    }

    private void KillRepeatedly(Dictionary<string, (string State, TimeSpan Took, TimeSpan Writing)> variants, Func<string, string[]> run, Func<bool> writing,
        Func<string> read, string? folder)
    {
        var random = new Random(20261202);
        var names = variants.Keys.ToArray();
        string current = names[^1];
        int finished = 0;
        for (int i = 0; i < Kills; i++)
        {
            string next = names[(Array.IndexOf(names, current) + 1) % names.Length];
            var v = variants[next];
            TimeSpan? at = i < AnyMoment ? v.Took * random.NextDouble() : null;
            TimeSpan? intoWriting = i < AnyMoment ? null : v.Writing * (0.4 + 0.9 * random.NextDouble());
            var (exit, _, _) = Watch(run(next), writing, intoWriting, at);
            string state = read();
            Assert.True(state == variants[current].State || state == v.State,
                $"kill {i + 1} ({Moment(at, intoWriting)}) left neither the old nor the new output: {state}");
            bool isNew = state == v.State;
            if (isNew) { current = next; finished++; }
            log.WriteLine($"kill {i + 1} {Moment(at, intoWriting)}{(exit is null ? "" : " (the run had finished)")}: {(isNew ? "new" : "old")} output");
        }
        log.WriteLine($"{Kills} kills: {finished} left the new output, {Kills - finished} the old one, none neither");

        string last = names[(Array.IndexOf(names, current) + 1) % names.Length];
        Assert.Equal(variants[last].State, Completed(run(last), read, writing).State);
        if (folder is not null)
        {
            var leftovers = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Where(n => n!.Contains(".geo-") || n.Contains(".partial")).ToList();
            Assert.True(leftovers.Count == 0, $"left beside the output: {string.Join(", ", leftovers)}");
        }
    }

    private static string Moment(TimeSpan? at, TimeSpan? intoWriting) =>
        at is { } a ? $"at {a.TotalSeconds:0.00} s" : $"{intoWriting!.Value.TotalSeconds:0.00} s into writing";

    /// <summary>
    /// Runs the real geo program, polling <paramref name="writing"/>; kills it with SIGKILL at <paramref name="killAt"/>
    /// or that long after writing began. Returns the exit code (null when killed), the run time and the writing time.
    /// </summary>
    private static (int? Exit, TimeSpan Took, TimeSpan Writing) Watch(string[] arguments, Func<bool> writing, TimeSpan? killAfterWritingFor, TimeSpan? killAt)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "geo.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        TimeSpan? began = null;
        while (!process.HasExited)
        {
            if (began is null && writing()) began = clock.Elapsed;
            var due = killAt ?? (began is { } b && killAfterWritingFor is { } extra ? b + extra : (TimeSpan?)null);
            if (due is { } d && clock.Elapsed >= d)
            {
                process.Kill();
                process.WaitForExit();
                return (null, clock.Elapsed, clock.Elapsed - (began ?? clock.Elapsed));
            }
            Thread.Sleep(5);
        }
        process.WaitForExit();
        var took = clock.Elapsed;
        return (process.ExitCode, took, took - (began ?? took));
    }
}
