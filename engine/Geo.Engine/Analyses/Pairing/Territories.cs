namespace Geo.Analyses.Pairing;

/// <summary>The network territories of all stations; pieces no station reaches within the limit belong to none.</summary>
public sealed record Territories(IReadOnlyList<TerritoryPiece> Pieces, IReadOnlyList<TerritoryArea> Areas, int UnreachedPieces, double LimitSeconds);
