using System.Globalization;
using Geo.Data.GeoPackage;
using Geo.Rendering.Brief;
using Geo.Rendering.Words;
using SkiaSharp;

namespace Geo.Tests.Cli;

/// <summary>Reports and briefings rendered from real audits of a synthetic city (Chinese names; subdistricts and 1 km planning cells) and read back with poppler.</summary>
public class BriefCommandTests : IClassFixture<BriefCommandTests.AuditedCity>
{
    private readonly AuditedCity _city;

    public BriefCommandTests(AuditedCity city) => _city = city;

    public sealed class AuditedCity : IDisposable
    {
        public AuditedCity()
        {
            var gpkg = Folder.File("city.gpkg");
            Assert.Equal(0, GeoCli.Run("synth", "--vertices", "6000", "--stations", "12", "--out", gpkg).ExitCode);
            var audit = GeoCli.Run("audit", "--data", gpkg, "--minutes", "5", "--lang", "en", "--out", AuditPath);
            Assert.True(audit.ExitCode == 0, audit.Stderr);
            Headline = audit.Stdout.Split('\n').First(l => l.Contains("of streets within")).Split(' ')[0];
            var cells = GeoCli.Run("audit", "--data", gpkg, "--minutes", "5", "--subdistricts", "cells:1km", "--out", CellAuditPath);
            Assert.True(cells.ExitCode == 0, cells.Stderr);
            var site = GeoCli.Run("site", "--data", gpkg, "--stations", "stations", "--candidates", "grid:500m", "--add", "3", "--minutes", "5", "--out", SitingPath);
            Assert.True(site.ExitCode == 0, site.Stderr);
        }

        public string SitingPath => Folder.File("site.gpkg");

        private TempFolder Folder { get; } = new();
        public string AuditPath => Folder.File("audit");
        public string CellAuditPath => Folder.File("cells");
        public string Headline { get; }

        public void Dispose() => Folder.Dispose();
    }

    /// <summary>The PDF's text, one string per page (pdftotext ends each page with a form feed).</summary>
    private static IReadOnlyList<string> PageTexts(string pdf) =>
        ExternalTool.Run("pdftotext", "poppler-utils", "-layout", pdf, "-").Split('\f').SkipLast(1).Select(p => p.Replace('\u00a0', ' ')).ToList();

    private static int Count(string text, string word)
    {
        int n = 0;
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string Brief(TempFolder folder, params string[] arguments)
    {
        var pdf = folder.File("brief.pdf");
        var result = GeoCli.Run(new[] { "brief", "--out", pdf }.Concat(arguments).ToArray());
        Assert.True(result.ExitCode == 0, result.Stderr);
        return pdf;
    }

    [Fact]
    public void Brief_cellPages_chineseTextIsSearchable_planningCellFoundOncePerCellPage()
    {
        using var folder = new TempFolder();
        var cells = BriefContent.Load(_city.CellAuditPath, null).SubdistrictNames.Take(4).ToList();
        var pdf = Brief(folder, new[] { "--audit", _city.CellAuditPath, "--lang", "zh" }.Concat(cells.SelectMany(c => new[] { "--subdistrict", c })).ToArray());

        var pages = PageTexts(pdf);
        // Overview, the cell pages, the summary, then as many pages as the ranked blind spots need.
        Assert.True(pages.Count >= cells.Count + 2);
        for (int i = 0; i < cells.Count; i++)
        {
            string page = pages[i + 1];
            Assert.Equal(1, Count(page, "网格"));
            Assert.Contains($"{cells[i]}：道路覆盖率", page);
        }
        // No Kangxi radicals (U+2F00–U+2FDF) or CJK radical supplements (U+2E80–U+2EFF) stand in for ideographs.
        string all = string.Concat(pages);
        Assert.DoesNotContain(all, c => c is >= '\u2e80' and <= '\u2fdf');
        Assert.Contains("面积覆盖率", all);
        Assert.Contains("盲区", all);
    }

    [Fact]
    public void Brief_headlineAndLegend_inBothLanguages_withUnitNames()
    {
        using var zhFolder = new TempFolder();
        var zh = PageTexts(Brief(zhFolder, "--audit", _city.AuditPath, "--all-subdistricts", "--png-dir", zhFolder.File("pages")));
        var names = BriefContent.Load(_city.AuditPath, null).SubdistrictNames;
        Assert.Contains("服务圈覆盖简报", zh[0]);
        string zhSummary = zh[names.Count + 1];
        Assert.StartsWith("要点", zhSummary.Trim());
        Assert.Contains($"道路覆盖率 {_city.Headline} %", zhSummary);
        Assert.Contains($"道路覆盖率: {_city.Headline} %", zh[0]);
        foreach (var legend in new[] { "5 分钟服务圈覆盖", "盲区", "站点", "街道", "道路" }) Assert.Contains(legend, zh[0]);
        Assert.All(names, n => Assert.Contains(n, string.Concat(zh)));
        Assert.All(names, n => Assert.EndsWith("街道", n));
        Assert.Equal(zh.Count, Directory.GetFiles(zhFolder.File("pages"), "page-*.png").Length);

        using var enFolder = new TempFolder();
        var en = PageTexts(Brief(enFolder, "--audit", _city.AuditPath, "--lang", "en"));
        Assert.Contains("5-minute service coverage briefing", en[0]);
        Assert.StartsWith("Summary", en[1].Trim());
        Assert.Contains($"street coverage {_city.Headline} %", en[1]);
        Assert.Contains($"street coverage: {_city.Headline} %", en[0]);
        foreach (var legend in new[] { "covered within 5 min", "blind spot", "station", "subdistrict", "street" }) Assert.Contains(legend, en[0]);
        Assert.Contains("subdistricts", en[1]);
    }

    [Fact]
    public void Brief_unitPage_legendStatesTheUnitsOwnFigures()
    {
        var store = new GeoPackageStore(Path.Combine(_city.AuditPath, "audit.gpkg"), create: false);
        var units = store.ReadLayer("subdistrict_coverage");
        int name = units.RequireField("name"), street = units.RequireField("street_pct"), area = units.RequireField("served_land_pct");
        string Pct(object? v) => (Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        // The unit whose figures differ most from the whole map's, so the test cannot pass on the city-wide figures.
        var unit = units.Features.OrderByDescending(f => Math.Abs(Convert.ToDouble(f.Values[street], CultureInfo.InvariantCulture) - double.Parse(_city.Headline, CultureInfo.InvariantCulture))).First();
        using var folder = new TempFolder();
        var pages = PageTexts(Brief(folder, "--audit", _city.AuditPath, "--subdistrict", (string)unit.Values[name]!, "--lang", "zh"));

        Assert.Contains("本页单元", pages[1]);
        Assert.Contains($"道路覆盖率: {Pct(unit.Values[street])}", pages[1]);
        Assert.Contains($"面积覆盖率: {Pct(unit.Values[area])}", pages[1]);
        Assert.DoesNotContain($"道路覆盖率: {_city.Headline} %", pages[1]);
    }

    [Fact]
    public void Brief_withSiting_drawsTheCurveWithAxesAndTicks_andNamesNotIds()
    {
        using var folder = new TempFolder();
        var pages = PageTexts(Brief(folder, "--audit", _city.AuditPath, "--siting", _city.SitingPath, "--lang", "en"));
        string summary = pages[1];

        Assert.Contains("coverage vs new sites K", summary);
        Assert.Contains("new sites K (count)", summary);
        Assert.Contains("demand covered (%)", summary);
        Assert.Contains("K = 3:", summary);
        var ticks = summary.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^0\s+1\s+2\s+3$"));
        Assert.True(ticks is not null, $"no K axis ticks 0 1 2 3 in:\n{summary}");

        var sites = new GeoPackageStore(_city.SitingPath, create: false).ReadLayer("new_sites");
        int id = sites.RequireField("site_id"), street = sites.RequireField("street");
        Assert.All(sites.Features, f => Assert.DoesNotContain((string)f.Values[id]!, summary));
        Assert.All(sites.Features.Where(f => f.Values[street] is string { Length: > 0 }), f => Assert.Contains($"near {f.Values[street]}", summary));

        var stations = new GeoPackageStore(Path.Combine(_city.AuditPath, "audit.gpkg"), create: false).ReadLayer("stations");
        int stationId = stations.RequireField("station_id"), stationName = stations.RequireField("name");
        Assert.All(stations.Features, f => Assert.DoesNotContain((string)f.Values[stationId]!, summary));
        Assert.Contains(stations.Features, f => summary.Contains((string)f.Values[stationName]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Brief_pages_areNotBlankAndTheMapShowsTheCoverageColour()
    {
        using var folder = new TempFolder();
        var pdf = Brief(folder, "--audit", _city.AuditPath, "--lang", "en");
        ExternalTool.Run("pdftoppm", "poppler-utils", "-png", "-r", "60", pdf, folder.File("page"));
        var pages = Directory.GetFiles(folder.Path, "page*.png").Order().ToList();
        Assert.True(pages.Count >= 2);
        foreach (var page in pages)
        {
            using var bitmap = SKBitmap.Decode(page);
            Assert.True(bitmap.Pixels.Count(p => p != SKColors.White) > bitmap.Pixels.Length / 100, $"{page} is blank");
        }
        using var map = SKBitmap.Decode(pages[0]);
        int green = map.Pixels.Count(p => p.Green > p.Red + 30 && p.Green > p.Blue + 20);
        Assert.True(green > map.Pixels.Length / 50, $"only {green} coverage-coloured pixels");
    }

    [Fact]
    public void SubdistrictPage_showsOnlyItsBoundingBoxWithMargin()
    {
        var content = BriefContent.Load(_city.AuditPath, null);
        var document = new BriefDocument(content, OutputLanguage.Zh);
        var name = content.SubdistrictNames[0];
        var extent = document.PageExtent(name);
        var box = content.Map.Subdistricts.Single(s => s.Name == name).Boundary.EnvelopeInternal;

        Assert.Equal(box.Width * 1.2, extent.Width, 9);
        Assert.True(extent.Contains(box));
        var others = content.Map.Subdistricts.Where(s => s.Name != name).Select(s => s.Boundary.InteriorPoint).Where(p => !box.Contains(p.Coordinate));
        Assert.All(others, p => Assert.True(!extent.Contains(p.Coordinate) || box.Distance(p.EnvelopeInternal) < box.Width * 0.1));
    }

    [Fact]
    public void Brief_withoutLang_choosesChineseForDataInChina_andSaysWhy()
    {
        using var folder = new TempFolder();
        var result = GeoCli.Run("brief", "--audit", _city.AuditPath, "--out", folder.File("brief.pdf"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("geo: language: zh (the data lies in China", result.Stderr);
        Assert.Contains("服务圈覆盖简报", PageTexts(folder.File("brief.pdf"))[0]);
    }

    [Fact]
    public void Report_zh_leadsWithWhatNeedsAction_groupsZeroCellsOnOneLine()
    {
        string md = File.ReadAllText(Path.Combine(_city.CellAuditPath, "report.md"));
        string html = File.ReadAllText(Path.Combine(_city.CellAuditPath, "report.html"));
        Assert.StartsWith("# 5 分钟服务圈覆盖审计", md);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        int action = md.IndexOf("## 需要处理", StringComparison.Ordinal), spots = md.IndexOf("## 盲区（", StringComparison.Ordinal), terms = md.IndexOf("## 术语", StringComparison.Ordinal);
        Assert.True(action > 0 && spots > action && terms > spots, md);
        Assert.Contains("- 道路覆盖率 ", md);
        Assert.Contains("- 面积覆盖率 ", md);
        Assert.Contains("个（1000 m planning cells (网格)）", md);

        var table = File.ReadAllLines(Path.Combine(_city.CellAuditPath, "coverage.csv"));
        var header = table[0].Split(',').ToList();
        int streetKm = header.IndexOf("street_km"), coveredKm = header.IndexOf("covered_street_km");
        var rows = table.Skip(1).Select(l => l.Split(',')).ToList();
        var zero = rows.Where(r => double.Parse(r[streetKm], CultureInfo.InvariantCulture) > 0 && double.Parse(r[coveredKm], CultureInfo.InvariantCulture) == 0).Select(r => r[1]).ToList();
        Assert.NotEmpty(zero);
        var line = md.Split('\n').Single(l => l.StartsWith($"- 道路覆盖率为 0 % 的网格（{zero.Count} 个", StringComparison.Ordinal));
        Assert.Equal(zero.Order(), line.Split('：')[1].Split('、').Select(n => n.Trim()).Order());
        // The units' tables (not the blind spots', which say where each lies) leave the 0 % units to that one line.
        string unitTables = md[action..spots] + (md.IndexOf("## 其余", StringComparison.Ordinal) is var rest and >= 0 ? md[rest..] : "");
        Assert.All(zero, n => Assert.DoesNotContain($"| {n} |", unitTables));
    }

    [Fact]
    public void Report_en_hasTheGlossaryWordsAndNamesStations()
    {
        string md = File.ReadAllText(Path.Combine(_city.AuditPath, "report.md"));
        Assert.StartsWith("# Coverage audit: 5-minute ebike service circles", md);
        Assert.Contains($"- street coverage {_city.Headline} %: ", md);
        Assert.Contains("- served land ", md);
        Assert.Contains("## Needs action", md);
        var stations = new GeoPackageStore(Path.Combine(_city.AuditPath, "audit.gpkg"), create: false).ReadLayer("stations");
        int id = stations.RequireField("station_id");
        string spots = md[md.IndexOf("## Blind spots (", StringComparison.Ordinal)..];
        Assert.All(stations.Features, f => Assert.DoesNotContain($"| {f.Values[id]},", spots));
        Assert.Contains("<html lang=\"en\">", File.ReadAllText(Path.Combine(_city.AuditPath, "report.html")));
    }

    [Fact]
    public void Brief_badInput_failsWithOneLineAndNoPdf()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("brief.pdf");

        var missing = GeoCli.Run("brief", "--audit", folder.File("nope"), "--out", pdf);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);

        var unknown = GeoCli.Run("brief", "--audit", _city.AuditPath, "--subdistrict", "不存在街道", "--out", pdf);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown subdistrict '不存在街道'; known:", unknown.Stderr);
        Assert.Contains("街道", unknown.Stderr.Split("known:")[1]);

        var language = GeoCli.Run("brief", "--audit", _city.AuditPath, "--lang", "fr", "--out", pdf);
        Assert.NotEqual(0, language.ExitCode);
        Assert.Equal("geo: error: --lang 'fr': use zh or en", language.Stderr.Trim());

        var unwritable = GeoCli.Run("brief", "--audit", _city.AuditPath, "--out", folder.File("no/such/folder/brief.pdf"));
        Assert.NotEqual(0, unwritable.ExitCode);
        Assert.Contains("cannot write", unwritable.Stderr);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
