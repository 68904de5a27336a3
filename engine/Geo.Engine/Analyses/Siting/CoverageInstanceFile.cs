using System.Text.Json;
using System.Text.Json.Nodes;

namespace Geo.Analyses.Siting;

/// <summary>
/// A covering instance as JSON, for solving the same problem with other tools:
/// <c>{"k": K, "weights": [w0, w1, …], "covered_by_existing": [unit, …], "candidates": [{"id": "…", "covers": [unit, …]}, …]}</c>.
/// Units are numbered from 0. Written whole (to a temporary file renamed into place) or not at all.
/// </summary>
public static class CoverageInstanceFile
{
    public static void Write(string path, CoverageInstance instance, int? k)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new GeoInputException($"cannot write {path}: folder {folder} does not exist");
        var root = new JsonObject
        {
            ["k"] = k,
            ["weights"] = new JsonArray(instance.Weights.Select(w => (JsonNode)JsonValue.Create(w)).ToArray()),
            ["covered_by_existing"] = new JsonArray(Enumerable.Range(0, instance.Units).Where(u => instance.CoveredByExisting[u]).Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
            ["candidates"] = new JsonArray(Enumerable.Range(0, instance.Candidates).Select(j => (JsonNode)new JsonObject
            {
                ["id"] = instance.CandidateIds[j],
                ["covers"] = new JsonArray(instance.Sets[j].Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
            }).ToArray()),
        };
        string temporary = full + ".partial";
        try
        {
            using (var stream = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(stream))
            {
                root.WriteTo(writer);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static (CoverageInstance Instance, int? K) Read(string path)
    {
        if (!File.Exists(path)) throw new GeoInputException($"instance file {path} does not exist");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new GeoInputException($"instance file {path} is not valid JSON: {e.Message}");
        }
        try
        {
            var weights = root!["weights"]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
            var existing = new bool[weights.Length];
            foreach (var u in root["covered_by_existing"]?.AsArray() ?? new JsonArray())
            {
                int unit = u!.GetValue<int>();
                if (unit < 0 || unit >= weights.Length) throw new GeoInputException($"instance file {path}: covered_by_existing names unit {unit}, but there are {weights.Length} units");
                existing[unit] = true;
            }
            var candidates = root["candidates"]!.AsArray();
            var ids = candidates.Select((c, j) => c!["id"]?.GetValue<string>() ?? $"c{j}").ToArray();
            var sets = candidates.Select(c => c!["covers"]!.AsArray().Select(u => u!.GetValue<int>()).Distinct().Order().ToArray()).ToArray();
            int? k = root["k"] is { } kn ? kn.GetValue<int>() : null;
            return (new CoverageInstance(weights, sets, existing, ids), k);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new GeoInputException($"instance file {path} does not hold weights, candidates[].covers and k as numbers: {e.Message}");
        }
    }
}
