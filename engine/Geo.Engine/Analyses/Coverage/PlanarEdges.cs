namespace Geo.Analyses.Coverage;

/// <summary>
/// A planar straight-line graph: nodes are distinct points, edges join two different nodes, each pair at most once,
/// and no two edges cross or overlap except at their nodes.
/// </summary>
internal sealed class PlanarEdges
{
    public PlanarEdges(double[] x, double[] y, int[] from, int[] to)
    {
        X = x;
        Y = y;
        From = from;
        To = to;
    }

    public double[] X { get; }
    public double[] Y { get; }
    public int[] From { get; }
    public int[] To { get; }
    public int NodeCount => X.Length;
    public int EdgeCount => From.Length;
}
