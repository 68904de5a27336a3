using Geo.Data.Model;

namespace Geo.Data.Stations;

/// <summary>The stations an analysis runs on and where they come from, said the same way in every output.</summary>
public sealed record ChosenStations(IReadOnlyList<Station> Stations, string Source)
{
    private const int NamesShown = 6;

    /// <summary>"4 stations: post offices from the OSM POIs: 交大邮局, Post Office, …".</summary>
    public string Headline
    {
        get
        {
            if (Stations.Count == 0) return $"no stations: {Source}";
            var names = Stations.Take(NamesShown).Select(s => string.IsNullOrWhiteSpace(s.Name) ? $"#{s.Id}" : s.Name!.Trim());
            string more = Stations.Count > NamesShown ? $", … ({Stations.Count - NamesShown} more)" : "";
            return $"{Stations.Count} station{(Stations.Count == 1 ? "" : "s")}: {Source}: {string.Join(", ", names)}{more}";
        }
    }
}
