using NetTopologySuite.Geometries;

namespace Geo.Data.Features;

/// <summary>A layer's rows as functions of their index: how many, each one's geometry, each one's values in field order.</summary>
public sealed record DeferredRows(int Count, Func<int, Geometry> Geometry, Func<int, object?[]> Values);
