namespace Geo.Rendering.Words;

/// <summary>
/// The one glossary every output speaks: the report, the map, the brief and the viewer (which receives it as JSON).
/// 街道 is the subdistrict, never the street: street coverage is 道路覆盖率.
/// </summary>
public static class Glossary
{
    public static readonly Term StreetCoverage = new("street_coverage", "道路覆盖率", "street coverage",
        "服务圈内可达的道路长度占比", "share of the street length reached within the break");
    public static readonly Term ServedLand = new("served_land", "面积覆盖率", "served land",
        "服务圈覆盖的土地面积占比", "share of the land inside the service circles");
    public static readonly Term DemandCoverage = new("demand", "需求覆盖率", "demand",
        "服务圈内的需求占比", "share of the demand inside the service circles");
    public static readonly Term BlindSpot = new("blind_spot", "盲区", "blind spot",
        "任何站点在服务圈时间内都到不了的连片道路", "a connected stretch of streets no station reaches within the break");
    public static readonly Term PlanningCell = new("planning_cell", "网格", "planning cell");
    public static readonly Term Subdistrict = new("subdistrict", "街道", "subdistrict");
    public static readonly Term District = new("district", "区", "district");
    public static readonly Term Community = new("community", "社区", "community");
    public static readonly Term Station = new("station", "站点", "station");
    public static readonly Term Street = new("street", "道路", "street");
    public static readonly Term Coverage = new("coverage", "服务圈覆盖", "covered");
    public static readonly Term Gap = new("gap", "未覆盖", "not covered");
    public static readonly Term Pairing = new("pairing", "结对", "pairing");
    public static readonly Term Territory = new("territory", "服务辖区", "territory");
    public static readonly Term WhatIfStation = new("whatif_station", "假设新站", "what-if station");
    public static readonly Term AddedCoverage = new("added_coverage", "新增覆盖", "added coverage");
    public static readonly Term SuggestedSite = new("suggested_site", "建议新站", "suggested site");

    public static IReadOnlyList<Term> All { get; } = new[]
    {
        StreetCoverage, ServedLand, DemandCoverage, BlindSpot, PlanningCell, Subdistrict, District, Community, Station, Street,
        Coverage, Gap, Pairing, Territory, WhatIfStation, AddedCoverage, SuggestedSite,
    };
}
