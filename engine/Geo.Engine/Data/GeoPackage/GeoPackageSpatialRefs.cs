using Microsoft.Data.Sqlite;
using ProjNet.CoordinateSystems;

namespace Geo.Data.GeoPackage;

/// <summary>
/// The gpkg_spatial_ref_sys row a layer's EPSG code needs. WGS 84, Web Mercator and the WGS 84 UTM zones get their
/// full WKT; any other EPSG code gets 'undefined', and GeoPackage readers then take the CRS from the EPSG code itself.
/// </summary>
internal static class GeoPackageSpatialRefs
{
    /// <summary>Adds the row for <paramref name="srid"/> unless the file already has one.</summary>
    public static void Ensure(SqliteConnection connection, SqliteTransaction transaction, int srid, string layerName)
    {
        if (srid is 0 or -1 or 4326) return;
        if (srid < 0 || srid > 999_999)
        {
            throw new GeoInputException($"layer '{layerName}' has CRS code {srid}, which is not an EPSG code");
        }
        var (name, definition) = Describe(srid);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) " +
            "VALUES (@name, @id, 'EPSG', @id, @definition, @name)";
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@id", srid);
        command.Parameters.AddWithValue("@definition", definition);
        command.ExecuteNonQuery();
    }

    private static (string Name, string Definition) Describe(int srid)
    {
        if (srid == 3857)
        {
            var mercator = ProjectedCoordinateSystem.WebMercator;
            return (mercator.Name, mercator.WKT);
        }
        // EPSG 32601-32660 are WGS 84 / UTM zones 1N-60N, 32701-32760 zones 1S-60S.
        if (srid is >= 32601 and <= 32660 or >= 32701 and <= 32760)
        {
            var utm = ProjectedCoordinateSystem.WGS84_UTM(srid % 100, srid < 32700);
            return (utm.Name, utm.WKT);
        }
        return ($"EPSG:{srid}", "undefined");
    }
}
