using System.Diagnostics;

namespace Geo.Tests;

/// <summary>Runs a Debian command-line tool the tests cross-check against (ogrinfo, pdftotext); a missing tool fails the test, saying which package provides it.</summary>
internal static class ExternalTool
{
    public static string Run(string tool, string debianPackage, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException($"{tool} is not installed: install the Debian package {debianPackage} (./test.sh and .ci/run do)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new Xunit.Sdk.XunitException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
            return stdout.Result;
        }
    }
}
