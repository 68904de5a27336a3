namespace Geo.Data.Model;

/// <summary>Everything an analysis reads from a store: streets, POIs, subdistricts and, when present, stations.</summary>
public sealed class StreetDataset
{
    public required DatasetMetadata Metadata { get; init; }
    public required IReadOnlyList<StreetSegment> Streets { get; init; }
    public IReadOnlyList<PointOfInterest> Pois { get; init; } = Array.Empty<PointOfInterest>();
    public IReadOnlyList<Subdistrict> Subdistricts { get; init; } = Array.Empty<Subdistrict>();
    public IReadOnlyList<Station> Stations { get; init; } = Array.Empty<Station>();
}
