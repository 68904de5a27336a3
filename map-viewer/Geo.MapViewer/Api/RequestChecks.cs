using System.Globalization;
using Geo.Analyses.Reach;
using Geo.Data.Model;
using Geo.MapViewer.Session;
using NetTopologySuite.Geometries;

namespace Geo.MapViewer.Api;

/// <summary>Checks of request parameters shared by the endpoints; each failure names the parameter and the allowed values.</summary>
internal static class RequestChecks
{
    public const int MaxLocations = 50;
    public const int MaxBreaks = 6;

    public static string Profile(ViewerSession session, string? profile)
    {
        string name = string.IsNullOrWhiteSpace(profile) ? session.Inputs.DefaultProfile : profile.Trim().ToLowerInvariant();
        if (!session.Profiles.Contains(name))
        {
            throw ApiProblemException.BadRequest($"profile '{profile}' is unknown: use one of {string.Join(", ", session.Profiles)}");
        }
        return name;
    }

    public static double Minutes(ViewerSession session, double? minutes, string parameter = "minutes")
    {
        double value = minutes ?? session.Inputs.DefaultMinutes;
        if (!double.IsFinite(value) || value <= 0 || value > Reachability.MaxMinutes)
        {
            throw ApiProblemException.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"{parameter} {value} is out of range: a break must be above 0 and at most {Reachability.MaxMinutes} minutes"));
        }
        return value;
    }

    /// <summary>Lon/lat pairs as stations, each snapped to the profile's streets or refused with the reason.</summary>
    public static IReadOnlyList<Station> Locations(ViewerSession session, string profile, double[][]? locations, string parameter, string idPrefix)
    {
        if (locations is null || locations.Length == 0) throw ApiProblemException.BadRequest($"{parameter} is missing: give at least one [lon, lat] pair");
        if (locations.Length > MaxLocations) throw ApiProblemException.BadRequest($"{parameter} has {locations.Length} entries; at most {MaxLocations} per request");
        var snapper = session.Snapper(profile);
        var stations = new List<Station>(locations.Length);
        for (int i = 0; i < locations.Length; i++)
        {
            var pair = locations[i];
            if (pair is null || pair.Length != 2) throw ApiProblemException.BadRequest($"{parameter}[{i}] must be a [lon, lat] pair");
            var snap = snapper.Snap(pair[0], pair[1]);
            if (!snap.IsSnapped) throw ApiProblemException.BadRequest($"{parameter}[{i}]: {snap.Reason}");
            stations.Add(new Station($"{idPrefix}{i + 1}", null, new Point(pair[0], pair[1]) { SRID = 4326 }));
        }
        return stations;
    }
}
