using System.IO.Hashing;
using System.Runtime.InteropServices;
using Geo.Data.Model;
using Geo.Data.Subdistricts;
using Geo.Streets;
using NetTopologySuite.IO;

namespace Geo.Data.Cache;

/// <summary>
/// Planning cells cut by their units' borders (<see cref="NestedCells"/>) kept in the <see cref="CacheFolder"/>, so an
/// audit after the first on the same streets, units and cells reads the parts rather than overlaying every border
/// cell again (about 0.7 s of both cores for a city's 3,800 cells). A file is named by a hash of the engine build, the
/// graph's projection and lon/lat lattice, and every unit's and cell's geometry, in order: the parts depend on nothing
/// else (names are given after reading).
/// </summary>
internal static class NestedCellsCache
{
    private const string Kind = "nested-cells";

    public static IReadOnlyList<NestedPart> Parts(IReadOnlyList<Subdistrict> parents, IReadOnlyList<Subdistrict> cells, StreetGraph graph,
        Func<IReadOnlyList<NestedPart>> cut) =>
        Parts(parents, cells, graph, CacheFolder.Resolve(), StreetCache.SmallestCached, cut);

    internal static IReadOnlyList<NestedPart> Parts(IReadOnlyList<Subdistrict> parents, IReadOnlyList<Subdistrict> cells, StreetGraph graph,
        string? folder, int smallestCached, Func<IReadOnlyList<NestedPart>> cut)
    {
        if (folder is null || graph.Pieces.Count < smallestCached) return cut();
        string file = CacheFolder.FileFor(folder, Kind, NestedCellsCacheFile.FormatVersion, Key(parents, cells, graph));
        if (CacheFolder.TryRead(file, path => NestedCellsCacheFile.TryRead(path, parents.Count, cells.Count)) is { } cached) return cached;
        var parts = cut();
        CacheFolder.TryWrite(file, Kind, path => NestedCellsCacheFile.Write(path, parts));
        return parts;
    }

    internal static string Key(IReadOnlyList<Subdistrict> parents, IReadOnlyList<Subdistrict> cells, StreetGraph graph)
    {
        var hash = new XxHash128();
        hash.Append(typeof(NestedCellsCache).Module.ModuleVersionId.ToByteArray());
        var (minX, minY, columns, rows) = graph.LonLat.Grid;
        ReadOnlySpan<double> frame = [graph.Projection.CentralLongitude, graph.Projection.OriginLatitude, graph.OriginX, graph.OriginY, minX, minY, columns, rows];
        hash.Append(MemoryMarshal.AsBytes(frame));
        var wkb = new WKBWriter();
        foreach (var units in new[] { parents, cells })
        {
            hash.Append(BitConverter.GetBytes(units.Count));
            foreach (var unit in units) hash.Append(wkb.Write(unit.Geometry));
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
