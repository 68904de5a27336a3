using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Tiles;

/// <summary>A feature offered to tiles (lon/lat), from the zoom level it first shows at.</summary>
internal sealed record TileFeature(Geometry Geometry, AttributesTable Attributes, int MinZoom = 0);
