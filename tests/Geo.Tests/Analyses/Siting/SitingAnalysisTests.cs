using Geo.Analyses.Demand;
using Geo.Analyses.Siting;
using Geo.Data.Model;
using Geo.Streets;
using Geo.Streets.Snapping;

namespace Geo.Tests.Analyses.Siting;

public class SitingAnalysisTests
{
    private static StreetSnapper Snapper(TestCity city, string profile = "ebike") => new(StreetGraphBuilder.Build(city.ToDataset(), TravelProfile.BuiltIn(profile)));

    private static Station At(string id, double x, double y) => new(id, id, TestCity.PointAt(x, y));

    /// <summary>A one-way square loop of four 100 m pieces, anticlockwise: (0,0) → (100,0) → (100,100) → (0,100) → (0,0).</summary>
    private static TestCity OneWayLoop() => new TestCity()
        .Street(1, 2, new[] { (0.0, 0.0), (100.0, 0.0) }, oneway: true)
        .Street(2, 3, new[] { (100.0, 0.0), (100.0, 100.0) }, oneway: true)
        .Street(3, 4, new[] { (100.0, 100.0), (0.0, 100.0) }, oneway: true)
        .Street(4, 1, new[] { (0.0, 100.0), (0.0, 0.0) }, oneway: true);

    private static int PieceStartingAt(StreetGraph graph, long osmNode) =>
        Enumerable.Range(0, graph.Pieces.Count).Single(s => graph.VertexOsmId[graph.Pieces.FromVertex[s]] == osmNode);

    [Fact]
    public void CoverageSets_oneWayLoop_unitToStationCountsTheRiderTrip()
    {
        // By e-bike 100 m take 24 s. The station stands at (0,0). The midpoint of the piece arriving there, (0,50), is 12 s
        // from the station for a rider; the midpoint of the piece leaving it, (50,0), is 12 s away only for the station's
        // reach: a rider there must ride on round the loop, 50 + 200 m = 60 s.
        var snapper = Snapper(OneWayLoop());
        var graph = snapper.Graph;
        var demand = DemandUnits.StreetKm(graph);
        int arriving = PieceStartingAt(graph, 4), leaving = PieceStartingAt(graph, 1);
        var station = new[] { snapper.Snap(TestCity.PointAt(0, 0)) };

        var toStation = CoverageSets.Build(graph, demand, station, 30, TravelDirection.ToStation)[0].Select(u => demand.Piece[u]).ToList();
        var fromStation = CoverageSets.Build(graph, demand, station, 30, TravelDirection.FromStation)[0].Select(u => demand.Piece[u]).ToList();

        Assert.Contains(arriving, toStation);
        Assert.DoesNotContain(leaving, toStation);
        Assert.Contains(leaving, fromStation);
        Assert.DoesNotContain(arriving, fromStation);
    }

    [Fact]
    public void CoverageSets_oneWayLoop_unitOnTheStationsOwnPieceIsTimedAlongIt()
    {
        // Station at (60,0) on the first piece; a demand point at (20,0) is 40 m (9.6 s) before it for a rider, but the
        // station reaches it only round the loop (40 + 300 + 20 m = 86.4 s).
        var snapper = Snapper(OneWayLoop());
        var graph = snapper.Graph;
        var demand = DemandUnits.FromPoints(snapper, new[] { new DemandPoint("t", 1, TestCity.PointAt(20, 0)) });
        var station = new[] { snapper.Snap(TestCity.PointAt(60, 0)) };

        Assert.Single(CoverageSets.Build(graph, demand, station, 10, TravelDirection.ToStation)[0]);
        Assert.Empty(CoverageSets.Build(graph, demand, station, 80, TravelDirection.FromStation)[0]);
        Assert.Single(CoverageSets.Build(graph, demand, station, 90, TravelDirection.FromStation)[0]);
    }

    [Fact]
    public void DemandUnits_streetKm_onePerPieceWeighingItsLength()
    {
        var graph = Snapper(TestCity.Grid(3, 3)).Graph;

        var demand = DemandUnits.StreetKm(graph);

        Assert.Equal(12, demand.Count);
        Assert.Equal(1.2, demand.TotalWeight, 3);
        Assert.All(demand.Fraction, f => Assert.Equal(0.5, f));
    }

    [Fact]
    public void DemandUnits_pointsFarFromStreets_areCountedNotDropped()
    {
        var snapper = Snapper(TestCity.Grid(3, 3));
        var points = new[]
        {
            new DemandPoint("t", 2, TestCity.PointAt(50, 10)),
            new DemandPoint("t", 5, TestCity.PointAt(50, 1000)),
        };

        var demand = DemandUnits.FromPoints(snapper, points);

        Assert.Equal(1, demand.Count);
        Assert.Equal(2, demand.TotalWeight);
        Assert.Equal(1, demand.UnsnappedCount);
        Assert.Equal(5, demand.UnsnappedWeight);
    }

    [Fact]
    public void CandidateGrid_200mOver400mGrid_oneJunctionPerCellNearestItsCentre()
    {
        var graph = Snapper(TestCity.Grid(5, 5)).Graph;

        var vertices = CandidateGrid.Vertices(graph, 200);

        // Junctions at 0..400 m: cells [0,200), [200,400), [400,600) each way hold 2, 2 and 1 junction rows: 9 cells.
        Assert.Equal(9, vertices.Count);
        Assert.Equal(vertices.Count, vertices.Distinct().Count());
        Assert.Equal(200.0, CandidateGrid.ParseSpacing("grid:200m"));
        Assert.Equal(500.0, CandidateGrid.ParseSpacing("grid:0.5km"));
        Assert.Null(CandidateGrid.ParseSpacing("candidates"));
        Assert.Throws<GeoInputException>(() => CandidateGrid.ParseSpacing("grid:abc"));
    }

    [Fact]
    public void Prepare_candidatesAtExistingStations_areLeftOutAndNeverChosen()
    {
        var snapper = Snapper(TestCity.Grid(8, 8));
        var existing = new[] { At("s1", 0, 0), At("s2", 700, 700), At("s3", 300, 400) };
        var candidates = CandidateGrid.Stations(snapper.Graph, 100);

        var problem = SitingAnalysis.Prepare(snapper, existing, candidates, DemandUnits.StreetKm(snapper.Graph), new SitingOptions(1));
        var solution = MaximalCovering.Solve(problem.Instance, 4, new SolverOptions(TimeSpan.FromSeconds(20)));

        Assert.Equal(64 - 3, problem.Candidates.Count);
        Assert.Contains(problem.Warnings, w => w.Contains("3 candidates stand where a station already is"));
        var chosenPoints = solution.Sites.Select(s => snapper.Graph.ToLocal(problem.PointOf(s)).Coordinate).ToList();
        foreach (var e in existing)
        {
            var at = snapper.Graph.ToLocal(e.Geometry).Coordinate;
            Assert.DoesNotContain(chosenPoints, c => c.Distance(at) < 1);
        }
        Assert.True(solution.Coverage >= solution.ExistingCoverage);
    }

    [Fact]
    public void Prepare_addingAnExistingStation_neverLowersCoverage()
    {
        var snapper = Snapper(TestCity.Grid(8, 8));
        var demand = DemandUnits.StreetKm(snapper.Graph);
        var candidates = CandidateGrid.Stations(snapper.Graph, 200);
        var options = new SolverOptions(TimeSpan.FromSeconds(20));
        var one = SitingAnalysis.Prepare(snapper, new[] { At("s1", 150, 150) }, candidates, demand, new SitingOptions(1));
        var two = SitingAnalysis.Prepare(snapper, new[] { At("s1", 150, 150), At("s2", 650, 650) }, candidates, demand, new SitingOptions(1));

        Assert.True(two.Instance.ExistingWeight > one.Instance.ExistingWeight);
        Assert.True(MaximalCovering.Solve(two.Instance, 2, options).Coverage >= MaximalCovering.Solve(one.Instance, 2, options).Coverage - 1e-9);
    }

    [Fact]
    public void Prepare_noCandidates_saysTheLayerIsEmpty()
    {
        var snapper = Snapper(TestCity.Grid(3, 3));

        var e = Assert.Throws<GeoInputException>(() =>
            SitingAnalysis.Prepare(snapper, Array.Empty<Station>(), Array.Empty<Station>(), DemandUnits.StreetKm(snapper.Graph), new SitingOptions()));

        Assert.Contains("candidate layer is empty", e.Message);
    }

    [Fact]
    public void Prepare_everyCandidateIsAStation_saysThereIsNowhereNew()
    {
        var snapper = Snapper(TestCity.Grid(3, 3));
        var stations = new[] { At("a", 0, 0), At("b", 200, 200) };

        var e = Assert.Throws<GeoInputException>(() =>
            SitingAnalysis.Prepare(snapper, stations, stations, DemandUnits.StreetKm(snapper.Graph), new SitingOptions()));

        Assert.Contains("nowhere new", e.Message);
    }

    [Fact]
    public void Prepare_streetDemand_coversWhatTheBreakReachesByHand()
    {
        // 3×3 grid of 100 m blocks by e-bike (24 s per block); a station at the centre junction (100,100) within 30 s
        // reaches the four pieces touching it at their midpoints (12 s) and no other midpoint (36 s or more).
        var snapper = Snapper(TestCity.Grid(3, 3));
        var problem = SitingAnalysis.Prepare(snapper, new[] { At("c", 100, 100) }, new[] { At("n", 0, 0) },
            DemandUnits.StreetKm(snapper.Graph), new SitingOptions(0.5));

        Assert.Equal(0.4, problem.Instance.ExistingWeight, 3);
        Assert.Equal(1.2, problem.Instance.TotalWeight, 3);
        // The corner candidate reaches its own two pieces' midpoints.
        Assert.Equal(2, problem.Instance.Sets[0].Length);
    }
}
