namespace Geo.Data.Files;

/// <summary>
/// Writes a file whole or not at all: the content goes to a hidden file beside the target, which replaces the
/// target only once it is complete, so a failure never leaves a half-written or missing output.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new GeoInputException($"cannot write {path}: folder {folder} does not exist");
        if (Directory.Exists(full)) throw new GeoInputException($"cannot write {path}: it is a folder");

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
