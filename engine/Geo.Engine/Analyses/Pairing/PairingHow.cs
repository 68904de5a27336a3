namespace Geo.Analyses.Pairing;

/// <summary>How a station and a subdistrict came to be paired.</summary>
public enum PairingHow
{
    /// <summary>The station stands inside the subdistrict.</summary>
    Inside,

    /// <summary>The subdistrict has no station inside and got the station nearest by travel time.</summary>
    Nearest,

    /// <summary>The subdistrict has no station inside and the per-station cap gave it another station than its nearest.</summary>
    Assigned,

    /// <summary>No pairing: a subdistrict no station can serve, or a station outside all subdistricts serving none.</summary>
    Unpaired,
}
