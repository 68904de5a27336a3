using System.Runtime;
using System.Text.RegularExpressions;

namespace Geo.Data.Cache;

/// <summary>
/// Geo's engine is compiled as a command runs (fully optimised rather than precompiled, for its hot loops), and most
/// of that compiling falls on the one core that is reading the data meanwhile. The runtime's multi-core JIT records
/// which methods a command compiled, in a profile per command in the <see cref="CacheFolder"/>; the next run of that
/// command compiles them on the other cores before they are first called. Each run writes its profile afresh; the
/// runtime reads a profile only for the assemblies of the same build (it checks each one's version), so a profile
/// left by another build of Geo costs nothing but its benefit. Nothing is recorded when caching is off.
/// </summary>
public static partial class JitProfiles
{
    /// <summary>Starts recording (and, when there is a profile from an earlier run, playing back) for <paramref name="command"/>, a verb such as "audit".</summary>
    public static void Start(string command)
    {
        if (!PlainName().IsMatch(command) || CacheFolder.Resolve() is not { } folder) return;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(FileName(command));
    }

    public static string FileName(string command) => $"jit-{command}.profile";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex PlainName();
}
