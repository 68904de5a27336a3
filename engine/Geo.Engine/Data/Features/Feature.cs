using NetTopologySuite.Geometries;

namespace Geo.Data.Features;

/// <summary>One row of a layer: a geometry and the values of the layer's fields, in field order (null allowed).</summary>
public sealed record Feature(Geometry Geometry, object?[] Values);
