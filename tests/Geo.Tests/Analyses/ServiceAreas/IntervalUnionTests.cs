using Geo.Analyses.ServiceAreas;

namespace Geo.Tests.Analyses.ServiceAreas;

public class IntervalUnionTests
{
    [Fact]
    public void Add_joinsOverlappingAndTouchingIntervals_keepsGapsApart()
    {
        var union = new IntervalUnion(2);
        union.Add(0, 5, 6);
        union.Add(0, 1, 2);
        union.Add(0, 2, 3);        // touches [1, 2]
        union.Add(0, 8, 9);
        union.Add(0, 2.5, 8);      // bridges [1, 3], [5, 6] and [8, 9]
        union.Add(1, 4, 4);        // a single point
        union.Add(1, 4.5, 7);

        var result = IntervalUnion.Combine(new[] { union });

        Assert.Equal(new[] { new ReachedInterval(0, 1, 9), new ReachedInterval(1, 4, 4), new ReachedInterval(1, 4.5, 7) }, result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Combine_ofRandomIntervalsOnSeveralUnions_isTheBruteForceUnion(int seed)
    {
        var random = new Random(seed);
        const int pieces = 40;
        // Ends on a coarse grid, so that equal starts, equal ends, touching ends, nesting and points all occur.
        var all = new List<ReachedInterval>();
        for (int i = 0; i < 600; i++)
        {
            double from = random.Next(0, 40) * 0.5, to = from + random.Next(0, 6) * 0.5;
            all.Add(new ReachedInterval(random.Next(pieces), from, to));
        }
        var unions = Enumerable.Range(0, 3).Select(_ => new IntervalUnion(pieces)).ToArray();
        for (int i = 0; i < all.Count; i++) unions[random.Next(unions.Length)].Add(all[i].Piece, all[i].From, all[i].To);

        var result = IntervalUnion.Combine(unions);

        Assert.Equal(BruteForceUnion(all, pieces), result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void WithLengths_wholePiecesAmongPartsAndStretchesBeyondTheEnds_isTheBruteForceUnion(int seed)
    {
        var random = new Random(seed);
        const int pieces = 30;
        var lengths = Enumerable.Range(0, pieces).Select(_ => random.Next(2, 12) * 0.5f).ToArray();
        // Whole pieces (0 to exactly the length) among parts that nest in, touch or cross them, and a few stretches
        // before the start or past the end, which a whole piece must not swallow.
        var all = new List<ReachedInterval>();
        for (int i = 0; i < 500; i++)
        {
            int p = random.Next(pieces);
            double from = random.Next(0, (int)(lengths[p] * 2) + 1) * 0.5, to = from + random.Next(0, 6) * 0.5;
            if (random.Next(20) == 0) from -= 1;
            else if (random.Next(19) != 0) to = Math.Min(to, lengths[p]);
            all.Add(random.Next(3) == 0 ? new ReachedInterval(p, 0, lengths[p]) : new ReachedInterval(p, from, to));
        }
        var unions = Enumerable.Range(0, 3).Select(_ => new IntervalUnion(lengths)).ToArray();
        foreach (var x in all) unions[random.Next(unions.Length)].Add(x.Piece, x.From, x.To);

        var result = IntervalUnion.Combine(unions);

        Assert.Equal(BruteForceUnion(all, pieces), result);
        Assert.Contains(result, x => x.From == 0 && x.To == lengths[x.Piece]);
        Assert.Contains(result, x => x.From < 0 || x.To > lengths[x.Piece]);
    }

    [Fact]
    public void WithLengths_aWholePieceThenAStretchPastItsEnd_joinsBoth()
    {
        var union = new IntervalUnion(new[] { 10f });
        union.Add(0, 0, 10);
        union.Add(0, 4, 6);
        union.Add(0, 9, 12);

        Assert.Equal(new[] { new ReachedInterval(0, 0, 12) }, IntervalUnion.Combine(new[] { union }));
    }

    [Fact]
    public void Combine_isWhatTheMergeOfAllIntervalsAtOnceGives()
    {
        var random = new Random(7);
        var all = Enumerable.Range(0, 5000).Select(_ =>
        {
            double from = random.NextDouble() * 100;
            return new ReachedInterval(random.Next(300), from, from + random.NextDouble() * 3);
        }).ToList();
        var union = new IntervalUnion(300);
        union.Add(all);

        Assert.Equal(ServiceAreaAnalysis.MergeIntervals(all), IntervalUnion.Combine(new[] { union }));
    }

    /// <summary>Per piece: joins any two intervals that overlap or touch until none do, then lists them by start.</summary>
    private static List<ReachedInterval> BruteForceUnion(List<ReachedInterval> all, int pieces)
    {
        var result = new List<ReachedInterval>();
        for (int p = 0; p < pieces; p++)
        {
            var parts = all.Where(x => x.Piece == p).Select(x => (x.From, x.To)).ToList();
            bool joined = true;
            while (joined)
            {
                joined = false;
                for (int a = 0; a < parts.Count && !joined; a++)
                {
                    for (int b = a + 1; b < parts.Count && !joined; b++)
                    {
                        if (parts[b].From > parts[a].To || parts[a].From > parts[b].To) continue;
                        parts[a] = (Math.Min(parts[a].From, parts[b].From), Math.Max(parts[a].To, parts[b].To));
                        parts.RemoveAt(b);
                        joined = true;
                    }
                }
            }
            result.AddRange(parts.OrderBy(x => x.From).Select(x => new ReachedInterval(p, x.From, x.To)));
        }
        return result;
    }
}
