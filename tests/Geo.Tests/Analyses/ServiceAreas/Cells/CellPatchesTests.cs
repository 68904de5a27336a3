using Geo.Analyses.ServiceAreas.Cells;

namespace Geo.Tests.Analyses.ServiceAreas.Cells;

/// <summary>Patches from runs against a textbook breadth-first flood fill over the four edge neighbours.</summary>
public class CellPatchesTests
{
    private static int[] FloodFill(byte[] cells, int w, int h, out int count)
    {
        var label = Enumerable.Repeat(-1, w * h).ToArray();
        count = 0;
        for (int start = 0; start < w * h; start++)
        {
            if (cells[start] == 0 || label[start] >= 0) continue;
            var queue = new Queue<int>();
            label[start] = count;
            queue.Enqueue(start);
            while (queue.TryDequeue(out int i))
            {
                int r = i / w, c = i % w;
                foreach (var (nr, nc) in new[] { (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1) })
                {
                    if (nr < 0 || nc < 0 || nr >= h || nc >= w) continue;
                    int j = nr * w + nc;
                    if (cells[j] == 0 || label[j] >= 0) continue;
                    label[j] = count;
                    queue.Enqueue(j);
                }
            }
            count++;
        }
        return label;
    }

    [Fact]
    public void Patches_randomMasks_partitionTheCellsAsAFloodFillDoes()
    {
        for (int seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            int w = random.Next(1, 60), h = random.Next(1, 60);
            double density = random.NextDouble();
            var cells = new byte[w * h];
            for (int i = 0; i < cells.Length; i++) cells[i] = (byte)(random.NextDouble() < density ? 1 : 0);
            // Combs and spirals join far-apart runs only through long detours.
            if (seed % 4 == 0) for (int r = 0; r < h; r++) for (int c = 0; c < w; c++) cells[r * w + c] = (byte)(c % 2 == 0 || r == (c % 4 == 1 ? 0 : h - 1) ? 1 : 0);

            AssertPartitionsLikeAFloodFill(cells, w, h);
        }
    }

    [Fact]
    public void Patches_cityWideMaskOfMoreThanAMillionRuns_partitionTheCellsAsAFloodFillDoes()
    {
        // Columns of cells one wide, broken every 40 rows, with a few bridges: 1.6 million runs, so every working
        // array is larger than the ones shared through the pool.
        int w = 2100, h = 1600;
        var cells = new byte[w * h];
        for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
        {
            cells[r * w + c] = (byte)((c % 2 == 0 && r % 40 < 39) || (r % 40 == 20 && c % 10 < 5) ? 1 : 0);
        }
        AssertPartitionsLikeAFloodFill(cells, w, h);
    }

    private static void AssertPartitionsLikeAFloodFill(byte[] cells, int w, int h)
    {
        var expected = FloodFill(cells, w, h, out int count);
        using var patches = new CellPatches(cells, w, h);

        Assert.Equal(count, patches.Count);
        var ourOfTheirs = new Dictionary<int, int>();
        for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
        {
            if (cells[r * w + c] == 0) continue;
            int ours = patches.Of((c, r));
            Assert.InRange(ours, 0, count - 1);
            // One patch of ours for each of theirs, and no patch of ours for two of theirs.
            Assert.Equal(ours, ourOfTheirs.TryGetValue(expected[r * w + c], out int seen) ? seen : ourOfTheirs[expected[r * w + c]] = ours);
        }
        Assert.Equal(count, ourOfTheirs.Values.Distinct().Count());
    }

    [Fact]
    public void Of_uncoveredCell_isRefused()
    {
        using var patches = new CellPatches(new byte[] { 1, 0, 1 }, 3, 1);
        Assert.Equal(2, patches.Count);
        Assert.Throws<ArgumentException>(() => patches.Of((1, 0)));
    }
}
