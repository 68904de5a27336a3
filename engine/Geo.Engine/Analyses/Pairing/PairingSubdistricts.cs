using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Pairing;

/// <summary>
/// Turns checked subdistricts into <see cref="PairingSubdistrict"/>s: projected to the graph's metres, with a
/// reference point that is the best service-centre POI inside (see <see cref="ServiceCentres"/>) or else an
/// interior point, snapped to the streets.
/// </summary>
public static class PairingSubdistricts
{
    public static (IReadOnlyList<PairingSubdistrict> Subdistricts, SubdistrictLocator Locator) Prepare(
        IReadOnlyList<Subdistrict> subdistricts, IReadOnlyList<PointOfInterest> pois, StreetGraph graph,
        StreetSnapper snapper, double borderToleranceMeters)
    {
        var projection = graph.Projection;
        var metric = subdistricts.Select(d => projection.Project(d.Geometry)).ToArray();
        var locator = new SubdistrictLocator(metric, borderToleranceMeters);

        var centre = new PointOfInterest?[subdistricts.Count];
        var centreRank = new int[subdistricts.Count];
        foreach (var poi in pois)
        {
            if (ServiceCentres.Rank(poi) is not int rank) continue;
            var (x, y) = projection.Project(poi.Geometry.X, poi.Geometry.Y);
            var at = new Point(x, y);
            foreach (int i in locator.Covering(at))
            {
                if (!locator.Prepared(i).Covers(at)) continue;
                if (ServiceCentres.IsBetter(poi, rank, centre[i], centreRank[i]))
                {
                    centre[i] = poi;
                    centreRank[i] = rank;
                }
            }
        }

        var result = new PairingSubdistrict[subdistricts.Count];
        for (int i = 0; i < subdistricts.Count; i++)
        {
            var interior = metric[i].InteriorPoint;
            Point reference;
            string kind;
            if (centre[i] is { } poi)
            {
                reference = new Point(poi.Geometry.X, poi.Geometry.Y) { SRID = 4326 };
                kind = $"service centre '{poi.Name ?? poi.Amenity}' ({poi.OsmType} {poi.OsmId})";
            }
            else
            {
                var (lon, lat) = projection.Unproject(interior.X, interior.Y);
                reference = new Point(lon, lat) { SRID = 4326 };
                kind = "interior point";
            }
            var snap = snapper.Snap(reference);
            result[i] = new PairingSubdistrict(subdistricts[i], metric[i], locator.Prepared(i), interior, reference, kind, snap);
        }
        return (result, locator);
    }
}
