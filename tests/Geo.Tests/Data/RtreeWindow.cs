using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Geo.Tests.Data;

/// <summary>A window query of a GeoPackage's SQLite R-tree, as GDAL and QGIS ask it: the ids whose boxes meet the window.</summary>
internal static class RtreeWindow
{
    public static List<long> Ids(SqliteConnection connection, string rtree, Envelope window)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM \"{rtree}\" WHERE maxx >= @minx AND minx <= @maxx AND maxy >= @miny AND miny <= @maxy ORDER BY id";
        command.Parameters.AddWithValue("@minx", window.MinX);
        command.Parameters.AddWithValue("@maxx", window.MaxX);
        command.Parameters.AddWithValue("@miny", window.MinY);
        command.Parameters.AddWithValue("@maxy", window.MaxY);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
