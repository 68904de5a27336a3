using Geo.Coordinates;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Data.Synthetic;

/// <summary>The street network of the synthetic city, laid out in metres on a local plane and stored in lon/lat.</summary>
internal sealed class SyntheticStreets
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly LocalProjection _plane;
    private readonly Random _random;
    private readonly ChineseNames _names;
    private readonly int _n;
    private readonly double _half;
    private readonly double[] _x, _y;
    private readonly bool[] _horizontalRemoved, _verticalRemoved;
    private readonly Dictionary<string, StreetAccess> _accessByClass = new();
    private readonly TravelProfile[] _profiles = TravelProfile.BuiltInNames.Select(TravelProfile.BuiltIn).ToArray();
    private long _nextNode;
    private long _nextWay;

    public SyntheticStreets(LocalProjection plane, Random random, ChineseNames names, int gridSide)
    {
        _plane = plane;
        _random = random;
        _names = names;
        _n = gridSide;
        _half = (_n - 1) * SyntheticCity.BlockMeters / 2;
        _x = new double[_n * _n];
        _y = new double[_n * _n];
        _horizontalRemoved = new bool[_n * _n];
        _verticalRemoved = new bool[_n * _n];
        _nextNode = -(long)_n * _n - 1;
        _nextWay = -2L * _n - 1;
    }

    public List<StreetSegment> Pieces { get; } = new();

    /// <summary>The row of blocks the river runs through: only arterials cross it, on bridges.</summary>
    public int RiverRow => (int)(_n * 0.55);

    public Envelope CityBoundary()
    {
        double margin = SyntheticCity.BlockMeters;
        return new Envelope(-_half - margin, _half + margin, -_half - margin, _half + margin);
    }

    public void Build()
    {
        for (int i = 0; i < _n; i++)
        {
            for (int j = 0; j < _n; j++)
            {
                double jitter = SyntheticCity.BlockMeters * 0.08;
                _x[i * _n + j] = -_half + j * SyntheticCity.BlockMeters + (_random.NextDouble() * 2 - 1) * jitter;
                _y[i * _n + j] = -_half + i * SyntheticCity.BlockMeters + (_random.NextDouble() * 2 - 1) * jitter;
            }
        }
        PlaceCompounds();
        for (int j = 0; j + 1 < _n; j++) _verticalRemoved[RiverRow * _n + j] = LineClass(j) != "primary";
        _verticalRemoved[RiverRow * _n + _n - 1] = LineClass(_n - 1) != "primary";
        GridStreets();
        CompoundFootways();
        ExpresswayRing();
    }

    private static string LineClass(int k) =>
        k % 40 == 20 ? "primary" : k % 10 == 5 ? "secondary" : k % 5 == 0 ? "tertiary" : "residential";

    private long GridNode(int i, int j) => -((long)i * _n + j + 1);

    private void GridStreets()
    {
        for (int i = 0; i < _n; i++)
        {
            string cls = LineClass(i);
            string name = _names.Next(Suffix(cls));
            bool oneway = cls == "residential" && i % 3 == 1;
            bool westward = (i / 3) % 2 == 1;
            long way = -(i + 1);
            for (int j = 0; j + 1 < _n; j++)
            {
                if (_horizontalRemoved[i * _n + j]) continue;
                int a = i * _n + j, b = a + 1;
                if (oneway && westward) Add(way, GridNode(i, j + 1), GridNode(i, j), new[] { (_x[b], _y[b]), (_x[a], _y[a]) }, cls, name, true);
                else Add(way, GridNode(i, j), GridNode(i, j + 1), new[] { (_x[a], _y[a]), (_x[b], _y[b]) }, cls, name, oneway);
            }
        }
        for (int j = 0; j < _n; j++)
        {
            string cls = LineClass(j);
            string name = _names.Next(Suffix(cls));
            bool oneway = cls == "residential" && j % 3 == 2;
            bool southward = (j / 3) % 2 == 0;
            long way = -(_n + j + 1);
            for (int i = 0; i + 1 < _n; i++)
            {
                if (_verticalRemoved[i * _n + j]) continue;
                int a = i * _n + j, b = a + _n;
                if (oneway && southward) Add(way, GridNode(i + 1, j), GridNode(i, j), new[] { (_x[b], _y[b]), (_x[a], _y[a]) }, cls, name, true);
                else Add(way, GridNode(i, j), GridNode(i + 1, j), new[] { (_x[a], _y[a]), (_x[b], _y[b]) }, cls, name, oneway);
            }
        }
    }

    /// <summary>Walled compounds (小区) of 3×3 blocks: no through streets inside, a footway loop and a single gate.</summary>
    private void PlaceCompounds()
    {
        int wanted = _n * _n / 900;
        var taken = new bool[_n * _n];
        for (int attempt = 0, placed = 0; placed < wanted && attempt < wanted * 20; attempt++)
        {
            int i0 = 2 + _random.Next(Math.Max(1, _n - 7)), j0 = 2 + _random.Next(Math.Max(1, _n - 7));
            if (i0 <= RiverRow && RiverRow <= i0 + 3) continue;
            bool free = true;
            for (int k = 1; k <= 2 && free; k++)
            {
                free = LineClass(i0 + k) == "residential" && LineClass(j0 + k) == "residential";
            }
            for (int i = i0 - 1; i <= i0 + 4 && free; i++)
            {
                for (int j = j0 - 1; j <= j0 + 4 && free; j++) free = !taken[i * _n + j];
            }
            if (!free) continue;
            for (int i = i0; i <= i0 + 3; i++)
            {
                for (int j = j0; j <= j0 + 3; j++) taken[i * _n + j] = true;
            }
            for (int k = 1; k <= 2; k++)
            {
                for (int j = j0; j < j0 + 3; j++) _horizontalRemoved[(i0 + k) * _n + j] = true;
                for (int i = i0; i < i0 + 3; i++) _verticalRemoved[i * _n + j0 + k] = true;
            }
            _compounds.Add((i0, j0));
            placed++;
        }
    }

    private readonly List<(int I0, int J0)> _compounds = new();

    private void CompoundFootways()
    {
        foreach (var (i0, j0) in _compounds)
        {
            double b = SyntheticCity.BlockMeters;
            double x0 = -_half + j0 * b, y0 = -_half + i0 * b;
            var corners = new[] { (x0 + 0.5 * b, y0 + 0.5 * b), (x0 + 2.5 * b, y0 + 0.5 * b), (x0 + 2.5 * b, y0 + 2.5 * b), (x0 + 0.5 * b, y0 + 2.5 * b) };
            var ids = corners.Select(_ => _nextNode--).ToArray();
            long way = _nextWay--;
            for (int k = 0; k < 4; k++) Add(way, ids[k], ids[(k + 1) % 4], new[] { corners[k], corners[(k + 1) % 4] }, "footway", null, false);
            int gate = i0 * _n + j0;
            Add(_nextWay--, GridNode(i0, j0), ids[0], new[] { (_x[gate], _y[gate]), corners[0] }, "service", null, false);
        }
    }

    private void ExpresswayRing()
    {
        // An elevated expressway ring mid-block (it crosses streets without junctions), joined to the grid at interchanges.
        double radius = Math.Round(_half * 0.7 / SyntheticCity.BlockMeters) * SyntheticCity.BlockMeters + SyntheticCity.BlockMeters / 2;
        int perSide = (int)(2 * radius / (2 * SyntheticCity.BlockMeters));
        var ring = new List<(double X, double Y)>();
        for (int k = 0; k < perSide; k++) ring.Add((-radius + k * 2 * radius / perSide, -radius));
        for (int k = 0; k < perSide; k++) ring.Add((radius, -radius + k * 2 * radius / perSide));
        for (int k = 0; k < perSide; k++) ring.Add((radius - k * 2 * radius / perSide, radius));
        for (int k = 0; k < perSide; k++) ring.Add((-radius, radius - k * 2 * radius / perSide));
        var ringIds = ring.Select(_ => _nextNode--).ToArray();
        string ringName = _names.Next("环城高速");
        long ringWay = _nextWay--;
        for (int k = 0; k < ring.Count; k++)
        {
            Add(ringWay, ringIds[k], ringIds[(k + 1) % ring.Count], new[] { ring[k], ring[(k + 1) % ring.Count] }, "trunk", ringName, false, 80);
        }
        for (int k = 0; k < ring.Count; k += 5)
        {
            var (gi, gj) = NearestJunction(ring[k]);
            int g = gi * _n + gj;
            Add(_nextWay--, ringIds[k], GridNode(gi, gj), new[] { ring[k], (_x[g], _y[g]) }, "trunk_link", null, false, 40);
        }

        // A motorway spur eastwards from the ring, two one-way carriageways: cars only.
        int east = perSide + perSide / 2;
        var (sx, sy) = ring[east];
        long end1 = _nextNode--, end2 = _nextNode--;
        string spur = _names.Next("高速");
        Add(_nextWay--, ringIds[east], end1, new[] { (sx, sy - 8), (_half + SyntheticCity.BlockMeters, sy - 8) }, "motorway", spur, true, 100);
        Add(_nextWay--, end2, ringIds[east], new[] { (_half + SyntheticCity.BlockMeters, sy + 8), (sx, sy + 8) }, "motorway", spur, true, 100);
    }

    private (int I, int J) NearestJunction((double X, double Y) at)
    {
        int j = Math.Clamp((int)Math.Round((at.X + _half) / SyntheticCity.BlockMeters), 0, _n - 1);
        int i = Math.Clamp((int)Math.Round((at.Y + _half) / SyntheticCity.BlockMeters), 0, _n - 1);
        return (i, j);
    }

    private static string Suffix(string cls) => cls switch
    {
        "primary" => "大道",
        "secondary" or "tertiary" => "路",
        _ => "街",
    };

    private void Add(long way, long from, long to, (double X, double Y)[] metres, string highway, string? name, bool oneway, double? maxspeed = null)
    {
        var coords = new Coordinate[metres.Length];
        for (int k = 0; k < metres.Length; k++)
        {
            var (lon, lat) = _plane.Unproject(metres[k].X, metres[k].Y);
            coords[k] = new Coordinate(Math.Round(lon, 8), Math.Round(lat, 8));
        }
        Pieces.Add(new StreetSegment(way, from, to, highway, name, oneway || highway == "motorway", maxspeed, Access(highway), Wgs84.CreateLineString(coords)));
    }

    private StreetAccess Access(string highway)
    {
        if (_accessByClass.TryGetValue(highway, out var access)) return access;
        var tags = new Dictionary<string, string> { ["highway"] = highway };
        access = StreetAccess.None;
        foreach (var profile in _profiles) if (profile.Allows(tags)) access |= profile.Mode;
        _accessByClass[highway] = access;
        return access;
    }
}
