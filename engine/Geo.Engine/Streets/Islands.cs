namespace Geo.Streets;

/// <summary>
/// Weakly connected components of the street graph: streets a profile can use that no path joins to the rest
/// (a gated estate, a ferry-only island, a cut extract). Numbered largest first, so island 0 is the main network.
/// </summary>
internal static class Islands
{
    public static (int[] ComponentOf, int Count) Label(int vertexCount, int[] from, int[] to)
    {
        var parent = new int[vertexCount];
        for (int v = 0; v < vertexCount; v++) parent[v] = v;

        int Find(int v)
        {
            while (parent[v] != v)
            {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            return v;
        }

        for (int s = 0; s < from.Length; s++)
        {
            int a = Find(from[s]), b = Find(to[s]);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }

        var size = new Dictionary<int, int>();
        for (int v = 0; v < vertexCount; v++)
        {
            int root = Find(v);
            size[root] = size.GetValueOrDefault(root) + 1;
        }
        var rank = size.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select((kv, i) => (kv.Key, i)).ToDictionary(t => t.Key, t => t.i);
        var componentOf = new int[vertexCount];
        for (int v = 0; v < vertexCount; v++) componentOf[v] = rank[Find(v)];
        return (componentOf, size.Count);
    }
}
