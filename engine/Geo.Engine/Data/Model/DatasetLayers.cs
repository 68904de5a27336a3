using Geo.Coordinates;
using Geo.Data.Cache;
using Geo.Data.Features;
using Geo.Data.GeoPackage;
using NetTopologySuite.Geometries;

namespace Geo.Data.Model;

/// <summary>
/// The layer names and schemas of a Geo dataset, and the mapping between <see cref="StreetDataset"/> and
/// <see cref="FeatureLayer"/>s. Every store (GeoPackage, PostGIS) holds a dataset as these layers.
/// </summary>
public static class DatasetLayers
{
    public const string Streets = "streets";
    public const string Pois = "pois";
    public const string Subdistricts = "subdistricts";
    public const string Stations = "stations";
    public const string Info = "dataset_info";

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static readonly IReadOnlyList<FieldDefinition> StreetFields = new[]
    {
        new FieldDefinition("way_id", FieldType.Integer),
        new FieldDefinition("from_node", FieldType.Integer),
        new FieldDefinition("to_node", FieldType.Integer),
        new FieldDefinition("highway", FieldType.Text),
        new FieldDefinition("name", FieldType.Text),
        new FieldDefinition("oneway", FieldType.Boolean),
        new FieldDefinition("maxspeed", FieldType.Real),
        new FieldDefinition("walk", FieldType.Boolean),
        new FieldDefinition("ebike", FieldType.Boolean),
        new FieldDefinition("car", FieldType.Boolean),
    };

    public static readonly IReadOnlyList<FieldDefinition> PoiFields = new[]
    {
        new FieldDefinition("osm_id", FieldType.Integer),
        new FieldDefinition("osm_type", FieldType.Text),
        new FieldDefinition("name", FieldType.Text),
        new FieldDefinition("amenity", FieldType.Text),
        new FieldDefinition("shop", FieldType.Text),
        new FieldDefinition("office", FieldType.Text),
        new FieldDefinition("building", FieldType.Text),
        new FieldDefinition("healthcare", FieldType.Text),
    };

    public static readonly IReadOnlyList<FieldDefinition> SubdistrictFields = new[]
    {
        new FieldDefinition("osm_id", FieldType.Integer),
        new FieldDefinition("name", FieldType.Text),
        new FieldDefinition("admin_level", FieldType.Integer),
    };

    public static readonly IReadOnlyList<FieldDefinition> StationFields = new[]
    {
        new FieldDefinition("station_id", FieldType.Text),
        new FieldDefinition("name", FieldType.Text),
    };

    /// <summary>The stations layer's fields when some station has opening hours.</summary>
    public static readonly IReadOnlyList<FieldDefinition> StationFieldsWithHours =
        StationFields.Append(new FieldDefinition("opening_hours", FieldType.Text)).ToArray();

    public static readonly IReadOnlyList<FieldDefinition> InfoFields = new[]
    {
        new FieldDefinition("source", FieldType.Text),
        new FieldDefinition("sha256", FieldType.Text),
        new FieldDefinition("imported_at", FieldType.Text),
        new FieldDefinition("min_lon", FieldType.Real),
        new FieldDefinition("min_lat", FieldType.Real),
        new FieldDefinition("max_lon", FieldType.Real),
        new FieldDefinition("max_lat", FieldType.Real),
    };

    public static IReadOnlyList<FeatureLayer> ToLayers(StreetDataset dataset)
    {
        var streets = StreetLayer(dataset);
        var pois = new FeatureLayer(Pois, GeometryKind.Point, PoiFields);
        foreach (var p in dataset.Pois)
        {
            pois.Add(p.Geometry, p.OsmId, p.OsmType, p.Name, p.Amenity, p.Shop, p.Office, p.Building, p.Healthcare);
        }

        var subdistricts = new FeatureLayer(Subdistricts, GeometryKind.MultiPolygon, SubdistrictFields);
        foreach (var d in dataset.Subdistricts)
        {
            subdistricts.Add(AsMultiPolygon(d.Geometry), d.Id, d.Name, d.AdminLevel);
        }

        var info = new FeatureLayer(Info, GeometryKind.Polygon, InfoFields);
        var e = dataset.Metadata.Extent;
        info.Add(Wgs84.ToGeometry(e), dataset.Metadata.Source, dataset.Metadata.Sha256,
            dataset.Metadata.ImportedAt.ToString("O"), e.MinX, e.MinY, e.MaxX, e.MaxY);

        var layers = new List<FeatureLayer> { streets, pois, subdistricts, info };
        if (dataset.Stations.Count > 0)
        {
            bool hours = dataset.Stations.Any(s => s.OpeningHours is not null);
            var stations = new FeatureLayer(Stations, GeometryKind.Point, hours ? StationFieldsWithHours : StationFields);
            foreach (var s in dataset.Stations)
            {
                if (hours) stations.Add(s.Geometry, s.Id, s.Name, s.OpeningHours);
                else stations.Add(s.Geometry, s.Id, s.Name);
            }
            layers.Add(stations);
        }
        return layers;
    }

    /// <summary>
    /// The dataset's streets alone, as <see cref="ToLayers"/> writes them. Each row is made when a writer asks for it:
    /// a city's 600,000 rows held at once would take about 200 MB.
    /// </summary>
    public static FeatureLayer StreetLayer(StreetDataset dataset)
    {
        var list = dataset.Streets;
        return new FeatureLayer(Streets, GeometryKind.LineString, StreetFields, new DeferredRows(list.Count, i => list[i].Geometry, i =>
        {
            var s = list[i];
            return new object?[]
            {
                s.WayId, s.FromNodeId, s.ToNodeId, s.Highway, s.Name, s.Oneway, s.MaxSpeedKmh,
                s.Access.HasFlag(StreetAccess.Walk), s.Access.HasFlag(StreetAccess.Ebike), s.Access.HasFlag(StreetAccess.Car),
            };
        }));
    }

    /// <summary>Reads a dataset from a store; the streets and dataset_info layers are required, the others optional.</summary>
    public static StreetDataset Read(IFeatureStore store)
    {
        if (!store.HasLayer(Streets))
        {
            throw new GeoInputException($"{store.Description} has no '{Streets}' layer: is it a Geo dataset? (run 'geo import' first)");
        }
        return new StreetDataset
        {
            Metadata = store.HasLayer(Info) ? ReadInfo(store.ReadLayer(Info)) : InfoFromStreets(store),
            Streets = store is GeoPackageStore file
                ? StreetCache.Streets(file.FilePath, () => ReadStreets(store.ReadLayer(Streets)))
                : ReadStreets(store.ReadLayer(Streets)),
            Pois = store.HasLayer(Pois) ? ReadPois(store.ReadLayer(Pois)) : Array.Empty<PointOfInterest>(),
            Subdistricts = store.HasLayer(Subdistricts) ? ReadSubdistricts(store.ReadLayer(Subdistricts)) : Array.Empty<Subdistrict>(),
            Stations = store.HasLayer(Stations) ? ReadStations(store.ReadLayer(Stations)) : Array.Empty<Station>(),
        };
    }

    public static IReadOnlyList<StreetSegment> ReadStreets(FeatureLayer layer)
    {
        RequireLonLat(layer);
        int way = layer.RequireField("way_id"), from = layer.RequireField("from_node"), to = layer.RequireField("to_node");
        int highway = layer.RequireField("highway"), name = layer.FieldIndex("name"), oneway = layer.RequireField("oneway");
        int maxspeed = layer.FieldIndex("maxspeed");
        int walk = layer.RequireField("walk"), ebike = layer.RequireField("ebike"), car = layer.RequireField("car");
        var result = new List<StreetSegment>(layer.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            var f = layer.Features[i];
            if (f.Geometry is not LineString line || line.IsEmpty || line.NumPoints < 2)
            {
                throw new GeoInputException($"layer '{layer.Name}' feature {i + 1}: geometry is not a LineString with two or more points");
            }
            LonLatRange.Require(line, $"layer '{layer.Name}' feature {i + 1}");
            var access = (AsBool(f.Values[walk]) ? StreetAccess.Walk : 0)
                | (AsBool(f.Values[ebike]) ? StreetAccess.Ebike : 0)
                | (AsBool(f.Values[car]) ? StreetAccess.Car : 0);
            result.Add(new StreetSegment(
                AsLong(f.Values[way]), AsLong(f.Values[from]), AsLong(f.Values[to]),
                f.Values[highway] as string ?? "unclassified",
                name >= 0 ? f.Values[name] as string : null,
                AsBool(f.Values[oneway]),
                maxspeed >= 0 && f.Values[maxspeed] is not null ? Convert.ToDouble(f.Values[maxspeed]) : null,
                access, line));
        }
        return result;
    }

    public static IReadOnlyList<PointOfInterest> ReadPois(FeatureLayer layer)
    {
        RequireLonLat(layer);
        int id = layer.RequireField("osm_id"), type = layer.FieldIndex("osm_type"), name = layer.FieldIndex("name");
        int amenity = layer.FieldIndex("amenity"), shop = layer.FieldIndex("shop"), office = layer.FieldIndex("office");
        int building = layer.FieldIndex("building"), healthcare = layer.FieldIndex("healthcare");
        string? Text(Feature f, int i) => i >= 0 ? f.Values[i] as string : null;
        var result = new List<PointOfInterest>(layer.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            var f = layer.Features[i];
            if (f.Geometry is not Point point || point.IsEmpty)
            {
                throw new GeoInputException($"layer '{layer.Name}' feature {i + 1}: geometry is not a Point");
            }
            result.Add(new PointOfInterest(AsLong(f.Values[id]), Text(f, type) ?? "node", Text(f, name), Text(f, amenity),
                Text(f, shop), Text(f, office), Text(f, building), Text(f, healthcare), point));
        }
        return result;
    }

    public static IReadOnlyList<Subdistrict> ReadSubdistricts(FeatureLayer layer)
    {
        RequireLonLat(layer);
        int id = layer.FieldIndex("osm_id"), name = layer.RequireField("name"), level = layer.FieldIndex("admin_level");
        int code = layer.FieldIndex("code"), parent = new[] { "parentCode", "parent_code" }.Select(layer.FieldIndex).FirstOrDefault(i => i >= 0, -1);
        if (id < 0) id = code;
        var result = new List<Subdistrict>(layer.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            var f = layer.Features[i];
            if (f.Geometry is not (Polygon or MultiPolygon) || f.Geometry.IsEmpty)
            {
                throw new GeoInputException($"layer '{layer.Name}' feature {i + 1}: geometry is not a (Multi)Polygon");
            }
            LonLatRange.Require(f.Geometry, $"layer '{layer.Name}' feature {i + 1}");
            result.Add(new Subdistrict(id >= 0 && f.Values[id] is not null ? AsLong(f.Values[id]) : i + 1,
                f.Values[name] as string ?? $"#{i + 1}", level >= 0 && f.Values[level] is not null ? (int)AsLong(f.Values[level]) : 0,
                f.Geometry)
            {
                Code = code >= 0 && f.Values[code] is not null ? AsLong(f.Values[code]) : null,
                ParentCode = parent >= 0 && f.Values[parent] is not null ? AsLong(f.Values[parent]) : null,
            });
        }
        return result;
    }

    public static IReadOnlyList<Station> ReadStations(FeatureLayer layer)
    {
        RequireLonLat(layer);
        int id = layer.FieldIndex("station_id"), name = layer.FieldIndex("name"), hours = layer.FieldIndex("opening_hours");
        var result = new List<Station>(layer.Features.Count);
        for (int i = 0; i < layer.Features.Count; i++)
        {
            var f = layer.Features[i];
            if (f.Geometry is not Point point || point.IsEmpty)
            {
                throw new GeoInputException($"layer '{layer.Name}' feature {i + 1}: station has no point geometry");
            }
            LonLatRange.Require(point, $"layer '{layer.Name}' feature {i + 1}");
            string stationId = id >= 0 && f.Values[id] is not null ? Convert.ToString(f.Values[id], System.Globalization.CultureInfo.InvariantCulture)! : (i + 1).ToString();
            result.Add(new Station(stationId, name >= 0 ? f.Values[name] as string : null, point, hours >= 0 ? f.Values[hours] as string : null));
        }
        return result;
    }

    private static DatasetMetadata ReadInfo(FeatureLayer layer)
    {
        if (layer.Features.Count == 0) throw new GeoInputException($"layer '{layer.Name}' is empty");
        var f = layer.Features[0];
        var extent = new Envelope(
            Convert.ToDouble(f.Values[layer.RequireField("min_lon")]), Convert.ToDouble(f.Values[layer.RequireField("max_lon")]),
            Convert.ToDouble(f.Values[layer.RequireField("min_lat")]), Convert.ToDouble(f.Values[layer.RequireField("max_lat")]));
        return new DatasetMetadata(
            f.Values[layer.RequireField("source")] as string ?? "",
            f.Values[layer.RequireField("sha256")] as string ?? "",
            extent,
            DateTimeOffset.Parse(f.Values[layer.RequireField("imported_at")] as string ?? DateTimeOffset.UnixEpoch.ToString("O"),
                System.Globalization.CultureInfo.InvariantCulture));
    }

    private static DatasetMetadata InfoFromStreets(IFeatureStore store)
    {
        var extent = new Envelope();
        foreach (var f in store.ReadLayer(Streets).Features) extent.ExpandToInclude(f.Geometry.EnvelopeInternal);
        return new DatasetMetadata(store.Description, "", extent, DateTimeOffset.UtcNow);
    }

    private static void RequireLonLat(FeatureLayer layer)
    {
        if (layer.Srid != 4326)
        {
            throw new GeoInputException(
                $"layer '{layer.Name}' is in EPSG:{layer.Srid}; Geo reads datasets in EPSG:4326 (lon/lat): reproject it first");
        }
    }

    internal static MultiPolygon AsMultiPolygon(Geometry geometry) => geometry switch
    {
        MultiPolygon mp => mp,
        Polygon p => geometry.Factory.CreateMultiPolygon(new[] { p }),
        _ => throw new ArgumentException($"not a polygon: {geometry.GeometryType}"),
    };

    internal static long AsLong(object? value) => value switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d => (long)d,
        string s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static bool AsBool(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        string s => s is "1" or "true" or "yes" or "t",
        _ => Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
