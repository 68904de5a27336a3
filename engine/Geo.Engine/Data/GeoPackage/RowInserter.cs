using Microsoft.Data.Sqlite;

namespace Geo.Data.GeoPackage;

/// <summary>
/// Inserts rows into one table several to a statement: SQLite does its per-statement work (reading and updating an
/// <c>AUTOINCREMENT</c> counter among it) once per run of a statement, which for one row each was about a third of the
/// insert. The rows and their order are those one-row inserts would make.
/// </summary>
internal sealed class RowInserter : IDisposable
{
    private readonly PreparedStatement _one;
    private readonly PreparedStatement? _many;
    private readonly int _valuesPerRow;
    private readonly int _rowsPerStatement;

    /// <param name="insertInto">The statement up to its values, e.g. <c>INSERT INTO main."t" (a, b)</c>.</param>
    public RowInserter(SqliteConnection connection, string insertInto, int valuesPerRow)
    {
        _valuesPerRow = valuesPerRow;
        _rowsPerStatement = RowsPerStatement(valuesPerRow);
        string row = "(" + string.Join(", ", Enumerable.Repeat("?", valuesPerRow)) + ")";
        _one = new PreparedStatement(connection, $"{insertInto} VALUES {row}");
        _many = _rowsPerStatement > 1 ? new PreparedStatement(connection, $"{insertInto} VALUES " + string.Join(", ", Enumerable.Repeat(row, _rowsPerStatement))) : null;
    }

    /// <summary>Rows to a statement: up to 16, within SQLite's oldest limit of 999 values to a statement.</summary>
    internal static int RowsPerStatement(int valuesPerRow) => Math.Clamp(999 / valuesPerRow, 1, 16);

    /// <summary>
    /// Inserts rows 0 … <paramref name="count"/> - 1 in order; <paramref name="bind"/> binds a row's values into a
    /// statement, after the first given number of its values (positions count from 1, as in SQLite).
    /// </summary>
    public void Insert(int count, Action<PreparedStatement, int, int> bind)
    {
        int row = 0;
        for (; _many is not null && row + _rowsPerStatement <= count; row += _rowsPerStatement)
        {
            for (int r = 0; r < _rowsPerStatement; r++) bind(_many, r * _valuesPerRow, row + r);
            _many.Execute();
        }
        for (; row < count; row++)
        {
            bind(_one, 0, row);
            _one.Execute();
        }
    }

    public void Dispose()
    {
        _one.Dispose();
        _many?.Dispose();
    }
}
