using Geo.Streets.Snapping;

namespace Geo.Analyses.Pairing;

/// <summary>The street piece a station joins: its name and OSM way id, how far the station stands from it and on which side.</summary>
public sealed record StationStreet(int Station, SnapResult Snap, string? StreetName, long? WayId)
{
    public bool IsSnapped => Snap.IsSnapped;
    public StreetSide Side => Snap.Side;
    public double SnapMeters => Snap.DistanceMeters;
}
