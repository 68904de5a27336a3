using Spectre.Console;

namespace Geo.Cli.Commands;

/// <summary>Runs a command body: bad input ends with exit code 1 and one line on stderr saying what was wrong.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (GeoInputException e)
        {
            Console.Error.WriteLine($"geo: error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"geo: error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Progress on long work goes to stderr, so stdout stays clean for CSV and GeoJSON.</summary>
    public static IAnsiConsole Progress { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });
}
