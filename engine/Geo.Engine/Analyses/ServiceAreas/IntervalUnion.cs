namespace Geo.Analyses.ServiceAreas;

/// <summary>
/// The union of reached intervals, kept per street piece as intervals are added: each piece's disjoint intervals in
/// order of start, linked through one pooled node array (most pieces hold one or two). A thread drawing stations adds
/// each station's intervals here and lets the station's list go, instead of every station's list being kept for one
/// merge at the end: at city scale those lists are about ten times the union. Intervals that overlap or touch are
/// joined, so the result is the same whatever the order of adding: per piece, the connected stretches of the union,
/// each from its smallest start to its largest end. Given the pieces' lengths, a piece reached from end to end is
/// marked whole instead of holding a node: most of what a city's stations reach is whole pieces, and adding one already
/// whole then reads one flag.
/// </summary>
internal sealed class IntervalUnion
{
    private const int None = -1;

    private readonly int[] _head;
    private readonly float[]? _lengths;
    private readonly bool[]? _whole;
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

    /// <param name="lengths">Each piece's length: an interval from 0 to exactly that marks the piece whole.</param>
    public IntervalUnion(float[] lengths)
        : this(lengths.Length)
    {
        _lengths = lengths;
        _whole = new bool[lengths.Length];
    }

    public void Add(IEnumerable<ReachedInterval> intervals)
    {
        // A station's reach is a list of thousands of intervals: read as a span, with no enumerator called for each.
        if (intervals is List<ReachedInterval> list)
        {
            foreach (var x in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list)) Add(x.Piece, x.From, x.To);
            return;
        }
        foreach (var x in intervals) Add(x.Piece, x.From, x.To);
    }

    public void Add(int piece, double from, double to)
    {
        if (_whole is not null)
        {
            double length = _lengths![piece];
            if (_whole[piece])
            {
                if (from >= 0 && to <= length) return;
                // Beyond the piece's ends: the whole piece becomes a node again, to be joined as any other.
                _whole[piece] = false;
                _head[piece] = NewNode(0, length, None);
            }
            else if (from == 0 && to == length && WithinPiece(piece, length))
            {
                FreeNodes(piece);
                _whole[piece] = true;
                return;
            }
        }
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

    /// <summary>Whether every stretch the piece holds lies within its ends, so the whole piece contains them all.</summary>
    private bool WithinPiece(int piece, double length)
    {
        for (int n = _head[piece]; n != None; n = _next[n])
        {
            if (_from[n] < 0 || _to[n] > length) return false;
        }
        return true;
    }

    private void FreeNodes(int piece)
    {
        int n = _head[piece];
        while (n != None)
        {
            int next = _next[n];
            _next[n] = _freed;
            _freed = n;
            n = next;
        }
        _head[piece] = None;
    }

    private bool IsWhole(int piece) => _whole is not null && _whole[piece];

    /// <summary>
    /// The union of several unions over the same pieces (the others are added into the first): every piece's
    /// stretches, in piece order and then by start.
    /// </summary>
    public static List<ReachedInterval> Combine(IReadOnlyList<IntervalUnion> unions)
    {
        if (unions.Count == 0) return new List<ReachedInterval>();
        var into = unions[0];
        foreach (var other in unions.Skip(1))
        {
            for (int p = 0; p < other._head.Length; p++)
            {
                if (other.IsWhole(p)) into.Add(p, 0, other._lengths![p]);
                for (int n = other._head[p]; n != None; n = other._next[n]) into.Add(p, other._from[n], other._to[n]);
            }
        }
        // Counted first: a city's union is a large object, and a list grown to it leaves a trail of large garbage.
        int count = 0;
        for (int p = 0; p < into._head.Length; p++)
        {
            if (into.IsWhole(p)) count++;
            for (int n = into._head[p]; n != None; n = into._next[n]) count++;
        }
        var merged = new List<ReachedInterval>(count);
        for (int p = 0; p < into._head.Length; p++)
        {
            if (into.IsWhole(p)) merged.Add(new ReachedInterval(p, 0, into._lengths![p]));
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
