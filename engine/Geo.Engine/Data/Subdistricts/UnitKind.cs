namespace Geo.Data.Subdistricts;

/// <summary>What the units coverage is reported by are: real boundaries of a given level, or planning cells.</summary>
public enum UnitKind
{
    /// <summary>区/县: districts and counties.</summary>
    District,

    /// <summary>街道/乡镇: subdistricts and towns.</summary>
    Subdistrict,

    /// <summary>社区/村: communities and villages.</summary>
    Community,

    /// <summary>Administrative boundaries of another or mixed level (OSM admin_level).</summary>
    AdminArea,

    /// <summary>网格: square planning cells, not administrative units.</summary>
    PlanningCell,
}

/// <summary>Names each kind as a planner says it, and tells the kind of a real boundary set from its names.</summary>
public static class UnitKinds
{
    public static string Label(UnitKind kind) => kind switch
    {
        UnitKind.District => "区/县 districts",
        UnitKind.Subdistrict => "街道/乡镇 subdistricts",
        UnitKind.Community => "社区/村 communities",
        UnitKind.PlanningCell => "网格 planning cells",
        _ => "administrative areas",
    };

    /// <summary>Most names ending as a district's, a 街道's or a 社区's do: Chinese names carry their level.</summary>
    public static UnitKind FromNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        if (list.Count == 0) return UnitKind.AdminArea;
        int Count(params string[] endings) => list.Count(n => endings.Any(e => n.Trim().EndsWith(e, StringComparison.Ordinal)));
        var counts = new[]
        {
            (UnitKind.District, Count("区", "县", "市", "旗")),
            (UnitKind.Subdistrict, Count("街道", "镇", "乡", "地区", "街道办事处")),
            (UnitKind.Community, Count("社区", "村", "居委会", "村委会")),
        };
        // "…地区" and "…街道" are subdistricts though "区" ends them too; count them before districts.
        int subdistricts = counts[1].Item2, districts = counts[0].Item2 - list.Count(n => n.Trim().EndsWith("地区", StringComparison.Ordinal) || n.Trim().EndsWith("社区", StringComparison.Ordinal));
        int communities = counts[2].Item2;
        int best = Math.Max(subdistricts, Math.Max(districts, communities));
        if (best * 2 <= list.Count) return UnitKind.AdminArea;
        return best == subdistricts ? UnitKind.Subdistrict : best == districts ? UnitKind.District : UnitKind.Community;
    }
}
