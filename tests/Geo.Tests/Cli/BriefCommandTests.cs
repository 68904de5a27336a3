using Geo.Cli.Rendering;
using SkiaSharp;

namespace Geo.Tests.Cli;

/// <summary>Briefings rendered from a real audit of a synthetic city (Chinese subdistrict names) and checked with poppler.</summary>
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
            var audit = GeoCli.Run("audit", "--data", gpkg, "--minutes", "5", "--out", AuditPath);
            Assert.True(audit.ExitCode == 0, audit.Stderr);
            Headline = audit.Stdout.Split('\n').First(l => l.Contains("of streets within")).Split(' ')[0];
            var site = GeoCli.Run("site", "--data", gpkg, "--stations", "stations", "--candidates", "grid:500m", "--add", "2", "--minutes", "5", "--out", SitingPath);
            Assert.True(site.ExitCode == 0, site.Stderr);
        }

        public string SitingPath => Folder.File("site.gpkg");

        private TempFolder Folder { get; } = new();
        public string AuditPath => Folder.File("audit");
        public string Headline { get; }

        /// <summary>Pages of ranked blind spots beyond the summary's first ten, 34 to a page.</summary>
        public int BlindSpotPages
        {
            get
            {
                int ranked = File.ReadLines(Path.Combine(AuditPath, "blind_spots.csv")).Skip(1).Count(l => l.Contains(",blind spot,"));
                return ranked <= 10 ? 0 : (ranked - 10 + 33) / 34;
            }
        }

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void Brief_fromAudit_hasTitleHeadlineAndChineseSubdistrictNames()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("brief.pdf");
        var result = GeoCli.Run("brief", "--audit", _city.AuditPath, "--all-subdistricts", "--out", pdf, "--png-dir", folder.File("pages"));
        Assert.True(result.ExitCode == 0, result.Stderr);

        string text = AsIdeographs(ExternalTool.Run("pdftotext", "poppler-utils", pdf, "-"));
        Assert.Contains("服务圈覆盖简报", text);
        Assert.Contains(_city.Headline.Replace(" ", ""), text.Replace(" ", ""));
        var names = BriefContent.Load(_city.AuditPath, null).SubdistrictNames;
        Assert.All(names, n => Assert.Contains(n, text));
        Assert.All(names, n => Assert.EndsWith("街道", n));
        Assert.Equal(names.Count + 2 + _city.BlindSpotPages, Directory.GetFiles(folder.File("pages")).Length);
    }

    /// <summary>
    /// Noto CJK draws some ideographs with the same glyph as a radical, and the PDF's text map then names the radical
    /// (⻔ for 门, ⼼ for 心): fold those back before comparing.
    /// </summary>
    private static string AsIdeographs(string text)
    {
        const string radicals = "⻅⻆⻈⻉⻋⻐⻓⻔⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳", ideographs = "见角讠贝车钅长门韦页风飞饣马鱼鸟卤麦黄黾齐齿龙龟";
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (char c in text.Normalize(System.Text.NormalizationForm.FormKC))
        {
            int i = radicals.IndexOf(c);
            folded.Append(i >= 0 ? ideographs[i] : c);
        }
        return folded.ToString();
    }

    [Fact]
    public void Brief_withSiting_drawsTheCoverageCurve()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("brief.pdf");
        var result = GeoCli.Run("brief", "--audit", _city.AuditPath, "--siting", _city.SitingPath, "--lang", "en", "--out", pdf);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("coverage vs new sites K", ExternalTool.Run("pdftotext", "poppler-utils", pdf, "-"));
        Assert.Contains("K = 2:", ExternalTool.Run("pdftotext", "poppler-utils", pdf, "-"));
    }

    [Fact]
    public void Brief_pages_areNotBlankAndTheMapShowsTheCoverageColour()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("brief.pdf");
        Assert.Equal(0, GeoCli.Run("brief", "--audit", _city.AuditPath, "--lang", "en", "--out", pdf).ExitCode);
        ExternalTool.Run("pdftoppm", "poppler-utils", "-png", "-r", "60", pdf, folder.File("page"));
        var pages = Directory.GetFiles(folder.Path, "page*.png").Order().ToList();
        Assert.Equal(2 + _city.BlindSpotPages, pages.Count);
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
        var document = new BriefDocument(content, chinese: true);
        var name = content.SubdistrictNames[0];
        var extent = document.PageExtent(name);
        var box = content.Map.Subdistricts.Single(s => s.Name == name).Boundary.EnvelopeInternal;

        Assert.Equal(box.Width * 1.2, extent.Width, 9);
        Assert.True(extent.Contains(box));
        var others = content.Map.Subdistricts.Where(s => s.Name != name).Select(s => s.Boundary.InteriorPoint).Where(p => !box.Contains(p.Coordinate));
        Assert.All(others, p => Assert.True(!extent.Contains(p.Coordinate) || box.Distance(p.EnvelopeInternal) < box.Width * 0.1));
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

        var unwritable = GeoCli.Run("brief", "--audit", _city.AuditPath, "--out", folder.File("no/such/folder/brief.pdf"));
        Assert.NotEqual(0, unwritable.ExitCode);
        Assert.Contains("cannot write", unwritable.Stderr);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
