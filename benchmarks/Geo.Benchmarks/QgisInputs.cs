using System.Globalization;
using System.Text;
using Geo.Data;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// The inputs `benchmarks/compare/qgis-service-areas.sh` gives QGIS and Geo: a dataset's e-bike street pieces as a
/// network layer QGIS's service-area algorithm reads (each piece with the direction it may be ridden in and its speed,
/// as Geo's graph has them; pieces the profile may not use left out), and stations on random junctions of the main
/// network (the same choice as `compare-service-areas`) as a GeoJSON file both read.
/// `dotnet Geo.Benchmarks.dll qgis-inputs dataset.gpkg 100 folder`
/// </summary>
public static class QgisInputs
{
    public static void Write(string datasetPath, int stationCount, string folder)
    {
        StreetDataset dataset;
        using (var store = FeatureStores.Open(datasetPath, create: false)) dataset = DatasetLayers.Read(store);
        var graph = StreetGraphBuilder.Build(dataset, TravelProfile.BuiltIn("ebike"));
        Directory.CreateDirectory(folder);
        WriteNetwork(graph, Path.Combine(folder, "network.gpkg"));
        WriteStations(graph, stationCount, Path.Combine(folder, "stations.geojson"));
    }

    private static void WriteNetwork(StreetGraph graph, string path)
    {
        var pieces = graph.Pieces;
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var layer = new FeatureLayer("network", GeometryKind.LineString, new[]
        {
            new FieldDefinition("direction", FieldType.Text), new FieldDefinition("speed_kmh", FieldType.Real),
        });
        for (int s = 0; s < pieces.Count; s++)
        {
            bool forward = float.IsFinite(pieces.ForwardSeconds[s]), backward = float.IsFinite(pieces.BackwardSeconds[s]);
            if (!forward && !backward) continue;
            var points = new Coordinate[pieces.FirstPoint[s + 1] - pieces.FirstPoint[s]];
            for (int i = 0; i < points.Length; i++)
            {
                int k = pieces.FirstPoint[s] + i;
                var (lon, lat) = graph.Projection.Unproject(graph.OriginX + pieces.PointX[k], graph.OriginY + pieces.PointY[k]);
                points[i] = new Coordinate(lon, lat);
            }
            double seconds = forward ? pieces.ForwardSeconds[s] : pieces.BackwardSeconds[s];
            double speed = seconds > 0 ? pieces.LengthMeters[s] / seconds * 3.6 : graph.Profile.DefaultSpeedKmh;
            layer.Add(factory.CreateLineString(points), forward && backward ? "both" : forward ? "forward" : "backward", speed);
        }
        if (File.Exists(path)) File.Delete(path);
        using var store = new GeoPackageStore(path, create: true);
        store.WriteLayers(new[] { layer });
    }

    private static void WriteStations(StreetGraph graph, int stationCount, string path)
    {
        var origins = BenchmarkData.RandomJunctions(graph, stationCount);
        var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < origins.Count; i++)
        {
            var (lon, lat) = graph.VertexLonLat(origins[i]);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"v{origins[i]}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon:R},{lat:R}]}}}}");
        }
        File.WriteAllText(path, json.Append("]}").ToString());
    }
}
