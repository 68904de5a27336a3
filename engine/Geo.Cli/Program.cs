using Geo.Cli;
using Geo.Cli.Outputs;

Console.SetOut(Redaction.Writer(Console.Out));
Console.SetError(Redaction.Writer(Console.Error));
return GeoProgram.Run(args, recordJit: true);
