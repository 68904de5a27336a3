using NetTopologySuite.Geometries;

namespace Geo.Analyses.Pairing;

/// <summary>A station's territory as an area: its pieces buffered sideways by the profile's reach and unioned (EPSG:4326).</summary>
public sealed record TerritoryArea(int Station, Geometry Area, int Pieces, double StreetMeters, double SquareMeters);
