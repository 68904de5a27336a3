using System.Buffers;

namespace Geo.Analyses.ServiceAreas.Cells;

/// <summary>
/// Working arrays of patch labelling: a station's window's from the shared pool, a whole city's (tens of
/// MB, needed once or twice a run) from the heap, so the pool does not keep them for the rest of the process.
/// </summary>
internal static class ScratchInts
{
    private const int LargestPooled = 1 << 20;

    public static int[] Rent(int length) =>
        length > LargestPooled ? GC.AllocateUninitializedArray<int>(length) : ArrayPool<int>.Shared.Rent(length);

    public static void Return(int[] array)
    {
        if (array.Length <= LargestPooled) ArrayPool<int>.Shared.Return(array);
    }
}
