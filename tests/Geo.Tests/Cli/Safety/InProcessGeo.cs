using Geo.Cli;
using Geo.Cli.Outputs;
using Geo.Tests.PostGis;

namespace Geo.Tests.Cli.Safety;

/// <summary>
/// Runs the geo command line inside the test process (no process start-up per case), with stdout and stderr
/// captured through the same password-hiding writers the program installs. The console is global, so the tests
/// using this run one at a time, apart from the parallel tests.
/// </summary>
internal static class InProcessGeo
{
    private static readonly object Gate = new();

    public static GeoCli.Result Run(params string[] arguments) => RunIn(null, arguments);

    public static GeoCli.Result RunIn(string? workingFolder, params string[] arguments)
    {
        lock (Gate)
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var (oldOut, oldError, oldFolder) = (Console.Out, Console.Error, Environment.CurrentDirectory);
            Console.SetOut(Redaction.Writer(stdout));
            Console.SetError(Redaction.Writer(stderr));
            if (workingFolder is not null) Environment.CurrentDirectory = workingFolder;
            try
            {
                int code = GeoProgram.Run(arguments);
                return new GeoCli.Result(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
                Environment.CurrentDirectory = oldFolder;
            }
        }
    }

    /// <summary>Asserts exit code 1 or 2 and exactly one stderr line, <c>geo: error: …</c>, containing <paramref name="expected"/>.</summary>
    public static void AssertOneLineError(GeoCli.Result result, int exitCode, string expected)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(result.ExitCode == exitCode, $"exit code {result.ExitCode}, expected {exitCode}; stderr: {result.Stderr}");
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}: {result.Stderr}");
        Assert.StartsWith("geo: error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }
}

/// <summary>Tests that run geo in-process: one at a time, with the real PostGIS server at hand.</summary>
[CollectionDefinition("geo in-process", DisableParallelization = true)]
public sealed class InProcessGeoCollection : ICollectionFixture<PostGisServer>;
