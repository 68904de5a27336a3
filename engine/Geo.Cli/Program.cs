using System.CommandLine;
using Geo.Cli.Commands;

var root = new RootCommand("Geo: service-coverage analysis over real street networks (service areas, pairing, coverage gaps, siting).");
foreach (var command in GeoCommands.All()) root.Subcommands.Add(command);
return root.Parse(args).Invoke();
