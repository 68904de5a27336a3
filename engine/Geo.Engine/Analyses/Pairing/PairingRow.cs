namespace Geo.Analyses.Pairing;

/// <summary>
/// One line of the two-way station ↔ subdistrict table. <see cref="Station"/> or <see cref="Subdistrict"/> is -1 on an
/// unpaired row; <see cref="Seconds"/> is the travel time from the station to the subdistrict's reference point, null
/// when unknown (unpaired, or not reachable within the limit).
/// </summary>
public sealed record PairingRow(int Station, int Subdistrict, PairingHow How, string Rule, double? Seconds);
