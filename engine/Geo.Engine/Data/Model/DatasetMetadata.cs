using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>Where a dataset came from: the source file and its sha256, its lon/lat extent and when it was made.</summary>
public sealed record DatasetMetadata(string Source, string Sha256, Envelope Extent, DateTimeOffset ImportedAt);
