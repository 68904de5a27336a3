using Geo.Cli.Commands;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Cli;

public class AuditGeoPackageTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static FeatureLayer Points(string name, int count)
    {
        var layer = new FeatureLayer(name, GeometryKind.Point, new[] { new FieldDefinition("n", FieldType.Integer) });
        for (int i = 0; i < count; i++) layer.Add(Factory.CreatePoint(new Coordinate(104 + i * 1e-3, 30.5)), (long)i);
        return layer;
    }

    [Fact]
    public void Finish_writesTheFirstAddedAndLastLayersInOneFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.gpkg");
        using (var geoPackage = new AuditGeoPackage(path, new[] { Points("streets", 500) }))
        {
            geoPackage.Add(new[] { Points("coverage", 3), Points("territories", 40) });
            geoPackage.Finish(new[] { Points("cell_coverage", 5) });
        }

        var store = new GeoPackageStore(path, create: false);
        Assert.Equal(new[] { "cell_coverage", "coverage", "streets", "territories" }, store.LayerNames());
        Assert.Equal(500, store.ReadLayer("streets").Features.Count);
        Assert.Equal(39L, store.ReadLayer("territories").Features[^1].Values[0]);
        Assert.Equal(new[] { "audit.gpkg" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dispose_unfinished_leavesNothingOfTheFile()
    {
        using var folder = new TempFolder();
        using (var geoPackage = new AuditGeoPackage(folder.File("audit.gpkg"), new[] { Points("streets", 2_000) }))
        {
            geoPackage.Add(new[] { Points("coverage", 3) });
        }

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Finish_afterTheWritingFailed_throwsItsErrorAndLeavesNoFile()
    {
        using var folder = new TempFolder();
        var broken = new FeatureLayer("broken", GeometryKind.Point, Array.Empty<FieldDefinition>());
        broken.Add(Factory.CreatePoint());
        using var geoPackage = new AuditGeoPackage(folder.File("audit.gpkg"), new[] { Points("streets", 10) });
        geoPackage.Add(new[] { broken });

        var error = Assert.Throws<GeoInputException>(() => geoPackage.Finish(new[] { Points("cell_coverage", 1) }));

        Assert.Contains("broken", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
