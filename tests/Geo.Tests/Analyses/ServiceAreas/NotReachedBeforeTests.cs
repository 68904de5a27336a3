using Geo.Analyses.ServiceAreas;

namespace Geo.Tests.Analyses.ServiceAreas;

/// <summary>The intervals a break adds to the break before, against a plain membership test.</summary>
public class NotReachedBeforeTests
{
    [Fact]
    public void NotReachedBefore_randomNestedBreaks_keepsExactlyTheIntervalsTheBreakBeforeLacks()
    {
        var random = new Random(11);
        for (int round = 0; round < 300; round++)
        {
            // Pieces in a search order; the larger break reaches every piece the smaller does, and more of some.
            var order = Enumerable.Range(0, 40).OrderBy(_ => random.Next()).Take(random.Next(1, 40)).ToArray();
            var current = new List<ReachedInterval>();
            var before = new List<ReachedInterval>();
            foreach (int piece in order)
            {
                bool inBefore = random.Next(3) > 0;
                int parts = random.Next(1, 3);
                for (int k = 0; k < parts; k++)
                {
                    var x = new ReachedInterval(piece, k * 50, k * 50 + 20 + random.Next(20));
                    current.Add(x);
                    if (!inBefore) continue;
                    // The smaller break: the same interval, a shorter one, or none of this part.
                    switch (random.Next(3))
                    {
                        case 0: before.Add(x); break;
                        case 1: before.Add(x with { To = x.To - 5 }); break;
                    }
                }
            }
            var expected = current.Where(x => !before.Contains(x)).ToList();

            var actual = ServiceAreaAnalysis.NotReachedBefore(current.ToArray(), before.ToArray(), new List<ReachedInterval>());

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void NotReachedBefore_pieceOnlyTheSmallerBreakHas_skipsNothingItShouldNot()
    {
        var current = new[] { new ReachedInterval(1, 0, 10), new ReachedInterval(2, 0, 10) };
        var before = new[] { new ReachedInterval(3, 0, 10), new ReachedInterval(2, 0, 10) };

        var fresh = ServiceAreaAnalysis.NotReachedBefore(current, before, new List<ReachedInterval>());

        Assert.Contains(new ReachedInterval(1, 0, 10), fresh);
    }
}
