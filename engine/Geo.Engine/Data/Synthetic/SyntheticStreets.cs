using Geo.Coordinates;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Data.Synthetic;

/// <summary>The street network of the synthetic city, laid out in metres on a local plane and stored in lon/lat.</summary>
internal sealed class SyntheticStreets
{
    private const double ArterialKmh = 50, ExpresswayKmh = 80, RampKmh = 40, MotorwayKmh = 100;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly CityLayout _layout;
    private readonly LocalProjection _plane;
    private readonly Random _random;
    private readonly ChineseNames _names;
    private readonly int _n;
    private readonly double[] _x, _y;
    private readonly bool[] _horizontalRemoved, _verticalRemoved;
    private readonly List<(int I0, int J0)> _compounds = new();
    private readonly Dictionary<string, StreetAccess> _accessByClass = new();
    private readonly TravelProfile[] _profiles = TravelProfile.BuiltInNames.Select(TravelProfile.BuiltIn).ToArray();
    private readonly StreetStyle _innerRing, _secondRing;
    private long _nextNode;
    private long _nextWay;

    /// <summary>How one stretch of street is classed, named and signed; grid lines and ring roads each have one.</summary>
    private sealed record StreetStyle(long Way, string Highway, string Name, bool Oneway, bool AgainstGrid, double? MaxSpeed);

    public SyntheticStreets(CityLayout layout, LocalProjection plane, Random random, ChineseNames names)
    {
        _layout = layout;
        _plane = plane;
        _random = random;
        _names = names;
        _n = layout.Side;
        _x = new double[_n * _n];
        _y = new double[_n * _n];
        _horizontalRemoved = new bool[_n * _n];
        _verticalRemoved = new bool[_n * _n];
        _innerRing = new StreetStyle(-(2L * _n + 1), "primary", "一环路", false, false, ArterialKmh);
        _secondRing = new StreetStyle(-(2L * _n + 2), "secondary", "二环路", false, false, null);
        _nextNode = -(long)_n * _n - 1;
        _nextWay = -2L * _n - 3;
    }

    public List<StreetSegment> Pieces { get; } = new();

    public void Build()
    {
        for (int i = 0; i < _n; i++)
        {
            for (int j = 0; j < _n; j++)
            {
                _x[i * _n + j] = _layout.At(j) + (_random.NextDouble() * 2 - 1) * CityLayout.JitterMeters;
                _y[i * _n + j] = _layout.At(i) + (_random.NextDouble() * 2 - 1) * CityLayout.JitterMeters;
            }
        }
        PlaceCompounds();
        GridStreets();
        CompoundFootways();
        ElevatedRing();
    }

    private long GridNode(int i, int j) => -((long)i * _n + j + 1);

    private StreetStyle LineStyle(int k, long way, bool oneway, bool againstGrid)
    {
        string cls = CityLayout.LineClass(k);
        return new StreetStyle(way, cls, _names.Next(Suffix(cls)), oneway, oneway && againstGrid, cls == "primary" ? ArterialKmh : null);
    }

    /// <summary>The style of the grid edge along line <paramref name="line"/> from cross line <paramref name="k"/> to k + 1.</summary>
    private StreetStyle EdgeStyle(StreetStyle lineStyle, int line, int k)
    {
        var (innerLow, innerHigh) = _layout.InnerRing;
        var (secondLow, secondHigh) = _layout.SecondRing;
        if ((line == innerLow || line == innerHigh) && k >= innerLow && k < innerHigh) return _innerRing;
        if ((line == secondLow || line == secondHigh) && k >= secondLow && k < secondHigh) return _secondRing;
        return lineStyle;
    }

    private void GridStreets()
    {
        // Residential one-ways come in pairs of opposite direction, as in an old town's couplets.
        var rows = Enumerable.Range(0, _n).Select(i => LineStyle(i, -(i + 1), CityLayout.LineClass(i) == "residential" && i % 3 == 1, (i / 3) % 2 == 1)).ToArray();
        var columns = Enumerable.Range(0, _n).Select(j => LineStyle(j, -(_n + j + 1), CityLayout.LineClass(j) == "residential" && j % 3 == 2, (j / 3) % 2 == 0)).ToArray();
        for (int i = 0; i < _n; i++)
        {
            for (int j = 0; j + 1 < _n; j++)
            {
                if (!_horizontalRemoved[i * _n + j]) AddGridEdge(EdgeStyle(rows[i], i, j), i * _n + j, i * _n + j + 1);
            }
        }
        for (int j = 0; j < _n; j++)
        {
            for (int i = 0; i + 1 < _n; i++)
            {
                if (_verticalRemoved[i * _n + j]) continue;
                var style = EdgeStyle(columns[j], j, i);
                if (i == _layout.RiverRow && style.Highway != "primary") continue;
                AddGridEdge(style, i * _n + j, (i + 1) * _n + j);
            }
        }
    }

    private void AddGridEdge(StreetStyle style, int a, int b)
    {
        if (style.AgainstGrid) (a, b) = (b, a);
        Add(style.Way, -(a + 1L), -(b + 1L), new[] { (_x[a], _y[a]), (_x[b], _y[b]) }, style.Highway, style.Name, style.Oneway, style.MaxSpeed);
    }

    /// <summary>
    /// Walled compounds (小区) of 3×3 blocks: the streets inside are removed and replaced by a footway loop entered
    /// through one gate, so the only way in is the gate. Compounds keep clear of the river, the ring roads and the
    /// expressway.
    /// </summary>
    private void PlaceCompounds()
    {
        int wanted = _n * _n / 900;
        var taken = new bool[_n * _n];
        for (int attempt = 0, placed = 0; placed < wanted && attempt < wanted * 20; attempt++)
        {
            int i0 = 2 + _random.Next(Math.Max(1, _n - 7)), j0 = 2 + _random.Next(Math.Max(1, _n - 7));
            if (i0 <= _layout.RiverRow && _layout.RiverRow <= i0 + 3) continue;
            if (NearExpressway(i0) || NearExpressway(j0)) continue;
            bool free = true;
            for (int k = 1; k <= 2 && free; k++)
            {
                free = CityLayout.LineClass(i0 + k) == "residential" && CityLayout.LineClass(j0 + k) == "residential"
                    && !_layout.IsRingLine(i0 + k) && !_layout.IsRingLine(j0 + k);
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

    private bool NearExpressway(int k0)
    {
        var (low, high) = _layout.ElevatedRing;
        return (low >= k0 - 1 && low <= k0 + 4) || (high >= k0 - 1 && high <= k0 + 4);
    }

    private void CompoundFootways()
    {
        foreach (var (i0, j0) in _compounds)
        {
            double x0 = _layout.At(j0), y0 = _layout.At(i0), b = SyntheticCity.BlockMeters;
            var corners = new[] { (x0 + 0.5 * b, y0 + 0.5 * b), (x0 + 2.5 * b, y0 + 0.5 * b), (x0 + 2.5 * b, y0 + 2.5 * b), (x0 + 0.5 * b, y0 + 2.5 * b) };
            var ids = corners.Select(_ => _nextNode--).ToArray();
            long way = _nextWay--;
            for (int k = 0; k < 4; k++) Add(way, ids[k], ids[(k + 1) % 4], new[] { corners[k], corners[(k + 1) % 4] }, "footway", null, false);
            int gate = i0 * _n + j0;
            Add(_nextWay--, GridNode(i0, j0), ids[0], new[] { (_x[gate], _y[gate]), corners[0] }, "service", null, false);
        }
    }

    /// <summary>
    /// The elevated expressway (二环高架, trunk: cars only) runs mid-block half a block outside 二环路 and crosses
    /// streets and the river without junctions; ramps join it to 二环路 every third stop. A motorway spur leaves it
    /// eastwards on two one-way carriageways.
    /// </summary>
    private void ElevatedRing()
    {
        var (low, high) = _layout.ElevatedRing;
        var stops = new List<(double U, double V)>();
        var side = new List<double>();
        for (double t = low; t < high - 1e-9; t += 2) side.Add(t);
        foreach (var t in side) stops.Add((t, low));
        foreach (var t in side) stops.Add((high, t));
        foreach (var t in side) stops.Add((low + high - t, high));
        foreach (var t in side) stops.Add((low, low + high - t));
        var metres = stops.Select(s => (_layout.At(s.U), _layout.At(s.V))).ToArray();
        var ids = stops.Select(_ => _nextNode--).ToArray();
        long ring = _nextWay--;
        for (int k = 0; k < stops.Count; k++)
        {
            int next = (k + 1) % stops.Count;
            Add(ring, ids[k], ids[next], new[] { metres[k], metres[next] }, "trunk", "二环高架路", false, ExpresswayKmh);
        }

        var (secondLow, secondHigh) = _layout.SecondRing;
        for (int k = 0; k < stops.Count; k += 3)
        {
            int i = Math.Clamp((int)Math.Round(stops[k].V), secondLow, secondHigh);
            int j = Math.Clamp((int)Math.Round(stops[k].U), secondLow, secondHigh);
            int g = i * _n + j;
            if (CrossesRiver(metres[k].Item2, _y[g])) continue;
            Add(_nextWay--, ids[k], GridNode(i, j), new[] { metres[k], (_x[g], _y[g]) }, "trunk_link", null, false, RampKmh);
        }

        // The spur leaves from the east side at the stop nearest the middle that keeps it clear of the river.
        double middle = (_n - 1) / 2.0;
        int east = Enumerable.Range(side.Count, side.Count)
            .Where(k => !CrossesRiver(metres[k].Item2 - 30, metres[k].Item2 + 30))
            .OrderBy(k => Math.Abs(stops[k].V - middle)).First();
        var (sx, sy) = metres[east];
        double edge = _layout.Boundary.MaxX;
        string spur = _names.Next("高速");
        Add(_nextWay--, ids[east], _nextNode--, new[] { (sx, sy), (sx + 40, sy - 8), (edge, sy - 8) }, "motorway", spur, true, MotorwayKmh);
        Add(_nextWay--, _nextNode--, ids[east], new[] { (edge, sy + 8), (sx + 40, sy + 8), (sx, sy) }, "motorway", spur, true, MotorwayKmh);
    }

    private bool CrossesRiver(double y1, double y2)
    {
        var band = _layout.RiverBand;
        return Math.Min(y1, y2) < band.MaxY && Math.Max(y1, y2) > band.MinY;
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
        Pieces.Add(new StreetSegment(way, from, to, highway, name, oneway, maxspeed, Access(highway, oneway), Wgs84.CreateLineString(coords)));
    }

    /// <summary>Which modes may use a piece, decided by the shipped profiles from the tags an OSM way of its kind carries.</summary>
    private StreetAccess Access(string highway, bool oneway)
    {
        string key = oneway ? highway + ";oneway" : highway;
        if (_accessByClass.TryGetValue(key, out var access)) return access;
        var tags = new Dictionary<string, string> { ["highway"] = highway };
        if (oneway) tags["oneway"] = "yes";
        if (highway is "trunk" or "motorway") tags["motorroad"] = "yes";
        access = StreetAccess.None;
        foreach (var profile in _profiles) if (profile.Allows(tags)) access |= profile.Mode;
        _accessByClass[key] = access;
        return access;
    }
}
