using System.Diagnostics;
using System.Text.Json;

namespace Geo.Tests.Cli;

/// <summary>'geo serve' as a user starts it: the real program on a free loopback port, answering until stopped.</summary>
public class ServeCommandTests
{
    [Fact]
    public async Task Serve_listens_on_loopback_and_answers_the_API()
    {
        using var folder = new TempFolder();
        string gpkg = folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "1000", "--stations", "4", "--seed", "2", "--out", gpkg).ExitCode);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "geo.dll"), "serve", "--data", gpkg, "--port", "0" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(line);
            var address = System.Text.RegularExpressions.Regex.Match(line!, @"http://127\.0\.0\.1:\d+/").Value;
            Assert.False(string.IsNullOrEmpty(address), $"no loopback address in: {line}");
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var info = JsonDocument.Parse(await client.GetStringAsync("/api/info"));
            Assert.Equal(4, info.RootElement.GetProperty("stations").GetInt32());
            var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Matches(@"^Coverage of the first view \(ebike, 15 min\) ready after \d+\.\d s$", ready);
            using var settled = JsonDocument.Parse(await client.GetStringAsync("/api/info"));
            Assert.Equal("ready", settled.RootElement.GetProperty("first_view").GetProperty("state").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--profile", "tram", "built-in profiles")]
    [InlineData("--minutes", "0", "minutes")]
    [InlineData("--host", "localhost:80", "not an IP address")]
    public void Serve_refuses_bad_options_with_a_clear_error(string option, string value, string message)
    {
        using var folder = new TempFolder();
        string gpkg = folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "1000", "--stations", "4", "--seed", "2", "--out", gpkg).ExitCode);
        var result = GeoCli.Run("serve", "--data", gpkg, "--port", "0", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void Serve_names_a_missing_dataset()
    {
        var result = GeoCli.Run("serve", "--data", "/nonexistent/city.gpkg", "--port", "0");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/city.gpkg", result.Stderr);
    }

    [Fact]
    public void Serve_on_a_port_in_use_says_so_in_one_line()
    {
        using var folder = new TempFolder();
        string gpkg = folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "1000", "--stations", "4", "--seed", "2", "--out", gpkg).ExitCode);
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var result = GeoCli.Run("serve", "--data", gpkg, "--port", port.ToString());
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"geo: error: cannot listen on 127.0.0.1:{port}: the port is already in use; pick another --port (0 picks a free one)", result.Stderr.Trim());
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void Serve_on_an_address_the_machine_does_not_have_says_so_in_one_line()
    {
        using var folder = new TempFolder();
        string gpkg = folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "1000", "--stations", "4", "--seed", "2", "--out", gpkg).ExitCode);
        var result = GeoCli.Run("serve", "--data", gpkg, "--port", "0", "--host", "192.0.2.77");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("geo: error: cannot listen on 192.0.2.77:0: this machine has no address 192.0.2.77", line);
    }

    [Theory]
    [InlineData("--cache-mb", "0", "--cache-mb 0")]
    [InlineData("--computations", "0", "--computations 0")]
    public void Serve_refuses_budgets_out_of_range(string option, string value, string message)
    {
        var result = GeoCli.Run("serve", "--data", "/nonexistent/city.gpkg", "--port", "0", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}
