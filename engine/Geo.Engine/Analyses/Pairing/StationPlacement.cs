namespace Geo.Analyses.Pairing;

/// <summary>
/// The subdistrict a station stands in (-1 when outside all of them) and the rule that decided it: "inside",
/// "outside all subdistricts", or, on a shared border, which rule picked among which subdistricts.
/// </summary>
public sealed record StationPlacement(int Subdistrict, string Rule)
{
    public const string InsideRule = "inside";
    public const string OutsideRule = "outside all subdistricts";

    public bool IsOutside => Subdistrict < 0;
}
