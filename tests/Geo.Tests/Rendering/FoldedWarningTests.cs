using Geo.Rendering.Reports;

namespace Geo.Tests.Rendering;

public class FoldedWarningTests
{
    [Fact]
    public void Fold_warningsDifferingOnlyInIdsNamesAndNumbers_becomeOneCountedLine()
    {
        var warnings = Enumerable.Range(1, 27)
            .Select(i => $"subdistrict {i} '网格 A-{i}': its interior point is not on the streets (the nearest street usable by 'ebike' is {300 + i * 7} m away (limit 300 m))")
            .Prepend("the dataset has no subdistrict boundaries: coverage is reported by 1 km planning cells (网格)")
            .Append("station S9: not on the streets (too far)")
            .ToList();

        var folded = FoldedWarning.Fold(warnings);

        Assert.Equal(3, folded.Count);
        Assert.Equal(new[] { 1, 27, 1 }, folded.Select(f => f.Count));
        string line = folded[1].Line(chinese: false, named: 3);
        Assert.StartsWith(warnings[1], line);
        Assert.Contains("and 26 more like it: 网格 A-2, 网格 A-3, 网格 A-4, …", line);
        Assert.Contains("同类共 27 条：网格 A-2、网格 A-3、网格 A-4 等", folded[1].Line(chinese: true, named: 3));
        Assert.Equal(warnings[0], folded[0].Line(chinese: false));
    }
}
