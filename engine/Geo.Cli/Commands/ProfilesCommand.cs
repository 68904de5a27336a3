using System.CommandLine;
using Geo.Streets;

namespace Geo.Cli.Commands;

internal static class ProfilesCommand
{
    public static Command Create()
    {
        var command = new Command("profiles", "List the shipped travel profiles and their speeds.");
        command.SetAction(_ => CommandRunner.Run(() =>
        {
            foreach (var name in TravelProfile.BuiltInNames)
            {
                var p = TravelProfile.BuiltIn(name);
                Console.WriteLine($"{p.Name,-6} {p.Description}");
            }
            return 0;
        }));
        return command;
    }
}
