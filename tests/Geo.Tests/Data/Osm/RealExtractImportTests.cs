using Geo.Data.Osm;

namespace Geo.Tests.Data.Osm;

/// <summary>Imports of the real shared OpenStreetMap extracts.</summary>
public class RealExtractImportTests
{
    [Fact]
    public void Import_liechtenstein_hasStreetsPoisAndElevenMunicipalities()
    {
        var result = new OsmPbfImporter().Import(RepoPaths.SharedDataset("liechtenstein.osm.pbf"));
        var d = result.Dataset;

        Assert.True(d.Streets.Count > 5000, $"{d.Streets.Count} street pieces");
        Assert.True(d.Pois.Count > 100);
        var municipalities = d.Subdistricts.Where(s => s.AdminLevel == 8).Select(s => s.Name).ToHashSet();
        foreach (var name in new[] { "Vaduz", "Schaan", "Balzers", "Triesen", "Eschen", "Mauren", "Triesenberg", "Ruggell", "Gamprin", "Schellenberg", "Planken" })
        {
            Assert.Contains(name, municipalities);
        }
        Assert.All(d.Subdistricts, s => Assert.True(s.Geometry.IsValid, s.Name));
        Assert.Equal("b8b6c7f2122bd46a65b1d1c669b47c20df4f784a501ace3221d5ea6053121ecc", d.Metadata.Sha256);
        Assert.Contains(result.Warnings, w => w.Contains("left out"));
    }

    [Fact]
    public void Import_andorra_hasParishesAndReportsTheOneCutByTheExtract()
    {
        var result = new OsmPbfImporter().Import(RepoPaths.SharedDataset("andorra.osm.pbf"));
        var parishes = result.Dataset.Subdistricts.Where(s => s.AdminLevel == 7).Select(s => s.Name).ToList();

        Assert.Contains("Andorra la Vella", parishes);
        Assert.Contains("Ordino", parishes);
        Assert.Equal(6, parishes.Count);
        Assert.Contains(result.Warnings, w => w.Contains("Canillo"));
    }

    [Fact]
    public void Import_chengdu_hasChineseStreetNamesAndPoisButNoSubdistricts()
    {
        var d = new OsmPbfImporter().Import(RepoPaths.SharedDataset("chengdu-center.osm.pbf")).Dataset;

        Assert.True(d.Streets.Count > 3000);
        Assert.Contains(d.Streets, s => s.Name is not null && s.Name.EndsWith('路'));
        Assert.True(d.Pois.Count > 100);
        Assert.Empty(d.Subdistricts);
        Assert.InRange(d.Metadata.Extent.Centre.X, 104.0, 104.2);
    }

    [Fact]
    public void Import_shanghai_hasStreetsOnly()
    {
        var d = new OsmPbfImporter().Import(RepoPaths.SharedDataset("shanghai-center.osm.pbf")).Dataset;

        Assert.True(d.Streets.Count > 3000);
        Assert.True(d.Pois.Count < 10);
        Assert.Empty(d.Subdistricts);
    }
}
