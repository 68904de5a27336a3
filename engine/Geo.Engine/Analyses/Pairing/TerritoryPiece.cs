namespace Geo.Analyses.Pairing;

/// <summary>A street piece in a station's territory: the station nearest its midpoint and the travel time to it.</summary>
public readonly record struct TerritoryPiece(int Piece, int Station, double Seconds);
