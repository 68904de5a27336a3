namespace Geo.Tests.Cli;

/// <summary>
/// The machine's busy CPU time (/proc/stat, steal included) beside the server's and this process's, so a latency test
/// can say how much of the machine other processes took while it ran.
/// </summary>
public readonly record struct MachineCpu(TimeSpan Busy, TimeSpan Server, TimeSpan Tests)
{
    private const double TicksPerSecond = 100;

    public static MachineCpu Now(TimeSpan serverCpu)
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
        long busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i]));
        return new MachineCpu(TimeSpan.FromSeconds(busy / TicksPerSecond), serverCpu, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime);
    }

    /// <summary>Cores' worth of CPU other processes used between <paramref name="before"/> and now.</summary>
    public double OthersCoresSince(MachineCpu before, TimeSpan elapsed) =>
        ((Busy - before.Busy) - (Server - before.Server) - (Tests - before.Tests)).TotalSeconds / elapsed.TotalSeconds;
}
