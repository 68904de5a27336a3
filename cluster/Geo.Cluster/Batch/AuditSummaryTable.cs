using Geo.Cluster.Grains;
using Geo.Data.Features;
using Geo.Data.PostGis;
using Npgsql;

namespace Geo.Cluster.Batch;

/// <summary>
/// The table of all cities' audits, <c>{schema}.audit_cities</c>: one row per city, replaced in its own transaction
/// as soon as the city's audit is written (or has failed), so a batch that stops half-way keeps every finished row.
/// The row's polygon is the city's extent.
/// </summary>
public sealed class AuditSummaryTable(PostGisLocation location)
{
    public const string Name = "audit_cities";

    public string Qualified => $"{LayerName.Quoted(location.Schema)}.{LayerName.Quoted(Name)}";

    public void Create()
    {
        using var connection = Open();
        Execute(connection, null, $"CREATE SCHEMA IF NOT EXISTS {LayerName.Quoted(location.Schema)}");
        Execute(connection, null, $"""
            CREATE TABLE IF NOT EXISTS {Qualified} (
                city text NOT NULL, profile text NOT NULL, minutes double precision NOT NULL,
                state text NOT NULL, reason text, tables_schema text, silo text, stations integer,
                street_km double precision, covered_street_km double precision, street_pct double precision,
                served_land_pct double precision, blind_spots integer, seconds double precision,
                written_at timestamptz NOT NULL DEFAULT now(), geom geometry(Polygon, 4326),
                PRIMARY KEY (city, profile, minutes))
            """);
    }

    public void Record(CityAuditOutcome outcome)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"DELETE FROM {Qualified} WHERE city = @city AND profile = @profile AND minutes = @minutes", outcome);
        Execute(connection, transaction, $"""
            INSERT INTO {Qualified} (city, profile, minutes, state, reason, tables_schema, silo, stations, street_km,
                covered_street_km, street_pct, served_land_pct, blind_spots, seconds, geom)
            VALUES (@city, @profile, @minutes, @state, @reason, @schema, @silo, @stations, @street_km, @covered_km,
                @street_pct, @land_pct, @blind_spots, @seconds,
                CASE WHEN @has_extent THEN ST_MakeEnvelope(@x0, @y0, @x1, @y1, 4326) END)
            """, outcome);
        transaction.Commit();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(location.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CityAuditOutcome? o = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        if (o is not null)
        {
            var p = command.Parameters;
            p.AddWithValue("city", o.City);
            p.AddWithValue("profile", o.Profile);
            p.AddWithValue("minutes", o.Minutes);
            if (sql.StartsWith("DELETE", StringComparison.Ordinal))
            {
                command.ExecuteNonQuery();
                return;
            }
            p.AddWithValue("state", o.Written ? "written" : "failed");
            p.AddWithValue("reason", (object?)o.Reason ?? DBNull.Value);
            p.AddWithValue("schema", o.Written ? o.Schema! : DBNull.Value);
            p.AddWithValue("silo", o.Silo);
            p.AddWithValue("stations", o.Written ? o.Stations : DBNull.Value);
            p.AddWithValue("street_km", o.Written ? Math.Round(o.StreetKm, 3) : DBNull.Value);
            p.AddWithValue("covered_km", o.Written ? Math.Round(o.CoveredStreetKm, 3) : DBNull.Value);
            p.AddWithValue("street_pct", o.Written ? Math.Round(o.StreetShare * 100, 2) : DBNull.Value);
            p.AddWithValue("land_pct", o.Written ? Math.Round(o.LandShare * 100, 2) : DBNull.Value);
            p.AddWithValue("blind_spots", o.Written ? o.BlindSpots : DBNull.Value);
            p.AddWithValue("seconds", Math.Round(o.Seconds, 2));
            var e = o.Extent ?? new double[4];
            p.AddWithValue("has_extent", o.Extent is not null);
            p.AddWithValue("x0", e[0]);
            p.AddWithValue("y0", e[1]);
            p.AddWithValue("x1", e[2]);
            p.AddWithValue("y1", e[3]);
        }
        command.ExecuteNonQuery();
    }
}
