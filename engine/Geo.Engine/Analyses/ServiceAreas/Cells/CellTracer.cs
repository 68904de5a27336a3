using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Geo.Coordinates;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// Turns covered cells into polygons: boundary edges are walked with the covered side on the left, so outer rings
/// come out counter-clockwise and holes clockwise. A hole belongs to the patch of edge-connected cells along it:
/// every patch has exactly one outer ring, so holes are assigned by patch label rather than point-in-ring tests.
/// The mask must be free of diagonal-only blocks (<see cref="CellMask.RemoveDiagonals"/>), which makes every ring simple.
/// </summary>
public static class CellTracer
{
    public static Geometry Trace(CellMask mask) => Trace(mask, null);

    /// <param name="lonLat">When given, the polygons come out in lon/lat straight away, as the lattice turns graph coordinates, with no local copy made first.</param>
    internal static Geometry Trace(CellMask mask, LonLatLattice? lonLat)
    {
        int corners = Corners(mask);
        if (corners > LargestKeptLinks) return TraceOutsideHeap(mask, corners, lonLat);
        var next = RentLinks(corners);
        var rings = Walk(mask, next, corners, lonLat);
        ReturnLinks(next);
        return rings;
    }

    /// <summary>
    /// A city's whole mask needs links for tens of millions of corners, once: taken from native memory and freed at
    /// once, because an array that large on the collected heap sets off a full, blocking collection of everything
    /// the run holds (a quarter of a second in the synthetic city's audit).
    /// </summary>
    private static unsafe Geometry TraceOutsideHeap(CellMask mask, int corners, LonLatLattice? lonLat)
    {
        var links = (int*)NativeMemory.Alloc((nuint)corners, sizeof(int));
        try
        {
            var next = new Span<int>(links, corners);
            next.Fill(-1);
            return Walk(mask, next, corners, lonLat);
        }
        finally
        {
            NativeMemory.Free(links);
        }
    }

    /// <summary>
    /// <see cref="Trace(CellMask)"/> with corner links the caller keeps for a series of traces over large masks (a city's
    /// overlap counts, one after another), grown when too small: links that large are otherwise made afresh for each.
    /// </summary>
    internal static Geometry Trace(CellMask mask, ref int[]? links, LonLatLattice? lonLat = null)
    {
        int corners = Corners(mask);
        if (links is null || links.Length < corners) links = UnlinkedLinks(corners);
        return Walk(mask, links, corners, lonLat);
    }

    private static int Corners(CellMask mask) => (mask.Width + 1) * (mask.Height + 1);

    /// <summary>
    /// Links the boundary edges into <paramref name="next"/> (all unlinked, -1) and walks them into rings; every link
    /// is unlinked again afterwards, also when the walk fails.
    /// </summary>
    private static Geometry Walk(CellMask mask, Span<int> next, int corners, LonLatLattice? lonLat)
    {
        try
        {
            using var patches = new CellPatches(mask.Cells, mask.Width, mask.Height);
            BoundaryEdges(mask.Width, mask.Height, patches, next);
            return Rings(mask, next, corners, patches, lonLat);
        }
        catch
        {
            next[..corners].Fill(-1);
            throw;
        }
    }

    /// <summary>
    /// Corner links left unlinked (-1) by the walk that used them last: walking the rings unlinks every link it made,
    /// so they need no clearing. As many are kept as there are cores, none longer than a station's window needs.
    /// </summary>
    private static readonly ConcurrentBag<int[]> CleanLinks = new();

    /// <summary>Links for a city's whole mask (tens of MB) are neither kept nor taken from <see cref="CleanLinks"/>, nor made on the heap.</summary>
    private const int LargestKeptLinks = 1 << 20;

    private static int[] RentLinks(int corners)
    {
        if (CleanLinks.TryTake(out var clean) && clean.Length >= corners) return clean;
        return UnlinkedLinks(Math.Max(corners, 1 << 16));
    }

    private static int[] UnlinkedLinks(int length)
    {
        var links = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(links, -1);
        return links;
    }

    private static void ReturnLinks(int[] links)
    {
        if (links.Length <= LargestKeptLinks && CleanLinks.Count < Environment.ProcessorCount) CleanLinks.Add(links);
    }

    /// <summary>
    /// Links the corners where boundary edges start, covered cell on the left, each to the corner where its edge
    /// ends. A run's ends give its left and right edges, one cell high. Along its bottom and top, the stretches the
    /// neighbouring row's runs leave open are each one link, from turn to turn: found by stepping through the two
    /// rows' runs side by side, never cell by cell. Corners inside a stretch stay unlinked (-1).
    /// </summary>
    private static void BoundaryEdges(int w, int h, CellPatches runs, Span<int> next)
    {
        int stride = w + 1;
        var first = runs.Firsts;
        var last = runs.Lasts;
        for (int r = 0; r < h; r++)
        {
            var (start, end) = runs.RunsOfRow(r);
            int bottom = r * stride, top = bottom + stride;
            for (int i = start; i < end; i++)
            {
                next[top + first[i]] = bottom + first[i];          // left edge, downwards
                next[bottom + last[i] + 1] = top + last[i] + 1;    // right edge, upwards
            }
            var (below, belowEnd) = r > 0 ? runs.RunsOfRow(r - 1) : (0, 0);
            OpenStretches(first, last, start, end, below, belowEnd, next, bottom, eastwards: true);
            var (above, aboveEnd) = r + 1 < h ? runs.RunsOfRow(r + 1) : (0, 0);
            OpenStretches(first, last, start, end, above, aboveEnd, next, top, eastwards: false);
        }
    }

    /// <summary>
    /// Links the stretches of a row's runs (<paramref name="start"/> … <paramref name="end"/> - 1) that no run of the
    /// neighbouring row (<paramref name="other"/> … <paramref name="otherEnd"/> - 1) covers, along the line of corners
    /// from <paramref name="line"/>: eastwards under the row, westwards over it. Both rows' runs are in column order,
    /// so one pass through each does; a neighbouring run reaching past a run's end may still meet the next run.
    /// </summary>
    private static void OpenStretches(ReadOnlySpan<int> first, ReadOnlySpan<int> last, int start, int end, int other, int otherEnd, Span<int> next, int line, bool eastwards)
    {
        int j = other;
        for (int i = start; i < end; i++)
        {
            int cursor = first[i], to = last[i];
            while (cursor <= to)
            {
                while (j < otherEnd && last[j] < cursor) j++;
                int open = j == otherEnd || first[j] > to ? to : first[j] - 1;
                if (open >= cursor)
                {
                    if (eastwards) next[line + cursor] = line + open + 1;
                    else next[line + open + 1] = line + cursor;
                }
                if (open == to) break;
                cursor = last[j] + 1;
            }
        }
    }

    [ThreadStatic]
    private static List<int>? t_points;

    [ThreadStatic]
    private static List<int>? t_packed;

    [ThreadStatic]
    private static List<WalkedRing>? t_walked;

    /// <summary>A ring as walked: the patch it bounds, and either its stretch of the shared corners or the ring made at once.</summary>
    private readonly record struct WalkedRing(int Owner, int First, int Count, LinearRing? Ring);

    /// <summary>A city's merged outline can have rings of millions of points, and thousands of rings: lists that large are not kept for the thread's life.</summary>
    private const int LargestKeptList = 1 << 16;

    private static Geometry Rings(CellMask mask, Span<int> next, int corners, CellPatches patches, LonLatLattice? lonLat)
    {
        var factory = lonLat is null ? ServiceAreaGeometry.Local : LonLatLattice.Factory;
        int w = mask.Width, stride = w + 1;
        double cell = mask.Grid.CellMeters, x0 = mask.Grid.MinX + mask.Column0 * cell, y0 = mask.Grid.MinY + mask.Row0 * cell;
        // Corner column, row, column, row …: each ring's points. Rings kept as corners share one array of them (packed),
        // and are made once the walk is done. The lists are the thread's own, kept from call to call, so a station's
        // outline does not grow fresh ones through every size up to its largest.
        bool compact = lonLat is not null && w + 1 <= LatticeRingSequence.MaxCorners && mask.Height + 1 <= LatticeRingSequence.MaxCorners;
        var points = t_points ?? new List<int>();
        var packed = t_packed ?? new List<int>();
        var walked = t_walked ?? new List<WalkedRing>();
        t_points = t_packed = null;
        t_walked = null;
        points.Clear();
        packed.Clear();
        walked.Clear();
        for (int start = 0; start < corners; start++)
        {
            // Most corners are on no boundary (-1): skip them a vector at a time.
            int skip = next[start..corners].IndexOfAnyExcept(-1);
            if (skip < 0) break;
            start += skip;
            int owner = patches.Of(LeftCell(start, next[start], stride));
            points.Clear();
            int first = packed.Count;
            int v = start, x = start % stride, y = start / stride;
            var previous = (Heading)(-1);
            do
            {
                int to = next[v];
                next[v] = -1;
                var heading = HeadingOf(to - v, stride);
                // A point where the boundary turns: stretches end at turns, but edges up or down go a cell at a time.
                // Rings kept as corners go straight into the shared array.
                if (heading != previous)
                {
                    if (compact) packed.Add(LatticeRingSequence.Pack(x, y));
                    else
                    {
                        points.Add(x);
                        points.Add(y);
                    }
                }
                previous = heading;
                if (heading == Heading.Up) y++;
                else if (heading == Heading.Down) y--;
                else x += to - v;
                v = to;
            }
            while (v != start);
            // The start vertex may sit mid-way along a straight run: dropped when the run continues through it.
            if (compact)
            {
                if (packed.Count - first > 1)
                {
                    var (lastX, lastY) = LatticeRingSequence.Unpack(packed[^1]);
                    var (firstX, firstY) = LatticeRingSequence.Unpack(packed[first]);
                    var (secondX, secondY) = LatticeRingSequence.Unpack(packed[first + 1]);
                    if (IsCollinear(lastX, lastY, firstX, firstY, secondX, secondY)) packed.RemoveAt(first);
                }
                packed.Add(packed[first]);
                walked.Add(new WalkedRing(owner, first, packed.Count - first, null));
                continue;
            }
            if (points.Count > 2 && IsCollinear(points[^2], points[^1], points[0], points[1], points[2], points[3])) points.RemoveRange(0, 2);
            points.Add(points[0]);
            points.Add(points[1]);
            walked.Add(new WalkedRing(owner, 0, 0, factory.CreateLinearRing(Sequence(points, x0, y0, cell, lonLat))));
        }
        var window = compact ? new LatticeRingSequence.Window(lonLat!, x0, y0, cell, packed.ToArray()) : null;
        if (points.Capacity <= LargestKeptList) t_points = points;
        if (packed.Capacity <= LargestKeptList) t_packed = packed;
        var polygons = Polygons(walked, patches.Count, window, factory);
        walked.Clear();
        if (walked.Capacity <= LargestKeptList) t_walked = walked;
        return polygons.Length switch
        {
            0 => factory.CreateMultiPolygon(),
            1 => polygons[0],
            _ => factory.CreateMultiPolygon(polygons),
        };
    }

    /// <summary>
    /// Each patch's polygon, in the order their outer rings were walked. The first ring met of a patch is its outer
    /// ring: corners are scanned bottom row first, and the lowest boundary edge of a patch always lies on its outside;
    /// its holes follow in the order they were met.
    /// </summary>
    private static Polygon[] Polygons(List<WalkedRing> walked, int patchCount, LatticeRingSequence.Window? window, GeometryFactory factory)
    {
        // Rings per patch counted first, so each patch's holes go straight into an array of their number.
        var ringsOf = new int[patchCount];
        int shells = 0;
        foreach (var ring in walked)
        {
            if (ringsOf[ring.Owner]++ == 0) shells++;
        }
        var shellOf = new LinearRing?[patchCount];
        var holesOf = new LinearRing[]?[patchCount];
        var filled = new int[patchCount];
        var order = new int[shells];
        shells = 0;
        foreach (var (owner, first, count, made) in walked)
        {
            var ring = made ?? factory.CreateLinearRing(new LatticeRingSequence(window!, first, count));
            if (shellOf[owner] is null)
            {
                shellOf[owner] = ring;
                order[shells++] = owner;
            }
            else (holesOf[owner] ??= new LinearRing[ringsOf[owner] - 1])[filled[owner]++] = ring;
        }
        var polygons = new Polygon[order.Length];
        for (int i = 0; i < order.Length; i++) polygons[i] = factory.CreatePolygon(shellOf[order[i]], holesOf[order[i]]);
        return polygons;
    }

    /// <summary>The ring's points as packed doubles: graph coordinates, or lon/lat through <paramref name="lonLat"/>.</summary>
    private static CoordinateSequence Sequence(List<int> points, double x0, double y0, double cell, LonLatLattice? lonLat)
    {
        var xy = new double[points.Count];
        for (int i = 0; i < xy.Length; i += 2)
        {
            xy[i] = x0 + points[i] * cell;
            xy[i + 1] = y0 + points[i + 1] * cell;
        }
        return lonLat is null ? new PackedDoubleCoordinateSequence(xy, 2, 0) : lonLat.ToLonLat(xy);
    }

    private enum Heading { East, West, Up, Down }

    /// <summary>A link's heading from its step between corners: a row of corners up or down, or along the row.</summary>
    private static Heading HeadingOf(int step, int stride) =>
        step == stride ? Heading.Up : step == -stride ? Heading.Down : step > 0 ? Heading.East : Heading.West;

    /// <summary>The covered cell (column, row) on the left of the boundary link from corner <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static (int Column, int Row) LeftCell(int from, int to, int stride)
    {
        int x = from % stride, y = from / stride;
        return HeadingOf(to - from, stride) switch
        {
            Heading.East => (x, y),
            Heading.Up => (x - 1, y),
            Heading.West => (x - 1, y - 1),
            _ => (x, y - 1),
        };
    }

    private static bool IsCollinear(int ax, int ay, int bx, int by, int cx, int cy) =>
        (ax == bx && bx == cx) || (ay == by && by == cy);
}
