using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Geo.Tests.Data.Osm;

/// <summary>Writes small hand-made OSM PBF files for importer tests; node positions are given in metres around Chengdu.</summary>
internal sealed class TinyPbf
{
    private static readonly DateTime Stamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly List<Node> _nodes = new();
    private readonly List<Way> _ways = new();
    private readonly List<Relation> _relations = new();

    public TinyPbf Node(long id, double x, double y, params string[] tags)
    {
        var (lon, lat) = TestCity.LonLat(x, y);
        _nodes.Add(new Node { Id = id, Longitude = lon, Latitude = lat, Tags = Tags(tags), Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1, UserName = "geo", Visible = true });
        return this;
    }

    public TinyPbf Way(long id, long[] nodes, params string[] tags)
    {
        _ways.Add(new Way { Id = id, Nodes = nodes, Tags = Tags(tags), Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1, UserName = "geo", Visible = true });
        return this;
    }

    public TinyPbf Relation(long id, (long Way, string Role)[] members, params string[] tags)
    {
        _relations.Add(new Relation
        {
            Id = id,
            Members = members.Select(m => new RelationMember(m.Way, m.Role, OsmGeoType.Way)).ToArray(),
            Tags = Tags(tags),
            Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1, UserName = "geo", Visible = true,
        });
        return this;
    }

    public string WriteTo(string path)
    {
        using (var stream = File.Create(path))
        {
            var target = new PBFOsmStreamTarget(stream);
            target.Initialize();
            foreach (var n in _nodes.OrderBy(n => n.Id)) target.AddNode(n);
            foreach (var w in _ways.OrderBy(w => w.Id)) target.AddWay(w);
            foreach (var r in _relations.OrderBy(r => r.Id)) target.AddRelation(r);
            target.Flush();
            target.Close();
        }
        return path;
    }

    private static TagsCollection Tags(string[] pairs)
    {
        var tags = new TagsCollection();
        foreach (var pair in pairs)
        {
            int eq = pair.IndexOf('=');
            tags.Add(pair[..eq], pair[(eq + 1)..]);
        }
        return tags;
    }
}
