using Geo.Data.Model;
using Geo.Streets.Snapping;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Geo.Analyses.Pairing;

/// <summary>
/// A subdistrict ready for pairing: its valid lon/lat geometry, the same in the graph's metres (absolute projected
/// coordinates) prepared for point tests, and the reference point stations travel to, with where it joins the streets.
/// </summary>
public sealed record PairingSubdistrict(
    Subdistrict Source,
    Geometry Metric,
    IPreparedGeometry Prepared,
    Point InteriorMetric,
    Point Reference,
    string ReferenceKind,
    SnapResult ReferenceSnap)
{
    public long Id => Source.Id;
    public string Name => Source.Name;
}
