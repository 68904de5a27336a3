using System.CommandLine;

namespace Geo.Cli.Commands;

/// <summary>The verbs of the geo command line; each lives in its own file and only parses options and prints.</summary>
internal static class GeoCommands
{
    public static IEnumerable<Command> All()
    {
        yield return ImportCommand.Create();
        yield return ReachCommand.Create();
        yield return NearestCommand.Create();
        yield return PairCommand.Create();
        yield return SynthCommand.Create();
        yield return ServiceAreasCommand.Create();
        yield return AuditCommand.Create();
        yield return SiteCommand.Create();
        yield return SiteInstanceCommand.Create();
        yield return BriefCommand.Create();
        yield return ProfilesCommand.Create();
        yield return ServeCommand.Create();
    }
}
