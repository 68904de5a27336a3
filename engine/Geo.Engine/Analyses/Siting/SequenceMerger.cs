using System.Numerics;
using System.Runtime.InteropServices;

namespace Geo.Analyses.Siting;

/// <summary>
/// Merges weighted sequences of candidates that are equal, element by element: each distinct sequence becomes one
/// group, in the order it was first added, its weight the sum of the weights added for it, in the order added.
/// Looks sequences up by span, so only a group's first sequence is copied (an open-addressing table of group
/// indices).
/// </summary>
internal sealed class SequenceMerger
{
    private readonly List<int[]> _keys = new();
    private readonly List<double> _weights = new();
    private readonly List<ulong> _hashes = new();
    private int[] _slots = new int[1024];   // group index + 1; 0 is empty
    private int _mask = 1023;

    public int Count => _keys.Count;

    /// <summary>Adds a sequence's weight to its group, starting the group if the sequence is new; returns the group.</summary>
    public int Add(ReadOnlySpan<int> sequence, double weight)
    {
        ulong hash = Hash(sequence);
        int slot = (int)(hash >> 32) & _mask;
        while (_slots[slot] != 0)
        {
            int g = _slots[slot] - 1;
            if (_hashes[g] == hash && sequence.SequenceEqual(_keys[g]))
            {
                _weights[g] += weight;
                return g;
            }
            slot = (slot + 1) & _mask;
        }
        int group = _keys.Count;
        _keys.Add(sequence.ToArray());
        _weights.Add(weight);
        _hashes.Add(hash);
        _slots[slot] = group + 1;
        if (_keys.Count * 2 > _slots.Length) Grow();
        return group;
    }

    public List<(int[] Candidates, double Weight)> Groups()
    {
        var groups = new List<(int[] Candidates, double Weight)>(_keys.Count);
        for (int g = 0; g < _keys.Count; g++) groups.Add((_keys[g], _weights[g]));
        return groups;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        var hashes = CollectionsMarshal.AsSpan(_hashes);
        for (int g = 0; g < hashes.Length; g++)
        {
            int slot = (int)(hashes[g] >> 32) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = g + 1;
        }
    }

    private static ulong Hash(ReadOnlySpan<int> sequence)
    {
        ulong hash = 0x9E3779B97F4A7C15UL ^ (ulong)sequence.Length;
        foreach (int v in sequence) hash = BitOperations.RotateLeft((hash ^ (uint)v) * 0xBF58476D1CE4E5B9UL, 27);
        return hash * 0x94D049BB133111EBUL;
    }
}
