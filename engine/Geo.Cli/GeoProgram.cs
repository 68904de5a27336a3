using System.CommandLine;
using System.CommandLine.Help;
using Geo.Cli.Commands;

namespace Geo.Cli;

/// <summary>The geo command line: usage mistakes exit 2 with one line; everything else as the verb decides (0 or 1).</summary>
internal static class GeoProgram
{
    public const int UsageExitCode = 2;

    public static int Run(string[] args)
    {
        var root = new RootCommand("Geo: service-coverage analysis over real street networks (service areas, pairing, coverage gaps, siting).");
        foreach (var command in GeoCommands.All()) root.Subcommands.Add(command);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            string verb = parse.CommandResult.Command == root ? "geo" : $"geo {parse.CommandResult.Command.Name}";
            string errors = string.Join("; ", parse.Errors.Select(e => string.Join(" ", e.Message.Split(new[] { '\n', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
            Console.Error.WriteLine($"geo: error: {errors} ('{verb} --help' lists the options)");
            return UsageExitCode;
        }
        return parse.Invoke();
    }
}
