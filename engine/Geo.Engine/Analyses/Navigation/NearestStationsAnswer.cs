using Geo.Data.Model;
using Geo.Streets.Snapping;

namespace Geo.Analyses.Navigation;

/// <summary>One of the nearest stations, ranked from 1, with the route to it.</summary>
public sealed record StationRoute(int Rank, Station Station, SnapResult StationSnap, StreetRoute Route);

/// <summary>The nearest station that is closed at the asked time, how far it is and when it next opens (null: not in the coming week).</summary>
public sealed record ClosedStation(Station Station, double Seconds, DateTime? OpensAt);

/// <summary>
/// The answer to a rider: where their point joined the streets, the nearest stations in order with routes, and when
/// there are none, why (<see cref="NoneReason"/>) with the nearest closed station.
/// </summary>
public sealed record NearestStationsAnswer(
    SnapResult From,
    DateTime? At,
    IReadOnlyList<StationRoute> Routes,
    string? NoneReason,
    ClosedStation? NearestClosed);
