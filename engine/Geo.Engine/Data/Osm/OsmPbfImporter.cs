using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;
using OsmSharp;
using OsmSharp.Streams;

namespace Geo.Data.Osm;

/// <summary>
/// Reads an OpenStreetMap PBF extract into a <see cref="StreetDataset"/>: ways open to walkers, e-bikes or cars
/// split into pieces between junctions, station and demand POIs, and administrative boundaries assembled into
/// (Multi)Polygons for every level from <see cref="MinAdminLevel"/> down.
/// </summary>
public sealed class OsmPbfImporter
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly TravelProfile[] _profiles = TravelProfile.BuiltInNames.Select(TravelProfile.BuiltIn).ToArray();

    /// <summary>The highest administrative level kept as subdistricts (7 and 8: 街道/乡镇, parishes, municipalities; 9–10: 社区).</summary>
    public int MinAdminLevel { get; init; } = 7;

    public OsmImportResult Import(string pbfPath, IProgress<string>? progress = null)
    {
        PbfFile.RequireReadable(pbfPath);
        try
        {
            return Read(pbfPath, progress);
        }
        catch (Exception e) when (e is not (GeoInputException or OutOfMemoryException or UnauthorizedAccessException))
        {
            // OsmSharp and protobuf report a cut-off or damaged file in their own words, without its name.
            throw new GeoInputException($"{pbfPath} is damaged or truncated, not a whole OSM PBF extract ({e.Message})", e);
        }
    }

    private OsmImportResult Read(string pbfPath, IProgress<string>? progress)
    {
        var warnings = new List<string>();

        progress?.Report("reading boundary relations");
        var relations = ReadRelations(pbfPath);
        var memberWays = new HashSet<long>(relations.SelectMany(r => r.Members).Where(m => m.Type == OsmGeoType.Way).Select(m => m.Id));

        progress?.Report("reading nodes and ways");
        var coordinates = new Dictionary<long, Coordinate>();
        var pois = new List<PointOfInterest>();
        var streetWays = new List<(long Id, long[] Nodes, Dictionary<string, string> Tags, StreetAccess Access)>();
        var memberGeometry = new Dictionary<long, long[]>();
        var poiAreaWays = new List<(long Id, long[] Nodes, Dictionary<string, string> Tags)>();
        using (var stream = File.OpenRead(pbfPath))
        {
            var source = new PBFOsmStreamSource(stream);
            foreach (var element in source.EnumerateAndIgore(false, false, true))
            {
                switch (element)
                {
                    case Node { Id: { } id, Longitude: { } lon, Latitude: { } lat } node:
                        coordinates[id] = new Coordinate(lon, lat);
                        if (node.Tags is { Count: > 0 })
                        {
                            var tags = OsmTagReading.ToDictionary(node.Tags);
                            if (OsmTagReading.IsPoi(tags)) pois.Add(Poi(id, "node", tags, Wgs84.CreatePoint(new Coordinate(lon, lat))));
                        }
                        break;
                    case Way { Id: { } id, Nodes: { Length: >= 2 } nodes } way:
                        var wayTags = OsmTagReading.ToDictionary(way.Tags);
                        var access = Access(wayTags);
                        if (access != StreetAccess.None) streetWays.Add((id, nodes, wayTags, access));
                        if (memberWays.Contains(id)) memberGeometry[id] = nodes;
                        if (OsmTagReading.IsPoi(wayTags) && nodes[0] == nodes[^1] && !wayTags.ContainsKey("highway")) poiAreaWays.Add((id, nodes, wayTags));
                        break;
                }
            }
        }

        progress?.Report("splitting streets at junctions");
        var streets = StreetSplitter.Split(streetWays, coordinates, Wgs84, warnings);
        if (streets.Count == 0)
        {
            throw new GeoInputException($"{Path.GetFileName(pbfPath)} contains no streets usable by walk, e-bike or car");
        }

        foreach (var (id, nodes, tags) in poiAreaWays)
        {
            var ring = Coordinates(nodes, coordinates);
            if (ring is null || ring.Length < 4) continue;
            var polygon = Wgs84.CreatePolygon(ring);
            var point = (polygon.IsValid ? polygon : polygon.Buffer(0)).InteriorPoint;
            if (!point.IsEmpty) pois.Add(Poi(id, "way", tags, point));
        }

        progress?.Report("assembling boundaries and POI areas");
        var subdistricts = new List<Subdistrict>();
        var levels = new SortedSet<int>();
        foreach (var relation in relations)
        {
            var tags = OsmTagReading.ToDictionary(relation.Tags);
            var outer = new List<Coordinate[]>();
            var inner = new List<Coordinate[]>();
            int missing = 0;
            foreach (var member in relation.Members.Where(m => m.Type == OsmGeoType.Way))
            {
                var line = memberGeometry.TryGetValue(member.Id, out var nodes) ? Coordinates(nodes, coordinates) : null;
                if (line is null) { missing++; continue; }
                (member.Role == "inner" ? inner : outer).Add(line);
            }
            string name = OsmTagReading.Name(tags) ?? $"relation {relation.Id}";
            var (area, problem) = RingAssembler.Assemble(Wgs84, outer, inner, missing);
            if (IsAdminBoundary(tags, out int level))
            {
                if (area is null)
                {
                    warnings.Add($"boundary relation {relation.Id} '{name}' (admin_level {level}) left out: {problem}");
                    continue;
                }
                subdistricts.Add(new Subdistrict(relation.Id!.Value, name, level, area));
                levels.Add(level);
            }
            else if (area is not null && OsmTagReading.IsPoi(tags))
            {
                pois.Add(Poi(relation.Id!.Value, "relation", tags, area.InteriorPoint));
            }
        }

        var extent = new Envelope();
        foreach (var s in streets) extent.ExpandToInclude(s.Geometry.EnvelopeInternal);
        var dataset = new StreetDataset
        {
            Metadata = new DatasetMetadata(Path.GetFileName(pbfPath), PbfFile.Sha256(pbfPath), extent, DateTimeOffset.UtcNow),
            Streets = streets,
            Pois = pois,
            Subdistricts = subdistricts.OrderBy(s => s.AdminLevel).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray(),
        };
        return new OsmImportResult(dataset, warnings, levels.ToArray());
    }

    private List<Relation> ReadRelations(string pbfPath)
    {
        var relations = new List<Relation>();
        using var stream = File.OpenRead(pbfPath);
        var source = new PBFOsmStreamSource(stream);
        foreach (var element in source.EnumerateAndIgore(true, true, false))
        {
            if (element is not Relation { Id: not null, Members: not null } relation) continue;
            var tags = OsmTagReading.ToDictionary(relation.Tags);
            bool multipolygonPoi = tags.GetValueOrDefault("type") == "multipolygon" && OsmTagReading.IsPoi(tags);
            if (IsAdminBoundary(tags, out _) || multipolygonPoi) relations.Add(relation);
        }
        return relations;
    }

    private bool IsAdminBoundary(IReadOnlyDictionary<string, string> tags, out int level)
    {
        level = 0;
        return tags.GetValueOrDefault("boundary") == "administrative"
            && int.TryParse(tags.GetValueOrDefault("admin_level"), out level)
            && level >= MinAdminLevel;
    }

    private StreetAccess Access(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.ContainsKey("highway") || tags.GetValueOrDefault("area") == "yes") return StreetAccess.None;
        var access = StreetAccess.None;
        foreach (var profile in _profiles) if (profile.Allows(tags)) access |= profile.Mode;
        return access;
    }

    private static PointOfInterest Poi(long id, string type, IReadOnlyDictionary<string, string> tags, Point point)
    {
        point.SRID = 4326;
        return new PointOfInterest(id, type, OsmTagReading.Name(tags), tags.GetValueOrDefault("amenity"), tags.GetValueOrDefault("shop"),
            tags.GetValueOrDefault("office"), tags.GetValueOrDefault("building"), tags.GetValueOrDefault("healthcare"), point);
    }

    private static Coordinate[]? Coordinates(long[] nodes, Dictionary<long, Coordinate> coordinates)
    {
        var result = new Coordinate[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            if (!coordinates.TryGetValue(nodes[i], out var c)) return null;
            result[i] = c;
        }
        return result;
    }
}
