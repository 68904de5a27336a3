using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime;
using Geo.Cli.Commands;
using Geo.Data.Cache;

namespace Geo.Cli;

/// <summary>The geo command line: usage mistakes exit 2 with one line; everything else as the verb decides (0 or 1).</summary>
internal static class GeoProgram
{
    public const int UsageExitCode = 2;

    /// <param name="recordJit">
    /// Compile the engine ahead of the command with the profile of its last run (<see cref="JitProfiles"/>): once per
    /// process, so only from the program's entry point, not from tests running commands one after another in one process.
    /// </param>
    public static int Run(string[] args, bool recordJit = false)
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
        // Every verb but serve is one batch of work that nobody waits on mid-way: collecting the heap in the background
        // would only add a thread and the room that lets the heap grow meanwhile (the audit of a 300,000-junction city
        // peaks 6–13 % lower without it, in about the same time). The server keeps background collection for short pauses.
        if (parse.CommandResult.Command.Name != ServeCommand.Name) GCSettings.LatencyMode = GCLatencyMode.Batch;
        if (recordJit && parse.CommandResult.Command != root && parse.Action is not HelpAction) JitProfiles.Start(parse.CommandResult.Command.Name);
        return parse.Invoke();
    }
}
