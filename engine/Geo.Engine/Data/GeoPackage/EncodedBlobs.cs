using Geo.Data.Features;
using NetTopologySuite.Geometries;

namespace Geo.Data.GeoPackage;

/// <summary>
/// One batch of a layer's features encoded as GeoPackage blobs on every core: each thread appends its features' blobs
/// to its own writer's buffer, and the writers keep their buffers for the batches after, of this layer and the layers
/// written after it. A city's service areas are
/// blobs of 100 KB and more: one array each made the collector's large-object budget run out again and again, and
/// every array was fresh memory to page in and clear.
/// </summary>
internal sealed class EncodedBlobs
{
    private readonly List<GeoPackageBlobWriter> _writers = new();
    private readonly Stack<int> _idle = new();
    private (int Writer, int Offset, int Length)[] _placed = Array.Empty<(int, int, int)>();

    /// <summary>The bytes of the batch's blobs.</summary>
    public long Bytes { get; private set; }

    /// <summary>Encodes features <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> - 1, filling in their extents.</summary>
    public void Encode(FeatureLayer layer, int start, int count, Envelope[] extents)
    {
        _idle.Clear();
        for (int w = 0; w < _writers.Count; w++)
        {
            _writers[w].ClearAppended();
            _idle.Push(w);
        }
        if (_placed.Length < count) _placed = new (int, int, int)[count];
        // x and y only: Z and M filled with NaN would make GDAL read every geometry as "ZM".
        OrderedParallel.For(count, TakeWriter, (k, taken) =>
        {
            var geometry = LayerGeometry.Conform(layer, start + k);
            var extent = extents[start + k] = LayerGeometry.Extent(geometry);
            var (offset, length) = taken.Writer.Append(geometry, extent);
            _placed[k] = (taken.Id, offset, length);
        }, GiveBack);
        long bytes = 0;
        for (int k = 0; k < count; k++) bytes += _placed[k].Length;
        Bytes = bytes;
    }

    /// <summary>The blob of the batch's <paramref name="k"/>th feature, valid until the batch is encoded again.</summary>
    public ReadOnlySpan<byte> Blob(int k)
    {
        var (w, offset, length) = _placed[k];
        return _writers[w].Appended.Slice(offset, length);
    }

    /// <summary>
    /// A writer no thread of the loop holds now: the loop may hand its indices to more threads over time than run at
    /// once, and they share the writers (a writer's earlier blobs stay where they are as it appends more).
    /// </summary>
    private (int Id, GeoPackageBlobWriter Writer) TakeWriter()
    {
        lock (_writers)
        {
            if (_idle.TryPop(out int id)) return (id, _writers[id]);
            _writers.Add(new GeoPackageBlobWriter());
            return (_writers.Count - 1, _writers[^1]);
        }
    }

    private void GiveBack((int Id, GeoPackageBlobWriter Writer) taken)
    {
        lock (_writers) _idle.Push(taken.Id);
    }
}
