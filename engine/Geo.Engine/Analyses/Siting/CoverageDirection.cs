namespace Geo.Analyses.Siting;

/// <summary>
/// Which way the break is measured. Riders come to a station, so by default a station covers a demand unit when the
/// time from the unit to the station is within the break (searched on the reversed graph). The other way round
/// (station to unit) matches how service areas are drawn; the two differ only where one-way streets matter.
/// </summary>
public enum CoverageDirection
{
    UnitToStation,
    StationToUnit,
}
