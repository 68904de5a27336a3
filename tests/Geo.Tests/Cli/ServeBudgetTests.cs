using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Geo.Tests.Cli;

/// <summary>A real 'geo serve' on a generated city with a small cache budget, shared by the budget tests.</summary>
public sealed class BudgetServerFixture : IAsyncLifetime
{
    public const int CacheMb = 32;
    private readonly TempFolder _folder = new();

    public ServeProcess Server { get; private set; } = null!;
    public double StartResidentMb { get; private set; }
    public (double Lon, double Lat) Centre { get; private set; }

    public async Task InitializeAsync()
    {
        string gpkg = _folder.File("city.gpkg");
        Assert.Equal(0, GeoCli.Run("synth", "--vertices", "5000", "--stations", "20", "--seed", "5", "--out", gpkg).ExitCode);
        Server = await ServeProcess.Start("--data", gpkg, "--minutes", "10", "--cache-mb", CacheMb.ToString());
        var info = await Server.Info();
        StartResidentMb = Server.Memory().Resident;
        var centre = info.GetProperty("center");
        Centre = (centre[0].GetDouble(), centre[1].GetDouble());
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition("Measured alone", DisableParallelization = true)]
public sealed class MeasuredAloneCollection;

/// <summary>
/// 'geo serve' within its means: the cache stays within --cache-mb however many distinct breaks are asked for, a
/// request whose client goes away stops using CPU, and a bounded hostile soak (malformed, huge, slow and heavy
/// requests) is answered in full with resident memory under the stated budget and every /api/info within 100 ms. They
/// run alone, as latency and memory are measured.
/// </summary>
[Collection("Measured alone")]
public sealed class ServeBudgetTests(BudgetServerFixture fixture, ITestOutputHelper output) : IClassFixture<BudgetServerFixture>
{
    private ServeProcess Server => fixture.Server;

    private string Point(double dx = 0, double dy = 0) => FormattableString.Invariant($"[{fixture.Centre.Lon + dx}, {fixture.Centre.Lat + dy}]");

    [Fact]
    public async Task Forty_distinct_breaks_keep_the_cache_and_memory_within_budget()
    {
        for (int k = 1; k <= 40; k++)
        {
            string minutes = (8 + k / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var response = await Server.Client.GetAsync($"/api/audit?minutes={minutes}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var info = await Server.Info();
        var cache = info.GetProperty("cache");
        double usedMb = cache.GetProperty("used_mb").GetDouble();
        var (resident, peak) = Server.Memory();
        output.WriteLine($"cache {usedMb} MB in {cache.GetProperty("results").GetInt32()} results, {cache.GetProperty("evictions").GetInt64()} evicted; " +
            $"resident {fixture.StartResidentMb:0} → {resident:0} MB, peak {peak:0} MB");
        Assert.True(usedMb <= BudgetServerFixture.CacheMb, $"cache holds {usedMb} MB, budget {BudgetServerFixture.CacheMb} MB");
        Assert.True(cache.GetProperty("evictions").GetInt64() > 0, "forty audits should not all fit the budget");
        Assert.True(resident - fixture.StartResidentMb < BudgetServerFixture.CacheMb + 160, $"resident memory grew from {fixture.StartResidentMb:0} to {resident:0} MB");
        Assert.True(peak <= info.GetProperty("memory").GetProperty("budget_mb").GetDouble());
    }

    [Fact]
    public async Task A_request_whose_client_goes_away_stops_using_CPU()
    {
        var locations = string.Join(", ", Enumerable.Range(0, 50).Select(i => Point((i % 8 - 4) * 0.002, (i / 8 - 2) * 0.002)));
        string body = $"{{\"locations\": [{locations}], \"profile\": \"walk\", \"range\": [1200, 1800, 2400], \"smoothing\": 0}}";
        using (var cancel = new CancellationTokenSource())
        {
            var request = Server.Client.PostAsync("/api/isochrones", new StringContent(body, Encoding.UTF8, "application/json"), cancel.Token);
            // The client goes away once the server is at work on it, however fast the server has become.
            while (!request.IsCompleted && (await Server.Info()).GetProperty("cache").GetProperty("heavy_running").GetInt32() == 0) await Task.Delay(10);
            Assert.False(request.IsCompleted, "the request was answered before it could be left: make it heavier");
            await Task.Delay(100);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
        await Task.Delay(1500);
        var before = Server.CpuTime();
        await Task.Delay(2000);
        var used = Server.CpuTime() - before;
        output.WriteLine($"CPU used in the 2 s after the client left: {used.TotalMilliseconds:0} ms");
        Assert.True(used < TimeSpan.FromMilliseconds(400), $"the server used {used.TotalMilliseconds:0} ms of CPU in 2 s after the client went away");
        var info = await Server.Info();
        Assert.Equal(0, info.GetProperty("cache").GetProperty("heavy_running").GetInt32());
    }

    [Fact]
    public async Task Hostile_soak_is_answered_within_the_memory_budget_and_info_within_100_ms()
    {
        var budgetMb = (await Server.Info()).GetProperty("memory").GetProperty("budget_mb").GetDouble();
        using var done = new CancellationTokenSource();
        var probes = new List<double>();
        // The probe is its own process (curl's own timing), so the figures are the server's, not this process's
        // thread pool or garbage collector, busy with the hostile clients.
        var machine = MachineCpu.Now(Server.CpuTime());
        var soak = Stopwatch.StartNew();
        var probe = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var (status, milliseconds) = await CurlProbe(new Uri(Server.Address, "/api/info"));
                Assert.Equal(200, status);
                lock (probes) probes.Add(milliseconds);
                if (milliseconds >= 50) output.WriteLine($"slow probe at {soak.Elapsed.TotalSeconds:0.0} s: {milliseconds:0} ms");
                await Task.Delay(100);
            }
        });
        var slow = Enumerable.Range(0, 12).Select(i => SlowClient(i % 2 == 0)).ToArray();
        var random = new Random(13);
        var kinds = Enumerable.Range(0, 240).Select(i => (Kind: i % 10, Seed: random.Next())).ToList();
        using var gate = new SemaphoreSlim(8);
        var answers = await Task.WhenAll(kinds.Select(async k =>
        {
            await gate.WaitAsync();
            try
            {
                return (k.Kind, Status: await Send(k.Kind, new Random(k.Seed)));
            }
            finally
            {
                gate.Release();
            }
        }));
        var slowAnswers = await Task.WhenAll(slow);
        done.Cancel();
        await probe;
        double othersCores = MachineCpu.Now(Server.CpuTime()).OthersCoresSince(machine, soak.Elapsed);
        var (resident, peak) = Server.Memory();
        double worstProbe, p95;
        lock (probes)
        {
            worstProbe = probes.Max();
            p95 = probes.Order().ElementAt((int)(probes.Count * 0.95));
        }
        output.WriteLine($"{answers.Length} requests: " + string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}")));
        output.WriteLine($"slow clients: {string.Join(", ", slowAnswers)}");
        output.WriteLine($"/api/info: {probes.Count} probes, median {Median(probes):0.0} ms, 95th percentile {p95:0.0} ms, worst {worstProbe:0.0} ms; resident {resident:0} MB, peak {peak:0} MB, budget {budgetMb:0} MB; other processes used {othersCores:0.00} cores");

        var allowed = new Dictionary<int, int[]>
        {
            [0] = new[] { 400 }, [1] = new[] { 413 }, [2] = new[] { 414 }, [3] = new[] { 431 }, [4] = new[] { 200, 503 },
            [5] = new[] { 422 }, [6] = new[] { 200, 503 }, [7] = new[] { 200, 503 }, [8] = new[] { 200, 404, 503 }, [9] = new[] { 400 },
        };
        foreach (var (kind, status) in answers) Assert.True(allowed[kind].Contains(status), $"request kind {kind} answered {status}");
        Assert.All(slowAnswers, a => Assert.True(a is "closed" or "408" or "400", $"slow client: {a}"));
        Assert.True(peak <= budgetMb, $"peak resident memory {peak:0} MB over the budget of {budgetMb:0} MB");
        Assert.True(probes.Count >= 20, $"only {probes.Count} probes of /api/info during the soak");
        Assert.True(worstProbe < 100, $"/api/info: median {Median(probes):0} ms, 95th percentile {p95:0} ms, worst {worstProbe:0} ms, while other processes used {othersCores:0.00} cores");
    }

    /// <summary>One GET by curl: the status and curl's own total time in milliseconds.</summary>
    private static async Task<(int Status, double Milliseconds)> CurlProbe(Uri url)
    {
        var start = new ProcessStartInfo("curl", new[] { "-s", "-o", "/dev/null", "--max-time", "10", "-w", "%{http_code} %{time_total}", url.ToString() })
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var curl = Process.Start(start)!;
        string output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        var parts = output.Split(' ');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) * 1000);
    }

    private static double Median(List<double> values)
    {
        lock (values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }
    }

    /// <summary>One hostile or heavy request; its status code, or -1 when the connection failed without an answer.</summary>
    private async Task<int> Send(int kind, Random random)
    {
        var request = kind switch
        {
            0 => Json("/api/isochrones", "{\"locations\": [[104.0, 30.6]"),
            1 => ExpectContinue(Json("/api/isochrones", "{\"locations\": [" + string.Join(",", Enumerable.Repeat(Point(), 4000)) + "]}")),
            2 => new HttpRequestMessage(HttpMethod.Get, "/api/audit?x=" + new string('a', 20_000)),
            3 => WithHeader(new HttpRequestMessage(HttpMethod.Get, "/api/info"), new string('b', 40_000)),
            4 => Json("/api/isochrones", $"{{\"locations\": [{Point(random.NextDouble() * 0.02 - 0.01, random.NextDouble() * 0.02 - 0.01)}], \"profile\": \"walk\", \"range\": [600, 1200]}}"),
            5 => Json("/api/isochrones", $"{{\"locations\": [{string.Join(",", Enumerable.Repeat(Point(), 50))}], \"profile\": \"walk\", \"range\": [1200, 2400, 3600, 4800, 6000, 7200]}}"),
            6 => new HttpRequestMessage(HttpMethod.Get, FormattableString.Invariant($"/api/audit?minutes={5 + random.Next(2000) / 100.0}")),
            7 => Json("/api/whatif", $"{{\"stations\": [{Point(random.NextDouble() * 0.02 - 0.01, random.NextDouble() * 0.02 - 0.01)}]}}"),
            8 => new HttpRequestMessage(HttpMethod.Get, FormattableString.Invariant($"/tiles/coverage/14/{13_000 + random.Next(10)}/{6_600 + random.Next(10)}.pbf?minutes={5 + random.Next(5)}")),
            _ => Json("/api/isochrones", "{\"locations\": \"everywhere\", \"range\": \"far\"}"),
        };
        try
        {
            using var response = await Server.Client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            int status = (int)response.StatusCode;
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                string detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
                Assert.DoesNotMatch(@"\b(System|Geo|Microsoft)\.[A-Z]", detail);
                if (status == 503) Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
            }
            return status;
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"kind {kind}: {e.Message}");
            return -1;
        }
    }

    private static HttpRequestMessage Json(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Asks before sending the body, so the server's early 413 is read rather than racing the upload.</summary>
    private static HttpRequestMessage ExpectContinue(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string value)
    {
        request.Headers.TryAddWithoutValidation("X-Padding", value);
        return request;
    }

    /// <summary>A slowloris client: half a request (headers, or headers and the start of a body), then silence; what the server did about it.</summary>
    private async Task<string> SlowClient(bool partialBody)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Address.Host, Server.Address.Port);
        var stream = tcp.GetStream();
        string head = partialBody
            ? $"POST /api/isochrones HTTP/1.1\r\nHost: {Server.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"locations\": [["
            : $"GET /api/info HTTP/1.1\r\nHost: {Server.Address.Authority}\r\nX-Slow: ";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[4096];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        try
        {
            int n = await stream.ReadAsync(buffer, limit.Token);
            if (n == 0) return "closed";
            string answer = Encoding.ASCII.GetString(buffer, 0, n);
            return answer.StartsWith("HTTP/1.1 ") ? answer.Substring(9, 3) : answer[..Math.Min(20, answer.Length)];
        }
        catch (IOException)
        {
            return "closed";
        }
        catch (OperationCanceledException)
        {
            return "no answer in 25 s";
        }
    }
}
