using System.Diagnostics;
using System.Text.Json;

namespace Geo.Tests.Cli;

/// <summary>
/// A real 'geo serve' process on a free loopback port, once its first view is worked out, with what the kernel says of
/// its memory and CPU time.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public int Id => _process.Id;

    public static async Task<ServeProcess> Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "geo.dll"), "serve", "--port", "0" }.Concat(arguments)) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(180));
        var address = System.Text.RegularExpressions.Regex.Match(line ?? "", @"http://127\.0\.0\.1:\d+/").Value;
        if (string.IsNullOrEmpty(address))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"geo serve printed no address: {line}");
        }
        var server = new ServeProcess(process, new Uri(address));
        await server.WaitForFirstView();
        return server;
    }

    /// <summary>Waits until the server has worked out its first view (it answers meanwhile), so what is measured after is the settled server.</summary>
    private async Task WaitForFirstView()
    {
        while ((await Info()).GetProperty("first_view").GetProperty("state").GetString() == "working") await Task.Delay(50);
    }

    /// <summary>Resident and peak resident memory in MB (VmRSS, VmHWM).</summary>
    public (double Resident, double Peak) Memory()
    {
        double rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:")) rss = Kilobytes(line) / 1024.0;
            if (line.StartsWith("VmHWM:")) hwm = Kilobytes(line) / 1024.0;
        }
        return (rss, hwm);
    }

    /// <summary>CPU time the process has used (user + system), from /proc/pid/stat.</summary>
    public TimeSpan CpuTime()
    {
        string stat = File.ReadAllText($"/proc/{Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async Task<JsonElement> Info()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/api/info"));
        return doc.RootElement.Clone();
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
