using System.Runtime.Intrinsics;
using SegmentLab.Kernels;

namespace SegmentLab.Tests.Kernels;

public class CentroidDistancesTests
{
    private const int T = CentroidDistances.TileRows;

    private static float[] Random(int n, int seed, double scale = 10)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2 * scale) - scale)).ToArray();
    }

    [Fact]
    public void Every_tile_path_gives_the_same_bits_as_the_pairwise_reference()
    {
        foreach (int d in new[] { 1, 2, 3, 7, 8, 15, 16, 17, 31, 64, 100 })
        {
            foreach (int k in new[] { 1, 2, 3, 4, 5, 8, 9, 17 })
            {
                float[] tile = Random(d * T, (d * 100) + k);
                float[] centroids = Random(k * d, (d * 1000) + k);
                var expected = new int[T];
                var expectedBest = new float[T];
                var expectedSecond = new float[T];
                for (int lane = 0; lane < T; lane++)
                {
                    float[] row = Enumerable.Range(0, d).Select(j => tile[(j * T) + lane]).ToArray();
                    var dist = Enumerable.Range(0, k).Select(c => CentroidDistances.Pair(row, centroids.AsSpan(c * d, d))).ToArray();
                    expected[lane] = CentroidDistances.ArgMin2(dist, k, out expectedBest[lane], out expectedSecond[lane]);
                }

                AssertTile(CentroidDistances.TileNearestScalar, tile, centroids, k, d, expected, expectedBest, expectedSecond);
                if (Vector256.IsHardwareAccelerated)
                {
                    AssertTile(CentroidDistances.TileNearestVector256, tile, centroids, k, d, expected, expectedBest, expectedSecond);
                }

                if (Vector512.IsHardwareAccelerated)
                {
                    AssertTile(CentroidDistances.TileNearestVector512, tile, centroids, k, d, expected, expectedBest, expectedSecond);
                }

                var all = new float[k * T];
                CentroidDistances.TileToCentroids(tile, centroids, k, d, all);
                var allScalar = new float[k * T];
                CentroidDistances.TileToCentroidsScalar(tile, centroids, k, d, allScalar);
                Assert.Equal(allScalar, all);
                for (int lane = 0; lane < T; lane++)
                {
                    Assert.Equal(expectedBest[lane], all[(expected[lane] * T) + lane]);
                }
            }
        }
    }

    private delegate void TileKernel(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, Span<int> labels, Span<float> best, Span<float> second);

    private static void AssertTile(TileKernel kernel, float[] tile, float[] centroids, int k, int d, int[] labels, float[] best, float[] second)
    {
        var l = new int[T];
        var b = new float[T];
        var s = new float[T];
        kernel(tile, centroids, k, d, l, b, s);
        Assert.Equal(labels, l);
        Assert.Equal(best, b);
        Assert.Equal(second, s);
    }

    [Fact]
    public void Row_kernel_paths_agree_bit_for_bit_for_lengths_0_to_256()
    {
        for (int d = 0; d <= 256; d++)
        {
            int k = 1 + (d % 19);
            float[] x = Random(d, d);
            float[] centroids = Random(k * d, d + 7);
            var panel = new float[Math.Max(1, d * CentroidDistances.PanelStride(k))];
            CentroidDistances.Transpose(centroids, k, d, panel);
            var scalar = new float[CentroidDistances.PanelStride(k)];
            var vector = new float[CentroidDistances.PanelStride(k)];
            CentroidDistances.RowToCentroidsScalar(x, panel, k, scalar);
            CentroidDistances.RowToCentroidsVector(x, panel, k, vector);
            for (int c = 0; c < k; c++)
            {
                float pair = CentroidDistances.Pair(x, centroids.AsSpan(c * d, d));
                Assert.Equal(pair, scalar[c]);
                Assert.Equal(pair, vector[c]);
                Assert.Equal(VectorMath.SquaredEuclideanScalar(x, centroids.AsSpan(c * d, d)), pair, Math.Max(1e-5f * pair, 1e-6f));
            }
        }
    }

    [Fact]
    public void Ties_go_to_the_lowest_index_and_become_the_second_distance()
    {
        // Row (0,0) is 1 from centroids 1 and 2 (a tie) and 4 from centroid 0.
        float[] centroids = [2, 0, 1, 0, 0, 1];
        var tile = new float[2 * T];
        var labels = new int[T];
        var best = new float[T];
        var second = new float[T];
        CentroidDistances.TileNearest(tile, centroids, 3, 2, labels, best, second);
        Assert.All(labels, l => Assert.Equal(1, l));
        Assert.All(best, v => Assert.Equal(1f, v));
        Assert.All(second, v => Assert.Equal(1f, v));
        Assert.Equal(1, CentroidDistances.ArgMin2([4f, 1f, 1f], 3, out float b, out float s));
        Assert.Equal((1f, 1f), (b, s));
        Assert.Equal(0, CentroidDistances.ArgMin2([3f], 1, out _, out float lone));
        Assert.Equal(float.PositiveInfinity, lone);
    }

    [Fact]
    public void Tiles_are_feature_major_with_the_last_row_repeated_as_padding()
    {
        float[] x = [1, 2, 3, 4, 5, 6]; // 3 rows × 2
        float[] tiles = RowTiles.Build(x, 3, 2);
        Assert.Equal(2 * T, tiles.Length);
        Assert.Equal([1f, 3f, 5f, 5f], tiles[..4]);
        Assert.Equal([2f, 4f, 6f, 6f], tiles[T..(T + 4)]);
        Assert.Equal(5f, tiles[T - 1]);
        Assert.Equal(2, RowTiles.Count(17));
    }
}
