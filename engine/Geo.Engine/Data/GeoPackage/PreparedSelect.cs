using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Geo.Data.GeoPackage;

/// <summary>
/// One SELECT prepared on the connection's own SQLite handle, its rows stepped and its columns read by position with
/// SQLite's own typed getters. For the hundreds of thousands of rows of a city's layer: the ADO.NET reader's
/// per-value bookkeeping cost more than SQLite's own work. A failure throws <see cref="SqliteException"/> with
/// SQLite's message, as a command would.
/// </summary>
internal sealed class PreparedSelect : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public PreparedSelect(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    /// <summary>How the value is stored: <c>raw.SQLITE_INTEGER</c>, <c>SQLITE_FLOAT</c>, <c>SQLITE_TEXT</c>, <c>SQLITE_BLOB</c> or <c>SQLITE_NULL</c>.</summary>
    public int StoredType(int column) => raw.sqlite3_column_type(_statement, column);

    /// <summary>The value as an integer, converted by SQLite if stored otherwise.</summary>
    public long Integer(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The value as a real, converted by SQLite if stored otherwise.</summary>
    public double Real(int column) => raw.sqlite3_column_double(_statement, column);

    /// <summary>The value as text, converted by SQLite if stored otherwise.</summary>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public byte[] Blob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    public void Dispose() => _statement.Dispose();
}
