using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Geo.Tests.Cli.Safety;

/// <summary>A tiny tmpfs the test mounts (as root) to run Geo against a full or read-only disk; unmounted on dispose.</summary>
internal sealed class SmallDisk : IDisposable
{
    public SmallDisk(string size, bool readOnly = false)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "geo-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path);
        if (readOnly) Run("mount", "-o", "remount,ro", Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static bool CanMount => OperatingSystem.IsLinux() && geteuid() == 0;

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {error}");
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}

/// <summary>A test that needs root to mount a small disk; skipped, saying so, otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!SmallDisk.CanMount) Skip = "needs root to mount a small tmpfs (full disk, read-only disk): run ./test.sh as root";
    }
}

/// <summary>A theory that needs root to mount a small disk; skipped, saying so, otherwise.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!SmallDisk.CanMount) Skip = "needs root to mount a small tmpfs (full disk, read-only disk): run ./test.sh as root";
    }
}
