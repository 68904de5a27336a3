using Geo.Streets.Search;

namespace Geo.Tests.Streets.Search;

public class VertexHeapTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 50)]
    [InlineData(3, 1_000_000)]
    public void Vertices_comeOutInTheOrderDotNetsPriorityQueueGivesThem_tiesIncluded(int seed, int distinctTimes)
    {
        var random = new Random(seed);
        var heap = new VertexHeap();
        var reference = new PriorityQueue<int, double>();
        int taken = 0;
        for (int step = 0; step < 200_000; step++)
        {
            // Mostly in, some out, now and then emptied: queues of every size, with many equal times when few are drawn from.
            if (random.Next(3) > 0)
            {
                int vertex = random.Next(1_000_000);
                double seconds = random.Next(distinctTimes) * 0.25 + (random.Next(50) == 0 ? -0.0 : 0.0);
                heap.Enqueue(vertex, seconds);
                reference.Enqueue(vertex, seconds);
            }
            else
            {
                bool expected = reference.TryDequeue(out int expectedVertex, out double expectedSeconds);
                Assert.Equal(expected, heap.TryDequeue(out int vertex, out double seconds));
                if (!expected) continue;
                Assert.Equal((expectedVertex, expectedSeconds), (vertex, seconds));
                taken++;
            }
            Assert.Equal(reference.Count, heap.Count);
            if (random.Next(20_000) == 0)
            {
                heap.Clear();
                reference.Clear();
            }
        }
        while (reference.TryDequeue(out int expectedVertex, out double expectedSeconds))
        {
            Assert.True(heap.TryDequeue(out int vertex, out double seconds));
            Assert.Equal((expectedVertex, expectedSeconds), (vertex, seconds));
        }
        Assert.False(heap.TryDequeue(out _, out _));
        Assert.True(taken > 50_000);
    }
}
