using System.Globalization;
using Geo.Coordinates;
using Geo.Data.Features;
using Geo.Data.Files;
using Geo.Data.Model;
using Geo.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Data.Subdistricts;

/// <summary>
/// The areas coverage is reported by: a layer or table of the store (name column), the dataset's subdistricts
/// at one admin level (<c>admin:8</c>), or square planning cells (网格) of a given size over the streets
/// (<c>cells:1km</c>) for data without boundaries. Invalid polygons are repaired and reported by id.
/// </summary>
public static class SubdistrictSource
{
    public sealed record Loaded(IReadOnlyList<Subdistrict> Subdistricts, string Description, IReadOnlyList<string> Warnings)
    {
        public UnitKind Kind { get; init; } = UnitKinds.FromNames(Subdistricts.Select(s => s.Name));
    }

    /// <param name="crs">The CRS of a boundary file or layer the user names (gcj02 for web-map outlines); the dataset's own are lon/lat.</param>
    public static Loaded Load(string? spec, IFeatureStore store, StreetDataset dataset, StreetGraph graph, InputCrs? crs = null)
    {
        var warnings = new List<string>();
        if (spec is null)
        {
            if (dataset.Subdistricts.Count > 0)
            {
                int level = dataset.Subdistricts.Max(s => s.AdminLevel);
                return Checked(dataset.Subdistricts.Where(s => s.AdminLevel == level).ToList(), $"the dataset's subdistricts (admin_level {level})", warnings);
            }
            warnings.Add("the dataset has no subdistrict boundaries: coverage is reported by 1 km planning cells (网格); pass --subdistricts to use real ones");
            return Checked(PlanningCells.Over(graph, 1000), "1 km planning cells (网格)", warnings) with { Kind = UnitKind.PlanningCell };
        }
        if (spec.StartsWith("admin:", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(spec[6..], NumberStyles.None, CultureInfo.InvariantCulture, out int level))
            {
                throw new GeoInputException($"--subdistricts '{spec}': admin level must be a whole number");
            }
            var chosen = dataset.Subdistricts.Where(s => s.AdminLevel == level).ToList();
            if (chosen.Count == 0)
            {
                var levels = dataset.Subdistricts.Select(s => s.AdminLevel).Distinct().Order().ToList();
                throw new GeoInputException($"no subdistricts at admin_level {level} (levels present: {(levels.Count == 0 ? "none" : string.Join(", ", levels))})");
            }
            return Checked(chosen, $"subdistricts at admin_level {level}", warnings);
        }
        if (spec.StartsWith("cells:", StringComparison.OrdinalIgnoreCase))
        {
            string size = spec[6..].Trim().ToLowerInvariant();
            double factor = size.EndsWith("km") ? 1000 : 1;
            size = size.TrimEnd('k', 'm');
            if (!double.TryParse(size, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value * factor < 100 || value * factor > 20000)
            {
                throw new GeoInputException($"--subdistricts '{spec}': cell size must be between 100 m and 20 km, e.g. cells:1km");
            }
            return Checked(PlanningCells.Over(graph, value * factor), $"{value * factor:0} m planning cells (网格)", warnings) with { Kind = UnitKind.PlanningCell };
        }
        crs ??= InputCrs.Wgs84;
        if (InputLayerFile.IsFile(spec))
        {
            var file = InputLayerFile.Read(spec, crs);
            if (file.Features.Count == 0) throw new GeoInputException($"{spec} holds no boundaries");
            return Checked(DatasetLayers.ReadSubdistricts(file).ToList(), $"{Path.GetFileName(spec)}{CrsNote(crs)}", warnings);
        }
        LayerName.Require(spec, "subdistrict layer");
        var layer = store.ReadLayer(spec);
        if (layer.Features.Count == 0) throw new GeoInputException($"subdistrict layer '{spec}' is empty");
        var read = DatasetLayers.ReadSubdistricts(layer).Select(d => crs.IsWgs84 ? d : d with { Geometry = crs.ToWgs84(d.Geometry) }).ToList();
        RequireNearStreets(read, graph, $"subdistrict layer '{spec}'");
        return Checked(read, $"layer '{spec}'{CrsNote(crs)}", warnings);
    }

    /// <summary>
    /// How far a subdistrict may reach beyond the streets, in degrees (about 100 km): a real 街道 or 乡镇 cut by an
    /// extract's edge stays well within it; a polygon reaching further is another place or broken coordinates.
    /// </summary>
    private const double FarBeyondDegrees = 1;

    private static void RequireNearStreets(List<Subdistrict> subdistricts, StreetGraph graph, string where)
    {
        var streets = new Envelope();
        foreach (var piece in graph.Pieces.Source) streets.ExpandToInclude(piece.Geometry.EnvelopeInternal);
        var near = new Envelope(streets);
        near.ExpandBy(FarBeyondDegrees);
        string extent = string.Create(CultureInfo.InvariantCulture, $"lon {streets.MinX:0.###}..{streets.MaxX:0.###}, lat {streets.MinY:0.###}..{streets.MaxY:0.###}");
        foreach (var s in subdistricts)
        {
            var e = s.Geometry.EnvelopeInternal;
            if (!e.Intersects(streets))
            {
                throw new GeoInputException($"{where}: subdistrict '{s.Name}' lies outside the streets of the data ({extent}): is it the same city, in lon/lat?");
            }
            if (!near.Contains(e))
            {
                throw new GeoInputException($"{where}: subdistrict '{s.Name}' reaches far beyond the streets of the data ({extent}; it spans lon {e.MinX:0.###}..{e.MaxX:0.###}, lat {e.MinY:0.###}..{e.MaxY:0.###}): check its coordinates");
            }
        }
    }

    private static string CrsNote(InputCrs crs) => crs.IsWgs84 ? "" : $", converted from {crs.Name}";

    private static Loaded Checked(List<Subdistrict> subdistricts, string description, List<string> warnings) =>
        new(SubdistrictCheck.Valid(subdistricts, description, warnings), description, warnings);
}
