using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Geo.Data.GeoPackage;

/// <summary>
/// One statement prepared on the connection's own SQLite handle: values bound and columns read by position with
/// SQLite's own calls. For the hundreds of thousands of rows of a city's layer: the ADO.NET command looks each
/// parameter up by name and boxes each value on every execution, and its reader keeps books on every value read,
/// which together cost about as much as SQLite's own work. Runs inside whatever transaction the connection has
/// open; a failure throws <see cref="SqliteException"/> with SQLite's own message, as a command would.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    /// <summary>Positions count from 1, as in SQLite.</summary>
    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void Bind(int position, double value) => Check(raw.sqlite3_bind_double(_statement, position, value));

    /// <remarks>
    /// A short text is turned into UTF-8 on the stack (SQLite copies it): a city's layers bind hundreds of thousands of
    /// names, each otherwise a new array. The empty text keeps the string call, as an empty span would bind a null.
    /// </remarks>
    public void Bind(int position, string value)
    {
        if (value.Length == 0 || value.Length > LongestStackText)
        {
            Check(raw.sqlite3_bind_text(_statement, position, value));
            return;
        }
        Span<byte> utf8 = stackalloc byte[LongestStackText * 3];
        int length = Encoding.UTF8.GetBytes(value, utf8);
        Check(raw.sqlite3_bind_text(_statement, position, utf8[..length]));
    }

    /// <summary>UTF-16 units of a text bound through the stack: at most three UTF-8 bytes each.</summary>
    private const int LongestStackText = 256;

    public void BindBlob(int position, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, position, value));

    public void BindNull(int position) => Check(raw.sqlite3_bind_null(_statement, position));

    /// <summary>Runs a statement that returns no rows (an insert) with the values bound so far, which stay bound for the next run.</summary>
    public void Execute()
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

    /// <summary>Moves a query to its next row; false after the last.</summary>
    public bool Next()
    {
        int rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    /// <summary>How a column of the current row is stored: <c>raw.SQLITE_INTEGER</c>, <c>SQLITE_FLOAT</c>, <c>SQLITE_TEXT</c>, <c>SQLITE_BLOB</c> or <c>SQLITE_NULL</c>; columns count from 0.</summary>
    public int StoredType(int column) => raw.sqlite3_column_type(_statement, column);

    /// <summary>The value as an integer, converted by SQLite if stored otherwise.</summary>
    public long Integer(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The value as a real, converted by SQLite if stored otherwise.</summary>
    public double Real(int column) => raw.sqlite3_column_double(_statement, column);

    /// <summary>The value as text, converted by SQLite if stored otherwise.</summary>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>A text value's UTF-8 bytes, valid until the statement steps on.</summary>
    public ReadOnlySpan<byte> TextBytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public byte[] Blob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    public void Dispose() => _statement.Dispose();
}
