namespace Geo.Rendering.Words;

/// <summary>What the areas a headline is about are: districts (区), subdistricts (街道), communities (社区) or planning cells (网格).</summary>
public enum UnitKind
{
    District,
    Subdistrict,
    Community,
    PlanningCell,
}

public static class UnitKinds
{
    public static Term Term(this UnitKind kind) => kind switch
    {
        UnitKind.District => Glossary.District,
        UnitKind.Community => Glossary.Community,
        UnitKind.PlanningCell => Glossary.PlanningCell,
        _ => Glossary.Subdistrict,
    };

    /// <summary>
    /// From how the audit says its units were made and from their names: Geo's planning cells say so in their
    /// description; otherwise the usual endings of Chinese names (…区, …社区, …街道) decide, and anything else is a subdistrict.
    /// </summary>
    public static UnitKind Of(string? description, IReadOnlyCollection<string> names)
    {
        if (description is not null && description.Contains("planning cells", StringComparison.OrdinalIgnoreCase)) return UnitKind.PlanningCell;
        if (names.Count > 0 && names.All(n => n.StartsWith("网格", StringComparison.Ordinal))) return UnitKind.PlanningCell;
        int community = names.Count(n => n.EndsWith("社区", StringComparison.Ordinal));
        int district = names.Count(n => n.EndsWith('区') && !n.EndsWith("社区", StringComparison.Ordinal));
        int half = (names.Count + 1) / 2;
        if (names.Count > 0 && community >= half) return UnitKind.Community;
        if (names.Count > 0 && district >= half) return UnitKind.District;
        return UnitKind.Subdistrict;
    }
}
