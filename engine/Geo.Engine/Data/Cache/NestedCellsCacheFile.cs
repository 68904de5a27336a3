using Geo.Coordinates;
using Geo.Data.Subdistricts;
using NetTopologySuite.Geometries;

namespace Geo.Data.Cache;

/// <summary>
/// Planning cells cut by unit borders in one binary file: a header (format and counts), each part's cell, unit and
/// first polygon, the parts' polygons as <see cref="CachedPolygons"/> keeps them, and last a checksum of all that. A
/// part of one polygon reads back as a polygon, of more as a multipolygon, in lon/lat (EPSG:4326) as it was made; a
/// file of another format, cut short, with any byte changed or naming a cell or unit not given is refused whole.
/// </summary>
internal static class NestedCellsCacheFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "GEONESTC"u8.ToArray();

    public static void Write(string path, IReadOnlyList<NestedPart> parts)
    {
        var firstPolygon = new int[parts.Count + 1];
        var all = new List<Polygon>();
        for (int i = 0; i < parts.Count; i++)
        {
            all.AddRange(PolygonsOf(parts[i].LonLat));
            firstPolygon[i + 1] = all.Count;
        }
        var polygons = CachedPolygons.Of(all);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var output = new ChecksummedWriter(file);
        output.Header(Magic, [FormatVersion, parts.Count, polygons.Polygons, polygons.Rings, polygons.Points]);
        output.Values<int>(parts.Select(p => p.Cell).ToArray());
        output.Values<int>(parts.Select(p => p.Parent).ToArray());
        output.Values<int>(firstPolygon);
        polygons.Write(output);
        output.Finish();
    }

    /// <summary>The parts of a cache file for <paramref name="parents"/> units and <paramref name="cells"/> cells, or null when it is not one.</summary>
    public static List<NestedPart>? TryRead(string path, int parents, int cells)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var input = new ChecksummedReader(file);
        if (input.Header(Magic, FormatVersion, 5) is not { } header) return null;
        int count = header[1], polygonCount = header[2], rings = header[3], points = header[4];
        if (count < 0 || polygonCount < count || rings < polygonCount || points < 0
            || 12L * count + CachedPolygons.SmallestSize(polygonCount, rings, points) > input.Length) return null;
        var cell = input.Values<int>(count);
        var parent = input.Values<int>(count);
        var firstPolygon = input.Values<int>(count + 1);
        var polygons = CachedPolygons.Read(input, polygonCount, rings, points);
        if (!input.Verify() || !polygons.IsWellFormed() || firstPolygon[0] != 0 || firstPolygon[count] != polygonCount) return null;
        for (int i = 0; i < count; i++)
        {
            if (firstPolygon[i + 1] <= firstPolygon[i] || (uint)cell[i] >= (uint)cells || (uint)parent[i] >= (uint)parents) return null;
        }

        var made = polygons.ToPolygons(LonLatLattice.Factory);
        var parts = new List<NestedPart>(count);
        for (int i = 0; i < count; i++)
        {
            int first = firstPolygon[i], n = firstPolygon[i + 1] - first;
            Geometry lonLat = n == 1 ? made[first] : LonLatLattice.Factory.CreateMultiPolygon(made[first..(first + n)]);
            parts.Add(new NestedPart(cell[i], parent[i], lonLat));
        }
        return parts;
    }

    private static IEnumerable<Polygon> PolygonsOf(Geometry geometry) => geometry switch
    {
        Polygon polygon => [polygon],
        MultiPolygon multi => multi.Geometries.Cast<Polygon>(),
        _ => throw new InvalidDataException($"a nested cell is a {geometry.GeometryType}, not a polygon"),
    };
}
