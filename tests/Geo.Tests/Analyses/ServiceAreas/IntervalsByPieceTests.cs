using Geo.Analyses.ServiceAreas;
using Xunit;

namespace Geo.Tests.Analyses.ServiceAreas;

/// <summary>Intervals looked up by piece equal a grouping written plainly, in given order or stably by start.</summary>
public sealed class IntervalsByPieceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_randomIntervals_equalsAPlainGrouping(bool byStart)
    {
        var random = new Random(byStart ? 1 : 2);
        var intervals = Enumerable.Range(0, 2000)
            .Select(_ => new ReachedInterval(random.Next(0, 300), random.Next(0, 20), random.Next(20, 40)))
            .ToList();

        var byPiece = new IntervalsByPiece(intervals, 310, byStart);

        for (int piece = 0; piece < 310; piece++)
        {
            var expected = intervals.Where(x => x.Piece == piece).ToList();
            if (byStart) expected = expected.OrderBy(x => x.From).ToList();
            var found = byPiece.Of(piece);
            if (expected.Count == 0) Assert.Null(found);
            else Assert.Equal(expected, found);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shared_eitherOrder_equalsAPlainGrouping_andIsOneLookupWhenGivenInOrderOfStart(bool givenByStart)
    {
        var random = new Random(givenByStart ? 3 : 4);
        var intervals = Enumerable.Range(0, 2000)
            .Select(_ => new ReachedInterval(random.Next(0, 300), random.Next(0, 20), random.Next(20, 40)))
            .ToList();
        if (givenByStart) intervals = intervals.OrderBy(x => x.Piece).ThenBy(x => x.From).ToList();

        var given = IntervalsByPiece.Shared(intervals, 310, byStart: false);
        var sorted = IntervalsByPiece.Shared(intervals, 310, byStart: true);

        for (int piece = 0; piece < 310; piece++)
        {
            var expected = intervals.Where(x => x.Piece == piece).ToList();
            Assert.Equal(expected, given.Span(piece).ToArray());
            Assert.Equal(expected.OrderBy(x => x.From), sorted.Span(piece).ToArray());
        }
        Assert.Equal(givenByStart, ReferenceEquals(given, sorted));
        Assert.Same(sorted, IntervalsByPiece.Shared(intervals, 310, byStart: true));
        Assert.NotSame(given, IntervalsByPiece.Shared(intervals, 320, byStart: false));
    }

    [Fact]
    public void Of_nothingReached_isNullForEveryPiece()
    {
        var byPiece = new IntervalsByPiece(Array.Empty<ReachedInterval>(), 3, byStart: true);

        Assert.All(Enumerable.Range(0, 3), p => Assert.Null(byPiece.Of(p)));
    }
}
