using System.Text.Json;
using Geo.Data.Features;

namespace Geo.Data.Files;

/// <summary>
/// Works out a column type from every value a GeoJSON property takes: whole numbers only -> Integer, numbers ->
/// Real, true/false only -> Boolean, anything else (or only nulls) -> Text.
/// </summary>
internal sealed class GeoJsonFieldTypes
{
    private readonly List<string> _names = new();
    private readonly Dictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    [Flags]
    private enum Seen { None = 0, Integer = 1, Real = 2, Boolean = 4, Other = 8 }

    public void Observe(string name, JsonElement value)
    {
        if (!_seen.TryGetValue(name, out var seen))
        {
            _names.Add(name);
            seen = Seen.None;
        }
        seen |= value.ValueKind switch
        {
            JsonValueKind.Null => Seen.None,
            JsonValueKind.Number => value.TryGetInt64(out _) ? Seen.Integer : Seen.Real,
            JsonValueKind.True or JsonValueKind.False => Seen.Boolean,
            _ => Seen.Other,
        };
        _seen[name] = seen;
    }

    public IReadOnlyList<FieldDefinition> Fields() => _names.Select(n => new FieldDefinition(n, TypeOf(_seen[n]))).ToList();

    private static FieldType TypeOf(Seen seen) => seen switch
    {
        Seen.Integer => FieldType.Integer,
        Seen.Real or (Seen.Integer | Seen.Real) => FieldType.Real,
        Seen.Boolean => FieldType.Boolean,
        _ => FieldType.Text,
    };

    /// <summary>The JSON value as the column's type holds it; Text keeps strings as they are and other JSON as written.</summary>
    public static object? Value(JsonElement value, FieldType type)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        return type switch
        {
            FieldType.Integer => value.GetInt64(),
            FieldType.Real => value.GetDouble(),
            FieldType.Boolean => value.GetBoolean(),
            _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
        };
    }
}
