using System.Runtime.CompilerServices;
namespace SegmentLab.Kernels;

/// <summary>
/// Row-major data regrouped into tiles of <see cref="CentroidDistances.TileRows"/> rows stored feature-major
/// (<c>tile[t][j × 16 + lane]</c> = x[16t + lane, j]), so one vector holds one feature of 16 rows and the
/// assignment kernel needs no horizontal sums. The last tile is padded by repeating the last row (finite values;
/// callers ignore the padding lanes).
/// </summary>
internal static class RowTiles
{
    /// <summary>Number of tiles for <paramref name="rows"/> rows.</summary>
    public static int Count(int rows) => (rows + CentroidDistances.TileRows - 1) / CentroidDistances.TileRows;

    /// <summary>Builds the tiled copy of a row-major rows × d matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] Build(float[] x, int rows, int d, int threads = 1)
    {
        const int T = CentroidDistances.TileRows;
        if ((long)rows * d > x.Length)
        {
            throw new ArgumentException($"{rows} × {d} needs {(long)rows * d} values; {x.Length} were given.");
        }

        var tiles = new float[(long)Count(rows) * d * T];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Fill(int tile)
        {
            Span<float> block = tiles.AsSpan(tile * d * T, d * T);
            for (int lane = 0; lane < T; lane++)
            {
                ReadOnlySpan<float> row = x.AsSpan(Math.Min((tile * T) + lane, rows - 1) * d, d);
                for (int j = 0; j < row.Length; j++)
                {
                    block[(j * T) + lane] = row[j];
                }
            }
        }

        // Each tile is written by one thread only, so the result does not depend on the thread count.
        const int PerBlock = 256;
        int blocks = (Count(rows) + PerBlock - 1) / PerBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b =>
        {
            for (int tile = b * PerBlock; tile < Math.Min(Count(rows), (b + 1) * PerBlock); tile++)
            {
                Fill(tile);
            }
        });

        return tiles;
    }
}
