using System.Globalization;
using Geo.Data.Features;
using NetTopologySuite.Geometries;

namespace Geo.Analyses.Pairing;

/// <summary>
/// A pairing result as EPSG:4326 layers for any store: 'pairing' (a line from each paired station to the
/// subdistrict's reference point), 'station_streets' (station to where it joins its street), 'territories' (street
/// pieces with their nearest station), 'territory_areas' and a one-row 'pairing_summary'.
/// </summary>
public static class PairingLayers
{
    public const string Pairing = "pairing";
    public const string StationStreets = "station_streets";
    public const string Territories = "territories";
    public const string TerritoryAreas = "territory_areas";
    public const string Summary = "pairing_summary";

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<FeatureLayer> ToLayers(PairingResult result) => new[]
    {
        PairingLines(result), StationStreetLines(result), TerritoryPieces(result), TerritoryAreaPolygons(result), SummaryRow(result),
    };

    private static FeatureLayer PairingLines(PairingResult result)
    {
        var fields = PairingTable.Columns.Select(c => new FieldDefinition(c, c switch
        {
            "way_id" or "subdistrict_id" => FieldType.Integer,
            "snap_m" or "travel_min" => FieldType.Real,
            _ => FieldType.Text,
        })).ToArray();
        var layer = new FeatureLayer(Pairing, GeometryKind.LineString, fields);
        foreach (var row in result.Rows.Where(r => r.Station >= 0 && r.Subdistrict >= 0))
        {
            var from = result.Stations[row.Station].Geometry;
            var to = result.Subdistricts[row.Subdistrict].Reference;
            layer.Add(Wgs84.CreateLineString(new[] { new Coordinate(from.X, from.Y), new Coordinate(to.X, to.Y) }),
                PairingTable.Values(result, row));
        }
        return layer;
    }

    private static FeatureLayer StationStreetLines(PairingResult result)
    {
        var layer = new FeatureLayer(StationStreets, GeometryKind.LineString, new[]
        {
            new FieldDefinition("station_id", FieldType.Text), new FieldDefinition("station_name", FieldType.Text),
            new FieldDefinition("street", FieldType.Text), new FieldDefinition("way_id", FieldType.Integer),
            new FieldDefinition("snap_m", FieldType.Real), new FieldDefinition("side", FieldType.Text),
        });
        var graph = result.Graph;
        foreach (var street in result.StationStreets.Where(s => s.IsSnapped))
        {
            var station = result.Stations[street.Station];
            var (lon, lat) = graph.Projection.Unproject(graph.OriginX + street.Snap.X, graph.OriginY + street.Snap.Y);
            layer.Add(Wgs84.CreateLineString(new[] { new Coordinate(station.Geometry.X, station.Geometry.Y), new Coordinate(lon, lat) }),
                station.Id, station.Name, street.StreetName, street.WayId, Math.Round(street.SnapMeters, 1), PairingTable.SideName(street.Side));
        }
        return layer;
    }

    private static FeatureLayer TerritoryPieces(PairingResult result)
    {
        // One row per street piece of a city: made as the writer takes them, never all held at once.
        var pieces = result.Territories.Pieces;
        var sources = result.Graph.Pieces.Source;
        return new FeatureLayer(Territories, GeometryKind.LineString, new[]
        {
            new FieldDefinition("station_id", FieldType.Text), new FieldDefinition("seconds", FieldType.Real),
            new FieldDefinition("way_id", FieldType.Integer), new FieldDefinition("street", FieldType.Text),
        }, new DeferredRows(pieces.Count, i => sources[pieces[i].Piece].Geometry, i =>
        {
            var (piece, source) = (pieces[i], sources[pieces[i].Piece]);
            return new object?[] { result.Stations[piece.Station].Id, Math.Round(piece.Seconds, 1), source.WayId, source.Name };
        }));
    }

    private static FeatureLayer TerritoryAreaPolygons(PairingResult result)
    {
        var layer = new FeatureLayer(TerritoryAreas, GeometryKind.MultiPolygon, new[]
        {
            new FieldDefinition("station_id", FieldType.Text), new FieldDefinition("station_name", FieldType.Text),
            new FieldDefinition("pieces", FieldType.Integer), new FieldDefinition("street_km", FieldType.Real),
            new FieldDefinition("area_km2", FieldType.Real),
        });
        foreach (var area in result.Territories.Areas)
        {
            var station = result.Stations[area.Station];
            layer.Add(area.Area, station.Id, station.Name, (long)area.Pieces, Math.Round(area.StreetMeters / 1000, 3), Math.Round(area.SquareMeters / 1e6, 4));
        }
        return layer;
    }

    private static FeatureLayer SummaryRow(PairingResult result)
    {
        var layer = new FeatureLayer(Summary, GeometryKind.Polygon, new[]
        {
            new FieldDefinition("profile", FieldType.Text), new FieldDefinition("stations", FieldType.Integer),
            new FieldDefinition("subdistricts", FieldType.Integer), new FieldDefinition("cap", FieldType.Integer),
            new FieldDefinition("no_station_inside", FieldType.Text), new FieldDefinition("stations_outside", FieldType.Text),
            new FieldDefinition("longest_min", FieldType.Real), new FieldDefinition("longest_pair", FieldType.Text),
            new FieldDefinition("unpaired", FieldType.Text), new FieldDefinition("caps_bound", FieldType.Boolean),
            new FieldDefinition("feasible", FieldType.Boolean),
        });
        var s = result.Summary;
        var extent = new Envelope();
        foreach (var d in result.Subdistricts) extent.ExpandToInclude(d.Source.Geometry.EnvelopeInternal);
        foreach (var st in result.Stations) extent.ExpandToInclude(st.Geometry.Coordinate);
        layer.Add(Wgs84.ToGeometry(extent), result.Graph.Profile.Name, (long)result.Stations.Count, (long)result.Subdistricts.Count,
            result.Options.MaxSubdistrictsPerStation is int cap ? (long)cap : null,
            SubdistrictList(result, s.SubdistrictsWithoutStation),
            string.Join("; ", s.StationsOutside.Select(j => result.Stations[j].Id)),
            s.Longest?.Seconds is double longest ? Math.Round(longest / 60, 2) : null,
            s.Longest is { } row ? $"{result.Stations[row.Station].Id} → {result.Subdistricts[row.Subdistrict].Name}" : null,
            SubdistrictList(result, s.Unpaired), s.CapsBound, s.Feasible);
        return layer;
    }

    public static string SubdistrictList(PairingResult result, IEnumerable<int> indices) =>
        string.Join("; ", indices.Select(i => string.Create(CultureInfo.InvariantCulture, $"{result.Subdistricts[i].Name} ({result.Subdistricts[i].Id})")));
}
