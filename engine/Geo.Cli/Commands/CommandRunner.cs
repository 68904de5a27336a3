using System.Net.Sockets;
using Geo.Cli.Outputs;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console;

namespace Geo.Cli.Commands;

/// <summary>
/// Runs a command body: every failure ends with exit code 1 and one line on stderr saying what was wrong and
/// where (bad input, a damaged file, a full disk, a refused PostGIS statement), never a stack trace.
/// </summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"geo: error: {OneLine(Reason(e))}");
            return 1;
        }
    }

    /// <summary>Progress on long work goes to a terminal's stderr (stdout stays clean for CSV and GeoJSON); logs get only results and errors.</summary>
    public static IAnsiConsole Progress => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.IsErrorRedirected ? TextWriter.Null : Console.Error),
    });

    private static string Reason(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: > 0 } many) return Reason(many.InnerExceptions[0]);
        if (e.InnerException is { } inner && e is TypeInitializationException or System.Reflection.TargetInvocationException) return Reason(inner);
        return e switch
        {
            GeoInputException => e.Message,
            PostgresException pg => PostGisReason(pg),
            NpgsqlException npgsql => $"PostGIS connection failed: {npgsql.Message}",
            SqliteException sqlite => $"SQLite: {sqlite.Message} (a damaged or unwritable GeoPackage)",
            IOException or UnauthorizedAccessException => e.Message,
            SocketException socket => $"network: {socket.Message}",
            OutOfMemoryException => "out of memory: the data is too large for this machine",
            _ => $"unexpected failure: {e.Message}",
        };
    }

    private static string PostGisReason(PostgresException e)
    {
        string where = e.TableName is { Length: > 0 } table ? $" (table {e.SchemaName}.{table})" : "";
        string detail = e.Detail is { Length: > 0 } d ? $": {d}" : "";
        string hint = e.SqlState switch
        {
            PostgresErrorCodes.DependentObjectsStillExist => "; drop or move the dependent views, or write to another schema",
            PostgresErrorCodes.InsufficientPrivilege => "; the PostGIS user may not change this schema",
            PostgresErrorCodes.DiskFull => "; the database server's disk is full",
            _ => "",
        };
        return $"PostGIS refused the write ({e.SqlState}): {e.MessageText}{where}{detail}{hint}";
    }

    private static string OneLine(string text) =>
        OutputSet.InTargetNames(Redaction.Apply(string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))));
}
