using Geo.Data.Model;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Analyses.Reach;

/// <summary>
/// Seeded random street networks rich in one-ways: a jittered grid of junctions whose blocks are bent polylines of
/// mixed classes (foot- and cycleways, motorway-like roads for cars only, posted maxspeeds), about half of them
/// one-way in either direction, some missing, plus diagonals, dead ends and parallel pieces between the same junctions.
/// </summary>
internal static class OnewayTown
{
    private static readonly (string Highway, StreetAccess Access)[] Classes =
    {
        ("residential", StreetAccess.Walk | StreetAccess.Ebike | StreetAccess.Car),
        ("primary", StreetAccess.Walk | StreetAccess.Ebike | StreetAccess.Car),
        ("tertiary", StreetAccess.Walk | StreetAccess.Ebike | StreetAccess.Car),
        ("service", StreetAccess.Walk | StreetAccess.Ebike | StreetAccess.Car),
        ("footway", StreetAccess.Walk),
        ("cycleway", StreetAccess.Walk | StreetAccess.Ebike),
        ("trunk", StreetAccess.Car),
    };

    public static StreetDataset Generate(int seed, int size = 14, double spacing = 90)
    {
        var random = new Random(seed);
        var streets = new List<StreetSegment>();
        var at = new (double X, double Y)[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++) at[i, j] = (j * spacing + random.NextDouble() * 30 - 15, i * spacing + random.NextDouble() * 30 - 15);
        }
        long Id(int i, int j) => 1000L * i + j + 1;
        long nextNode = 1_000_000;

        void Add(long from, long to, (double X, double Y) a, (double X, double Y) b, params (double X, double Y)[] via)
        {
            var (highway, access) = Classes[random.Next(Classes.Length)];
            // A bent polyline: a few shape points off the straight line between the junctions.
            var points = new List<(double X, double Y)> { a };
            points.AddRange(via);
            int bends = via.Length > 0 ? 0 : random.Next(3);
            for (int k = 1; k <= bends; k++)
            {
                double t = (double)k / (bends + 1);
                points.Add((a.X + t * (b.X - a.X) + random.NextDouble() * 10 - 5, a.Y + t * (b.Y - a.Y) + random.NextDouble() * 10 - 5));
            }
            points.Add(b);
            bool oneway = random.NextDouble() < 0.5;
            if (oneway && random.Next(2) == 0)
            {
                (from, to) = (to, from);
                points.Reverse();
            }
            double? maxspeed = random.NextDouble() < 0.2 ? random.Next(2, 9) * 10 : null;
            var line = new LineString(points.Select(p => { var (lon, lat) = TestCity.LonLat(p.X, p.Y); return new Coordinate(lon, lat); }).ToArray()) { SRID = 4326 };
            streets.Add(new StreetSegment(streets.Count + 1, from, to, highway, null, oneway, maxspeed, access, line));
        }

        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                if (j + 1 < size && random.NextDouble() > 0.1) Add(Id(i, j), Id(i, j + 1), at[i, j], at[i, j + 1]);
                if (i + 1 < size && random.NextDouble() > 0.1) Add(Id(i, j), Id(i + 1, j), at[i, j], at[i + 1, j]);
                if (i + 1 < size && j + 1 < size && random.NextDouble() < 0.1) Add(Id(i, j), Id(i + 1, j + 1), at[i, j], at[i + 1, j + 1]);
                if (random.NextDouble() < 0.05) Add(Id(i, j), Id(i, j), at[i, j], at[i, j], (at[i, j].X + 20, at[i, j].Y), (at[i, j].X + 20, at[i, j].Y + 25));
                if (random.NextDouble() < 0.08)
                {
                    var end = (at[i, j].X + random.NextDouble() * 40 - 20, at[i, j].Y + random.NextDouble() * 40 - 20);
                    Add(Id(i, j), nextNode++, at[i, j], end);
                }
                if (j + 1 < size && random.NextDouble() < 0.05) Add(Id(i, j), Id(i, j + 1), at[i, j], at[i, j + 1]);
            }
        }
        var extent = new Envelope();
        foreach (var s in streets) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        return new StreetDataset
        {
            Metadata = new DatasetMetadata($"oneway town {seed}", "", extent, DateTimeOffset.UnixEpoch),
            Streets = streets.ToArray(),
        };
    }
}
