using System.Security.Cryptography;
using System.Text;
using Geo.Coordinates;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Triangulate;

namespace Geo.Data.Synthetic;

/// <summary>
/// A deterministic Chengdu-like city for benchmarks at city scale: a jittered street grid with arterials, collectors
/// and alternating one-ways, the 一环路 and 二环路 ring roads, an elevated expressway above 二环路 (cars only) with
/// ramps, a motorway spur, a river crossed only by primary roads on a few bridges, walled compounds entered through
/// one gate, Voronoi subdistricts named …街道, stations named …驿站 / …党群服务中心 beside walkable streets, and POIs
/// for demand; or laid over real boundaries (a frame of 街道), which then name its subdistricts. Same options, same
/// city, byte for byte.
/// </summary>
public static class SyntheticCity
{
    public const double BlockMeters = 90;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly DateTimeOffset Made = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static StreetDataset Generate(SyntheticCityOptions options)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var names = new ChineseNames(random);
        var plane = new LocalProjection(options.CentreLon, options.CentreLat);
        var layout = new CityLayout(options.Vertices);
        var streets = new SyntheticStreets(layout, plane, random, names);
        streets.Build();

        var subdistricts = options.Frame is { } frame
            ? SyntheticFrame.Within(frame, plane, layout.Boundary)
            : Subdistricts(random, names, plane, layout.Boundary, Math.Max(4, options.Vertices / 3000));
        Func<Point, bool> onLand = point => layout.IsDryLand(plane, point);
        var stations = Stations(random, streets.Pieces, subdistricts, onLand, options.Stations);
        var pois = Pois(random, streets.Pieces, onLand, options.Vertices / 100);

        var extent = new Envelope();
        foreach (var s in streets.Pieces) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        string sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.Canonical))).ToLowerInvariant();
        return new StreetDataset
        {
            Metadata = new DatasetMetadata(options.Canonical, sha, extent, Made),
            Streets = streets.Pieces,
            Pois = pois,
            Subdistricts = subdistricts,
            Stations = stations,
        };
    }

    private static Subdistrict[] Subdistricts(Random random, ChineseNames names, LocalProjection plane, Envelope city, int count)
    {
        var sites = new List<Coordinate>();
        for (int i = 0; i < count; i++)
        {
            sites.Add(new Coordinate(city.MinX + random.NextDouble() * city.Width, city.MinY + random.NextDouble() * city.Height));
        }
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        builder.ClipEnvelope = city;
        var factory = new GeometryFactory();
        var cells = builder.GetDiagram(factory);
        var boundary = factory.ToGeometry(city);
        var ordered = Enumerable.Range(0, cells.NumGeometries).Select(i => cells.GetGeometryN(i))
            .OrderBy(c => c.Centroid.Y).ThenBy(c => c.Centroid.X).ToList();
        var result = new Subdistrict[ordered.Count];
        for (int i = 0; i < ordered.Count; i++)
        {
            var cell = ordered[i].Intersection(boundary);
            var lonLat = plane.Unproject(cell);
            lonLat = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(lonLat, new PrecisionModel(1e8));
            lonLat.SRID = 4326;
            result[i] = new Subdistrict(i + 1, names.Next("街道"), 8, lonLat);
        }
        return result;
    }

    private static Station[] Stations(Random random, IReadOnlyList<StreetSegment> pieces, Subdistrict[] subdistricts,
        Func<Point, bool> onLand, int count)
    {
        // About one subdistrict in twenty gets no station, so pairing and audits have real gaps to find.
        var without = new HashSet<int>();
        int skip = Math.Max(1, subdistricts.Length / 20);
        while (without.Count < skip && subdistricts.Length > 1) without.Add(random.Next(subdistricts.Length));
        var prepared = subdistricts.Select(s => PreparedGeometryFactory.Prepare(s.Geometry)).ToArray();
        var candidates = pieces.Where(p => p.Highway is "residential" or "tertiary" or "secondary").ToArray();
        var hasCentre = new bool[subdistricts.Length];
        var perStreet = new Dictionary<string, int>(StringComparer.Ordinal);
        var stations = new List<Station>(count);
        for (int attempt = 0; stations.Count < count && attempt < count * 50; attempt++)
        {
            var piece = candidates[random.Next(candidates.Length)];
            var point = Offset(piece.Geometry, 0.5, 6 + random.NextDouble() * 8, random.Next(2) == 0);
            int home = Array.FindIndex(prepared, p => p.Covers(point));
            if (home < 0 || without.Contains(home) || !onLand(point)) continue;
            string name;
            if (stations.Count % 3 == 2 && !hasCentre[home])
            {
                // One party-and-masses service centre per subdistrict, named after it as in real cities.
                hasCentre[home] = true;
                name = subdistricts[home].Name + "党群服务中心";
            }
            else
            {
                string street = piece.Name ?? "社区";
                int nth = perStreet[street] = perStreet.GetValueOrDefault(street) + 1;
                name = nth == 1 ? $"{street}驿站" : $"{street}{nth}号驿站";
            }
            stations.Add(new Station($"S{stations.Count + 1:0000}", name, point, SyntheticHours(stations.Count, name)));
        }
        return stations.ToArray();
    }

    /// <summary>
    /// Hours as real ones run: service centres keep office hours, most 驿站 long days, some round the clock. Chosen by
    /// the station's number, not the random stream, so adding hours did not move any station.
    /// </summary>
    private static string SyntheticHours(int index, string name) =>
        name.EndsWith("党群服务中心", StringComparison.Ordinal) ? "Mo-Fr 08:30-17:30; Sa 09:00-12:00"
        : (index % 3) switch { 0 => "24/7", 1 => "06:00-23:00", _ => "Mo-Sa 08:00-20:00; Su off" };

    private static PointOfInterest[] Pois(Random random, IReadOnlyList<StreetSegment> pieces, Func<Point, bool> onLand, int count)
    {
        string[] amenities = { "restaurant", "fast_food", "cafe", "community_centre", "post_office", "parcel_locker", "school", "clinic" };
        string[] shops = { "convenience", "supermarket", "bakery", "mobile_phone" };
        var walkable = pieces.Where(p => (p.Access & StreetAccess.Walk) != 0).ToArray();
        var result = new List<PointOfInterest>(count);
        for (int attempt = 0; result.Count < count && attempt < count * 10; attempt++)
        {
            var piece = walkable[random.Next(walkable.Length)];
            var point = Offset(piece.Geometry, random.NextDouble(), 10 + random.NextDouble() * 20, random.Next(2) == 0);
            if (!onLand(point)) continue;
            bool shop = random.Next(3) == 0;
            string? amenity = shop ? null : amenities[random.Next(amenities.Length)];
            string? name = amenity == "community_centre" ? $"{piece.Name ?? ""}社区服务中心" : null;
            result.Add(new PointOfInterest(-(result.Count + 1), "node", name, amenity, shop ? shops[random.Next(shops.Length)] : null,
                null, null, null, point));
        }
        return result.ToArray();
    }

    /// <summary>A point beside a street: at a fraction along it, some metres to its left or right.</summary>
    private static Point Offset(LineString line, double fraction, double meters, bool left)
    {
        var a = line.GetCoordinateN(0);
        var b = line.GetCoordinateN(line.NumPoints - 1);
        double lat = (a.Y + b.Y) / 2;
        double mPerLon = 111_320 * Math.Cos(lat * Math.PI / 180), mPerLat = 110_900;
        double dx = (b.X - a.X) * mPerLon, dy = (b.Y - a.Y) * mPerLat;
        double len = Math.Max(1e-9, Math.Sqrt(dx * dx + dy * dy));
        double nx = -dy / len * (left ? 1 : -1), ny = dx / len * (left ? 1 : -1);
        var point = Wgs84.CreatePoint(new Coordinate(
            Math.Round(a.X + (b.X - a.X) * fraction + nx * meters / mPerLon, 8),
            Math.Round(a.Y + (b.Y - a.Y) * fraction + ny * meters / mPerLat, 8)));
        return point;
    }
}
