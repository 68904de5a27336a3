using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Geo.Data.GeoPackage;

/// <summary>
/// One INSERT statement prepared on the connection's own SQLite handle, its values bound by position and the row
/// stepped straight away. For the hundreds of thousands of rows of a city's layer: the ADO.NET command looks each
/// parameter up by name and boxes each value on every execution, which cost about as much as SQLite's own work.
/// Runs inside whatever transaction the connection has open; a failure throws <see cref="SqliteException"/> with
/// SQLite's own message, as a command would.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public PreparedInsert(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    /// <summary>Positions count from 1, as in SQLite.</summary>
    public void Integer(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void Real(int position, double value) => Check(raw.sqlite3_bind_double(_statement, position, value));

    public void Text(int position, string value) => Check(raw.sqlite3_bind_text(_statement, position, value));

    public void Blob(int position, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, position, value));

    public void Null(int position) => Check(raw.sqlite3_bind_null(_statement, position));

    /// <summary>Inserts the row bound so far; the bound values stay for the next row unless bound again.</summary>
    public void Step()
    {
        int rc = raw.sqlite3_step(_statement);
        try
        {
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    public void Dispose() => _statement.Dispose();
}
