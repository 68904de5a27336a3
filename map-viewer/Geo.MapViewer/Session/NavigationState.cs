using System.Collections.Concurrent;
using Geo.Analyses.Navigation;

namespace Geo.MapViewer.Session;

/// <summary>
/// What navigation requests share, per travel profile: the station navigator (stations snapped, hours read,
/// nearest-station labellings cached per set of open stations) and the point-to-point router. Built on first use.
/// Opening hours are read in the data's time zone (<see cref="DataTimeZone"/>).
/// </summary>
public sealed class NavigationState(ViewerSession session)
{
    private readonly ConcurrentDictionary<string, Lazy<StationNavigator>> _navigators = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<StreetRouting>> _routing = new(StringComparer.OrdinalIgnoreCase);

    public TimeZoneInfo TimeZone { get; } = DataTimeZone.Decide(session.Extent, null);

    public StationNavigator Navigator(string profile) =>
        _navigators.GetOrAdd(profile, p => new Lazy<StationNavigator>(() => new StationNavigator(session.Snapper(p), session.Inputs.Stations))).Value;

    public StreetRouting Routing(string profile) =>
        _routing.GetOrAdd(profile, p => new Lazy<StreetRouting>(() => new StreetRouting(session.Snapper(p)))).Value;
}
