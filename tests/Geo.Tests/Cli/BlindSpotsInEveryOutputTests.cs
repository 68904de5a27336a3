using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Geo.Cli.Commands;
using Geo.Coordinates;
using Geo.Data.GeoPackage;
using Geo.MapViewer;

namespace Geo.Tests.Cli;

/// <summary>
/// Every blind spot in blind_spots.csv is in the audit.gpkg layer, report.md, report.html, the viewer's /api/audit
/// and the printed briefing, with the same id and rank (the briefing with the street km that has no route to a
/// station); fragments are in the CSV and the layer, unranked.
/// </summary>
public class BlindSpotsInEveryOutputTests
{
    private sealed record CsvSpot(string Id, int? Rank, string Kind, double StreetKm);

    [Fact]
    public async Task Audit_blindSpots_haveTheSameIdsAndRanksInEveryOutput()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "3000", "--stations", "10", "--out", gpkg).ExitCode);
        var auditFolder = folder.File("audit");
        var audit = GeoCli.Run("audit", "--data", gpkg, "--minutes", "5", "--out", auditFolder);
        Assert.True(audit.ExitCode == 0, audit.Stderr);

        var lines = File.ReadAllLines(Path.Combine(auditFolder, "blind_spots.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var csv = lines.Skip(1).Select(l => l.Split(',')).Select(f => new CsvSpot(f[Col("id")],
            f[Col("rank")] == "" ? null : int.Parse(f[Col("rank")]), f[Col("kind")], double.Parse(f[Col("street_km")], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var ranked = csv.Where(s => s.Rank is not null).ToList();
        Assert.True(ranked.Count >= 5, $"{ranked.Count} ranked blind spots");
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(s => s.Rank!.Value));
        Assert.All(csv.Where(s => s.Rank is null), s => Assert.Equal("fragment", s.Kind));
        Assert.Contains($"blind spots: {ranked.Count};", audit.Stdout);

        // The GeoPackage layer: one feature per CSV row, each with a geometry.
        using (var store = new GeoPackageStore(Path.Combine(auditFolder, "audit.gpkg"), create: false))
        {
            var layer = store.ReadLayer("blind_spots");
            int id = layer.RequireField("spot_id"), rank = layer.RequireField("rank");
            var inLayer = layer.Features.ToDictionary(f => (string)f.Values[id]!, f => f.Values[rank] is { } r ? (int?)Convert.ToInt32(r) : null);
            Assert.Equal(csv.Count, inLayer.Count);
            foreach (var s in csv) Assert.Equal(s.Rank, inLayer[s.Id]);
            Assert.All(layer.Features, f => Assert.False(f.Geometry.IsEmpty));
        }

        // The reports list every ranked blind spot.
        string md = File.ReadAllText(Path.Combine(auditFolder, "report.md"));
        string html = File.ReadAllText(Path.Combine(auditFolder, "report.html"));
        foreach (var s in ranked)
        {
            Assert.Contains($"| {s.Rank} | {s.Id} |", md);
            Assert.Contains($"<td class=n>{s.Rank}</td><td>{s.Id}</td>", html);
        }

        // The briefing prints every ranked blind spot with its rank and id.
        var pdf = folder.File("brief.pdf");
        var brief = GeoCli.Run("brief", "--audit", auditFolder, "--out", pdf);
        Assert.True(brief.ExitCode == 0, brief.Stderr);
        string text = ExternalTool.Run("pdftotext", "poppler-utils", "-layout", pdf, "-");
        foreach (var s in ranked) Assert.Matches(new Regex($@"(^|\s){s.Rank}\s+{s.Id}(\s|$)", RegexOptions.Multiline), text);
        Assert.Matches("无路可达 km|no route km", text);

        // The viewer, started on the same data with the same defaults, answers the same list.
        var session = ServeCommand.Load(gpkg, null, null, Array.Empty<string>(), "ebike", 5, 300, InputCrs.Parse("wgs84")).Session;
        await using var app = ViewerServer.Build(session, "127.0.0.1", 0, quiet: true);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = ViewerServer.Address(app), Timeout = TimeSpan.FromSeconds(60) };
        var api = await client.GetFromJsonAsync<JsonElement>("/api/audit");
        var listed = api.GetProperty("blind_spots").EnumerateArray().Select(b => (b.GetProperty("id").GetString()!, b.GetProperty("rank").GetInt32())).ToList();
        Assert.Equal(ranked.Select(s => (s.Id, s.Rank!.Value)), listed);
        Assert.Equal(csv.Count - ranked.Count, api.GetProperty("fragment_count").GetInt32());
        await app.StopAsync();
    }
}
