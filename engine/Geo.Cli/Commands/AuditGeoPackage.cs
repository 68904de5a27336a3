using System.Collections.Concurrent;
using Geo.Data.Features;
using Geo.Data.GeoPackage;

namespace Geo.Cli.Commands;

/// <summary>
/// The audit folder's <c>audit.gpkg</c>, begun before the audit is worked out: the layers that do not depend on it
/// (the streets, copied in bulk from the dataset) are written on a thread of their own while the audit keeps the
/// cores mostly busy, and each part of the audit's layers follows, in the same transaction, as soon as it is handed
/// over. The file gets its name only when complete; abandoned, nothing is left of it.
/// </summary>
internal sealed class AuditGeoPackage : IDisposable
{
    private readonly BlockingCollection<IReadOnlyList<FeatureLayer>> _later = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _writing;
    private bool _finished;

    public AuditGeoPackage(string path, IReadOnlyList<FeatureLayer> first)
    {
        var store = new GeoPackageStore(path, create: true);
        // A thread of its own: it waits for the audit's layers, which must not hold back a pool thread the audit's
        // parallel loops could use.
        _writing = Task.Factory.StartNew(() => store.WriteLayers(first, _later.GetConsumingEnumerable(_abandon.Token)),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Hands over layers to write next; the writing goes on while the caller works out the rest.</summary>
    public void Add(IReadOnlyList<FeatureLayer> layers) => _later.Add(layers);

    /// <summary>Hands over the last layers and waits until the file is written; throws what the writing threw.</summary>
    public void Finish(IReadOnlyList<FeatureLayer> last)
    {
        _later.Add(last);
        _later.CompleteAdding();
        _finished = true;
        _writing.GetAwaiter().GetResult();
    }

    /// <summary>Unless finished, abandons the file and waits until the writing has stopped and removed it.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _abandon.Cancel();
            try
            {
                _writing.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The audit's own failure is the one reported; the abandoned file's is a consequence of it.
            }
        }
        _abandon.Dispose();
        _later.Dispose();
    }
}
