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

    private List<Feature>? _features;
    private readonly DeferredRows? _deferred;

    /// <summary>
    /// A layer whose rows are made from the caller's data one at a time, only when asked for: a writer that copies
    /// the rows in bulk (<see cref="CopyOf"/>) or encodes them one by one never holds them all.
    /// </summary>
    public FeatureLayer(string name, GeometryKind geometryKind, IReadOnlyList<FieldDefinition> fields, DeferredRows rows, int srid = 4326)
        : this(name, geometryKind, fields, srid) => _deferred = rows;

    /// <summary>Every row; a deferred layer's rows are made (once) on the first call.</summary>
    public List<Feature> Features =>
        LazyInitializer.EnsureInitialized(ref _features,
            () => _deferred is null ? new List<Feature>() : Enumerable.Range(0, _deferred.Count).Select(FeatureAt).ToList());

    public int Count => _features?.Count ?? _deferred?.Count ?? 0;

    public Geometry GeometryAt(int index) => _features is null && _deferred is not null ? _deferred.Geometry(index) : Features[index].Geometry;

    /// <summary>Row <paramref name="index"/>; from a deferred layer not yet made whole, a new object each call.</summary>
    public Feature FeatureAt(int index) =>
        _features is null && _deferred is not null ? new Feature(_deferred.Geometry(index), _deferred.Values(index)) : Features[index];

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
        if (_deferred is not null) throw new InvalidOperationException($"layer '{Name}' is made from its data: rows cannot be added");
        Features.Add(new Feature(geometry, values));
    }
}
