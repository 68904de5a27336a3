using Geo.Analyses.ServiceAreas.Cells;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

/// <summary>Runs of a row read a word at a time against a cell-by-cell scan.</summary>
public class CoveredRunsTests
{
    private static List<(int, int)> RunsCellByCell(byte[] row)
    {
        var runs = new List<(int, int)>();
        for (int c = 0; c < row.Length; c++)
        {
            if (row[c] == 0 || (c > 0 && row[c - 1] != 0)) continue;
            int end = c;
            while (end + 1 < row.Length && row[end + 1] != 0) end++;
            runs.Add((c, end));
        }
        return runs;
    }

    [Fact]
    public void Of_randomRows_givesTheRunsOfACellByCellScan()
    {
        var random = new Random(11);
        int[] lengths = { 0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 500 };
        for (int trial = 0; trial < 3000; trial++)
        {
            int length = trial < lengths.Length * 4 ? lengths[trial % lengths.Length] : random.Next(0, 400);
            var row = new byte[length];
            // All covered, none covered, then runs of every length, with covered values other than 1.
            double flip = trial % lengths.Length == 0 ? 0 : random.NextDouble() * 0.5;
            bool covered = trial % 3 != 1;
            for (int c = 0; c < length; c++)
            {
                if (random.NextDouble() < flip) covered = !covered;
                row[c] = (byte)(covered ? random.Next(1, 256) : 0);
            }
            var words = new List<(int, int)>();
            foreach (var run in CoveredRuns.Of(row)) words.Add(run);

            Assert.Equal(RunsCellByCell(row), words);
        }
    }
}
