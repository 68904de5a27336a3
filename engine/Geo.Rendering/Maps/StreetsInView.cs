using Geo.Data.Features;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Rendering.Maps;

/// <summary>
/// The streets a map view meets, found through a grid over their extents: a briefing draws a page for each unit, each
/// a small part of a city of 600,000 streets, and working out every street's extent again for every page took most of
/// a second over a hundred pages. Read-only once built, so pages may be drawn on several threads.
/// </summary>
internal sealed class StreetsInView
{
    private readonly int[] _streetOf;   // grid item → street; streets with no points are in no view
    private readonly EnvelopeGrid _grid;

    public StreetsInView(IReadOnlyList<Geometry> streets)
    {
        Streets = streets;
        int n = streets.Count, kept = 0;
        var (minX, minY, maxX, maxY) = (new double[n], new double[n], new double[n], new double[n]);
        _streetOf = new int[n];
        // One envelope reused for every street, none kept: the grid holds the extents as four arrays.
        var extent = new Envelope();
        for (int i = 0; i < n; i++)
        {
            extent.Init();
            LayerGeometry.ExpandExtent(extent, streets[i]);
            if (extent.IsNull) continue;
            (minX[kept], minY[kept], maxX[kept], maxY[kept], _streetOf[kept]) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY, i);
            kept++;
        }
        if (kept < n)
        {
            Array.Resize(ref minX, kept);
            Array.Resize(ref minY, kept);
            Array.Resize(ref maxX, kept);
            Array.Resize(ref maxY, kept);
        }
        _grid = new EnvelopeGrid(minX, minY, maxX, maxY);
    }

    /// <summary>The list the grid was built over.</summary>
    public IReadOnlyList<Geometry> Streets { get; }

    /// <summary>The streets whose extents meet <paramref name="view"/>, edges included, in the list's order.</summary>
    public List<int> Meeting(Envelope view)
    {
        var found = new List<int>();
        if (view.IsNull) return found;
        _grid.Within(view.MinX, view.MinY, view.MaxX, view.MaxY, found);
        for (int i = 0; i < found.Count; i++) found[i] = _streetOf[found[i]];
        found.Sort();
        return found;
    }
}
