using System.Security.Cryptography;

namespace Geo.Tests.Cli.Safety;

/// <summary>Every file and folder under a folder with its content hash, hidden ones included: to prove a run changed nothing.</summary>
internal static class FolderSnapshot
{
    public static SortedDictionary<string, string> Take(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            string name = Path.GetRelativePath(folder, entry);
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } link) result[name] = "link to " + link;
            else if (Directory.Exists(entry)) result[name] = "folder";
            else result[name] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
        }
        return result;
    }

    public static void AssertSame(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var appeared = after.Keys.Except(before.Keys).ToList();
        var vanished = before.Keys.Except(after.Keys).ToList();
        var changed = before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]).ToList();
        Assert.True(appeared.Count + vanished.Count + changed.Count == 0,
            $"appeared: {string.Join(", ", appeared)}; vanished: {string.Join(", ", vanished)}; changed: {string.Join(", ", changed)}");
    }
}
