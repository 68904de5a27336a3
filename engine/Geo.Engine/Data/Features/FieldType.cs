namespace Geo.Data.Features;

/// <summary>The column types every store (GeoPackage, PostGIS, GeoJSON, CSV) can hold without loss.</summary>
public enum FieldType
{
    Integer,
    Real,
    Text,
    Boolean,
}
