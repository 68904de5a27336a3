namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// The union of reached intervals, kept per street piece as intervals are added: each piece's disjoint intervals in
/// order of start, linked through one pooled node array (most pieces hold one or two). A thread drawing stations adds
/// each station's intervals here and lets the station's list go, instead of every station's list being kept for one
/// merge at the end: at city scale those lists are about ten times the union. Intervals that overlap or touch are
/// joined, so the result is the same whatever the order of adding: per piece, the connected stretches of the union,
/// each from its smallest start to its largest end.
/// </summary>
internal sealed class IntervalUnion
{
    private const int None = -1;

    private readonly int[] _head;
    private double[] _from = new double[1024];
    private double[] _to = new double[1024];
    private int[] _next = new int[1024];
    private int _used;
    private int _freed = None;

    public IntervalUnion(int pieces)
    {
        _head = new int[pieces];
        Array.Fill(_head, None);
    }

    public void Add(IEnumerable<ReachedInterval> intervals)
    {
        foreach (var x in intervals) Add(x.Piece, x.From, x.To);
    }

    public void Add(int piece, double from, double to)
    {
        int before = None, at = _head[piece];
        while (at != None && _to[at] < from) (before, at) = (at, _next[at]);
        if (at == None || _from[at] > to)
        {
            int node = NewNode(from, to, at);
            if (before == None) _head[piece] = node;
            else _next[before] = node;
            return;
        }
        _from[at] = Math.Min(_from[at], from);
        double end = Math.Max(_to[at], to);
        // The joined stretch may now reach the intervals after it.
        for (int after = _next[at]; after != None && _from[after] <= end; after = _next[at])
        {
            end = Math.Max(end, _to[after]);
            _next[at] = _next[after];
            _next[after] = _freed;
            _freed = after;
        }
        _to[at] = end;
    }

    /// <summary>
    /// The union of several unions over the same pieces (the others are added into the first): every piece's
    /// stretches, in piece order and then by start.
    /// </summary>
    public static List<ReachedInterval> Combine(IReadOnlyList<IntervalUnion> unions)
    {
        var merged = new List<ReachedInterval>();
        if (unions.Count == 0) return merged;
        var into = unions[0];
        foreach (var other in unions.Skip(1))
        {
            for (int p = 0; p < other._head.Length; p++)
            {
                for (int n = other._head[p]; n != None; n = other._next[n]) into.Add(p, other._from[n], other._to[n]);
            }
        }
        for (int p = 0; p < into._head.Length; p++)
        {
            for (int n = into._head[p]; n != None; n = into._next[n]) merged.Add(new ReachedInterval(p, into._from[n], into._to[n]));
        }
        return merged;
    }

    private int NewNode(double from, double to, int next)
    {
        int node;
        if (_freed != None) (node, _freed) = (_freed, _next[_freed]);
        else
        {
            if (_used == _from.Length)
            {
                Array.Resize(ref _from, _used * 2);
                Array.Resize(ref _to, _used * 2);
                Array.Resize(ref _next, _used * 2);
            }
            node = _used++;
        }
        (_from[node], _to[node], _next[node]) = (from, to, next);
        return node;
    }
}
