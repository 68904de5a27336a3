using System.Runtime.InteropServices;

namespace Geo.Cli.Outputs;

/// <summary>
/// The few POSIX calls .NET does not offer: a path's real location (symlinks and <c>..</c> resolved), a file's
/// identity (device and inode, so a hard link to an input is recognised) and the atomic exchange of two folders.
/// </summary>
internal static class FileSystemCalls
{
    private const int RenameExchange = 2;
    private const int AtCurrentFolder = -100;

    /// <summary>
    /// Where a path really leads: the deepest existing folder above it resolved by the system, the rest appended.
    /// </summary>
    public static string RealPath(string path)
    {
        string full = Path.GetFullPath(path).TrimEnd('/');
        if (full.Length == 0) return "/";
        string existing = full;
        var rest = new Stack<string>();
        while (!File.Exists(existing) && !Directory.Exists(existing) && !IsLink(existing))
        {
            string? parent = Path.GetDirectoryName(existing);
            if (parent is null) return full;
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }
        string resolved = Resolve(existing) ?? existing;
        while (rest.Count > 0) resolved = Path.Combine(resolved, rest.Pop());
        return resolved;
    }

    /// <summary>Device and inode of an existing file, or null where the system does not say.</summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        try
        {
            if (stat(path, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        // x86-64 and arm64 Linux both start struct stat with st_dev and st_ino, 8 bytes each.
        return (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
    }

    /// <summary>Swaps two existing paths in one step; false where the file system cannot (the caller falls back).</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            if (renameat2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0) return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        int error = Marshal.GetLastPInvokeError();
        const int notSupported = 22, noSystemCall = 38, notSupportedOnFs = 95;
        if (error is notSupported or noSystemCall or notSupportedOnFs) return false;
        throw new IOException($"cannot swap {b} into place: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static string? Resolve(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return Path.GetFullPath(path);
        IntPtr result = realpath(path, IntPtr.Zero);
        if (result == IntPtr.Zero) return null;
        try
        {
            return Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            free(result);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc", SetLastError = true)]
    private static extern int stat(string path, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);
}
