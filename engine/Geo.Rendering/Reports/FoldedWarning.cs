using System.Text.RegularExpressions;

namespace Geo.Rendering.Reports;

/// <summary>
/// Warnings that differ only in ids, names and numbers, folded into one counted line: "its interior point is not
/// on the streets" for 27 cells is one line naming them, not 27 lines.
/// </summary>
public sealed partial record FoldedWarning(string Example, int Count, IReadOnlyList<string> Subjects)
{
    public static IReadOnlyList<FoldedWarning> Fold(IEnumerable<string> warnings)
    {
        var groups = new List<(string Key, List<string> Items)>();
        var index = new Dictionary<string, int>();
        foreach (var w in warnings)
        {
            string key = Numbers().Replace(Quoted().Replace(w, "'…'"), "#");
            if (!index.TryGetValue(key, out int i))
            {
                index[key] = i = groups.Count;
                groups.Add((key, new List<string>()));
            }
            groups[i].Items.Add(w);
        }
        return groups.Select(g => new FoldedWarning(g.Items[0], g.Items.Count, g.Items.Select(Subject).Where(s => s.Length > 0).Distinct().ToList())).ToList();
    }

    /// <summary>What a warning is about: its first quoted name, else nothing.</summary>
    private static string Subject(string warning)
    {
        var m = Quoted().Match(warning);
        return m.Success ? m.Value.Trim('\'') : "";
    }

    /// <summary>One line: the first warning, then how many more alike and whom they concern (the first few).</summary>
    public string Line(bool chinese, int named = 8)
    {
        if (Count == 1) return Example;
        var others = Subjects.Skip(1).Take(named).ToList();
        string more = Subjects.Count - 1 > others.Count ? (chinese ? " 等" : ", …") : "";
        string list = others.Count == 0 ? "" : (chinese ? $"：{string.Join("、", others)}{more}" : $": {string.Join(", ", others)}{more}");
        return chinese ? $"{Example}（同类共 {Count} 条{list}）" : $"{Example} (and {Count - 1} more like it{list})";
    }

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
