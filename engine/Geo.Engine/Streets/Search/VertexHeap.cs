using System.Numerics;
using System.Runtime.Intrinsics;

namespace Geo.Streets.Search;

/// <summary>
/// The search's queue: vertices by travel time in a min-heap of four children a node. It takes vertices out in
/// exactly the order .NET's <see cref="PriorityQueue{TElement, TPriority}"/> does (the same heap, ties included:
/// tested against it), so searches settle vertices as before, with no comparer, version or capacity to check for
/// each step. Times are never NaN.
/// </summary>
internal sealed class VertexHeap
{
    private const int Log2Children = 2;

    private Node[] _nodes = new Node[256];
    private int _count;

    private readonly record struct Node(double Seconds, int Vertex);

    public int Count => _count;

    public void Clear() => _count = 0;

    public void Enqueue(int vertex, double seconds)
    {
        if (_count == _nodes.Length) Array.Resize(ref _nodes, _count * 2);
        var nodes = _nodes;
        int at = _count++;
        // Up past every parent that takes longer; a parent as long stays above.
        while (at > 0)
        {
            int parent = (at - 1) >> Log2Children;
            if (!(seconds < nodes[parent].Seconds)) break;
            nodes[at] = nodes[parent];
            at = parent;
        }
        nodes[at] = new Node(seconds, vertex);
    }

    public bool TryDequeue(out int vertex, out double seconds)
    {
        if (_count == 0)
        {
            (vertex, seconds) = (0, 0);
            return false;
        }
        var nodes = _nodes;
        (seconds, vertex) = nodes[0];
        int count = --_count;
        if (count == 0) return true;
        // The last node sinks from the root below every child that takes less time: of equal children, the first.
        var sinking = nodes[count];
        int at = 0, first;
        while ((first = (at << Log2Children) + 1) < count)
        {
            int least;
            double leastSeconds;
            if (first + 3 < count)
            {
                // All four children: the first of the least found with no branch to mispredict (the lowest lane
                // holding the least time), the child the loop below would take.
                var times = Vector256.Create(nodes[first].Seconds, nodes[first + 1].Seconds, nodes[first + 2].Seconds, nodes[first + 3].Seconds);
                var pairs = Vector128.Min(times.GetLower(), times.GetUpper());
                leastSeconds = Math.Min(pairs.GetElement(0), pairs.GetElement(1));
                least = first + BitOperations.TrailingZeroCount(Vector256.Equals(times, Vector256.Create(leastSeconds)).ExtractMostSignificantBits());
            }
            else
            {
                least = first;
                leastSeconds = nodes[first].Seconds;
                for (int child = first + 1; child < count; child++)
                {
                    if (nodes[child].Seconds < leastSeconds) (least, leastSeconds) = (child, nodes[child].Seconds);
                }
            }
            if (sinking.Seconds <= leastSeconds) break;
            nodes[at] = nodes[least];
            at = least;
        }
        nodes[at] = sinking;
        return true;
    }
}
