using Geo.Analyses.Pairing;
using Geo.Data.Model;
using Geo.Data.Synthetic;
using Geo.Streets;
using Geo.Streets.Snapping;
using Xunit;

namespace Geo.Tests.Analyses.Pairing;

/// <summary>
/// Travel times for a pairing without a cap: searches that stop once each subdistrict's own stations (or its nearest
/// station) are settled give those entries exactly as the full search does, on generated towns with one-ways, on
/// foot so that the needed stations lie beyond the first limit, both ways of travel, and stations off the streets.
/// </summary>
public sealed class StationTravelTimesTests
{
    [Theory]
    [InlineData(1, TravelDirection.ToStation, 60)]
    [InlineData(2, TravelDirection.FromStation, 60)]
    [InlineData(3, TravelDirection.ToStation, 25)]
    public void Compute_onlyTheNeededEntries_equalTheFullSearch(int seed, TravelDirection direction, double limitMinutes)
    {
        var city = SyntheticCity.Generate(new SyntheticCityOptions(Vertices: 3000, Stations: 40, Seed: seed));
        var graph = StreetGraphBuilder.Build(city, TravelProfile.BuiltIn("walk"));
        var snapper = new StreetSnapper(graph);
        var (areas, _) = PairingSubdistricts.Prepare(city.Subdistricts, Array.Empty<PointOfInterest>(), graph, snapper, 1);
        var random = new Random(seed);
        // A few stations far off the streets: never joined, whatever the limit.
        var snaps = city.Stations.Select(s => random.Next(10) == 0 ? SnapResult.NotSnapped("off the streets") : snapper.Snap(s.Geometry)).ToArray();
        var needed = areas.Select(_ => (IReadOnlyList<int>)(random.Next(3) == 0
            ? Array.Empty<int>()
            : Enumerable.Range(0, snaps.Length).Where(_ => random.Next(8) == 0).ToArray())).ToArray();
        double limit = limitMinutes * 60;

        var full = StationTravelTimes.Compute(graph, snaps, areas, limit, direction);
        var some = StationTravelTimes.Compute(graph, snaps, areas, limit, direction, needed);

        int beyondFirstLimit = 0;
        for (int i = 0; i < areas.Count; i++)
        {
            var wanted = needed[i].Count > 0 ? needed[i] : Nearest(full, i);
            foreach (int j in wanted)
            {
                Assert.Equal(full[i, j], some[i, j]);
                if (full[i, j] > StationTravelTimes.FirstLimitSeconds && double.IsFinite(full[i, j])) beyondFirstLimit++;
            }
            if (needed[i].Count == 0) Assert.Equal(Nearest(full, i), Nearest(some, i));
        }
        Assert.True(beyondFirstLimit > 0, "no needed station lies beyond the first limit");
    }

    /// <summary>Every station at the row's least finite time (ties included).</summary>
    private static int[] Nearest(double[,] seconds, int row)
    {
        var finite = Enumerable.Range(0, seconds.GetLength(1)).Where(j => double.IsFinite(seconds[row, j])).ToArray();
        if (finite.Length == 0) return finite;
        double least = finite.Min(j => seconds[row, j]);
        return finite.Where(j => seconds[row, j] == least).ToArray();
    }
}
