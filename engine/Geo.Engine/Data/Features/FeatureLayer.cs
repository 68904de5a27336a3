using NetTopologySuite.Geometries;

namespace Geo.Data.Features;

/// <summary>
/// A named table of features with a fixed schema and CRS: the unit every store reads and writes.
/// Geometries are in the layer's <see cref="Srid"/> (EPSG code; 4326 = lon/lat at every store's edge).
/// </summary>
public sealed class FeatureLayer
{
    public FeatureLayer(string name, GeometryKind geometryKind, IReadOnlyList<FieldDefinition> fields, int srid = 4326)
    {
        Name = name;
        GeometryKind = geometryKind;
        Fields = fields;
        Srid = srid;
    }

    public string Name { get; }
    public GeometryKind GeometryKind { get; }
    public IReadOnlyList<FieldDefinition> Fields { get; }
    public int Srid { get; }
    public List<Feature> Features { get; } = new();

    /// <summary>
    /// A GeoPackage table holding these same rows, in order (the layer was read from it unchanged): a GeoPackage
    /// writer may copy its rows in bulk instead of encoding every feature again. Other stores write the features.
    /// </summary>
    public LayerCopy? CopyOf { get; set; }

    public int FieldIndex(string name)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    public int RequireField(string name)
    {
        int index = FieldIndex(name);
        if (index < 0)
        {
            throw new GeoInputException(
                $"layer '{Name}' has no column '{name}' (columns: {string.Join(", ", Fields.Select(f => f.Name))})");
        }
        return index;
    }

    public void Add(Geometry geometry, params object?[] values)
    {
        if (values.Length != Fields.Count)
        {
            throw new ArgumentException($"layer '{Name}' has {Fields.Count} fields, got {values.Length} values");
        }
        Features.Add(new Feature(geometry, values));
    }
}
