using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Geo.Tests.Cluster;

/// <summary>
/// One real 'geo serve --cluster' process on loopback: its HTTP front on a free port, its silo and gateway ports
/// picked free too. Killing it is SIGKILL: no goodbye to the other silos.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _errors = new();

    private SiloProcess(Process process, Uri address, int siloPort)
    {
        _process = process;
        Address = address;
        SiloPort = siloPort;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public Uri Address { get; }
    public int SiloPort { get; }
    public HttpClient Client { get; }

    /// <summary>How /api/cities names this silo: its silo endpoint.</summary>
    public string SiloName => $"127.0.0.1:{SiloPort}";

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> Start(string membership, string clusterId, string cities, params string[] more)
    {
        int siloPort = LoopbackPorts.Free(), gatewayPort = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "geo.dll"), "serve", "--port", "0", "--cluster", membership, "--cluster-id", clusterId,
                     "--cities", cities, "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString() }.Concat(more))
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(150));
        var address = System.Text.RegularExpressions.Regex.Match(line ?? "", @"http://127\.0\.0\.1:\d+/").Value;
        if (string.IsNullOrEmpty(address))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"geo serve --cluster printed no address: {line} {string.Join(" ", errors)}");
        }
        // Keep draining stdout so the process never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        return new SiloProcess(process, new Uri(address), siloPort);
    }

    public static async Task<SiloProcess[]> StartMany(int count, string membership, string clusterId, string cities, params string[] more) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Start(membership, clusterId, cities, more)));

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Each city's state for the profile shown first, with reason and silo, from GET /api/cities.</summary>
    public async Task<Dictionary<string, (string State, string? Reason, string? Silo)>> Cities()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/api/cities"));
        return document.RootElement.GetProperty("cities").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("state").GetString()!, c.GetProperty("reason").GetString(), c.GetProperty("silo").GetString()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
