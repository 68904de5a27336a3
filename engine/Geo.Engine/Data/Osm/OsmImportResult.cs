using Geo.Data.Model;

namespace Geo.Data.Osm;

/// <summary>What an import made, and what it had to leave out and why (boundaries that do not close, ways cut by the extract).</summary>
public sealed record OsmImportResult(StreetDataset Dataset, IReadOnlyList<string> Warnings, IReadOnlyList<int> AdminLevels);
