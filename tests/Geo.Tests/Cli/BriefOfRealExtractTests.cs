namespace Geo.Tests.Cli;

public class BriefOfRealExtractTests
{
    [Fact]
    public void Brief_ofAndorraAudit_namesTheParishesAndTheHeadline()
    {
        using var folder = new TempFolder();
        var gpkg = folder.File("andorra.gpkg");
        Assert.Equal(0, GeoCli.Run("import", RepoPaths.SharedDataset("andorra.osm.pbf"), "--out", gpkg).ExitCode);
        var audit = GeoCli.Run("audit", "--data", gpkg, "--stations", "pois:amenity=restaurant", "--out", folder.File("audit"));
        Assert.True(audit.ExitCode == 0, audit.Stderr);
        var pdf = folder.File("brief.pdf");
        var brief = GeoCli.Run("brief", "--audit", folder.File("audit"), "--subdistrict", "Ordino", "--out", pdf);
        Assert.True(brief.ExitCode == 0, brief.Stderr);
        Assert.Contains("geo: language: en (the data lies outside China", brief.Stderr);

        string text = ExternalTool.Run("pdftotext", "poppler-utils", pdf, "-");
        Assert.Contains("service coverage briefing", text);
        Assert.Contains("Ordino: ", text);
        Assert.Contains("Andorra la Vella", text);
        string headline = audit.Stdout.Split('\n').First(l => l.Contains("of streets within")).Split(' ')[0];
        Assert.Contains($"street coverage {headline} %: ", text.Replace('\u00a0', ' '));
    }
}
