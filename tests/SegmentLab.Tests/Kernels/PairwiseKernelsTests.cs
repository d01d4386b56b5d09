using SegmentLab.Kernels;

namespace SegmentLab.Tests.Kernels;

/// <summary>Scalar reference vs vector paths (Vector256 and Vector512 panels) of the pairwise kernels over lengths 0–256.</summary>
public sealed class PairwiseKernelsTests
{
    private static float[] Random(Random rng, int n, double offset = 0) =>
        Enumerable.Range(0, n).Select(_ => (float)(offset + (rng.NextDouble() * 4) - 2)).ToArray();

    [Fact]
    public void Squared_distance_vector_path_equals_scalar_reference_for_lengths_0_to_256()
    {
        var rng = new Random(1);
        for (int n = 0; n <= 256; n++)
        {
            float[] a = Random(rng, n), b = Random(rng, n, offset: n % 3);
            double[] bd = b.Select(v => (double)v + 0.125).ToArray();
            double s = PairwiseKernels.SquaredDistanceScalar(a, b);
            Assert.Equal(s, PairwiseKernels.SquaredDistanceVector(a, b), Math.Max(1e-12, s * 1e-13));
            Assert.Equal(s, PairwiseKernels.SquaredDistance(a, b), Math.Max(1e-12, s * 1e-13));
            double sd = PairwiseKernels.SquaredDistanceScalar(a, bd);
            Assert.Equal(sd, PairwiseKernels.SquaredDistanceVector(a, bd), Math.Max(1e-12, sd * 1e-13));
            Assert.Equal(sd, PairwiseKernels.SquaredDistance(a, bd), Math.Max(1e-12, sd * 1e-13));
        }
    }

    [Fact]
    public void Squared_distance_rejects_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => PairwiseKernels.SquaredDistanceVector(new float[9], new float[8]));
        Assert.Throws<ArgumentException>(() => PairwiseKernels.SquaredDistanceScalar(new float[3], new double[2]));
    }

    [Theory]
    [InlineData(1, PairwiseDistanceSums.Width256)]
    [InlineData(3, PairwiseDistanceSums.Width256)]
    [InlineData(16, PairwiseDistanceSums.Width256)]
    [InlineData(17, PairwiseDistanceSums.Width256)]
    [InlineData(1, PairwiseDistanceSums.Width512)]
    [InlineData(16, PairwiseDistanceSums.Width512)]
    [InlineData(17, PairwiseDistanceSums.Width512)]
    [InlineData(5, PairwiseDistanceSums.ScalarWidth)]
    public void Blocked_distance_sums_equal_the_scalar_reference_for_0_to_256_rows(int dims, int width)
    {
        var rng = new Random(dims);
        for (int m = 0; m <= 256; m += dims == 16 ? 1 : 7)
        {
            // 4 query rows followed by m packed rows, some of them duplicates of the query rows (the exact fallback).
            int n = 4 + m;
            float[] original = Random(rng, n * dims, offset: 5);
            for (int r = 4; r < n; r += 5)
            {
                Array.Copy(original, (r % 4) * dims, original, r * dims, dims);
            }

            var (centred, norms) = Centre(original, n, dims);
            int[] order = Enumerable.Range(4, m).ToArray();
            var panels = PairwisePanels.Pack(centred, norms, dims, order, [0, m], width);
            var sums = new double[4];
            PairwiseDistanceSums.SumRowGroup(panels, 0, panels.PanelCount, centred, norms, original, [0, 1, 2, 3], sums);
            for (int r = 0; r < 4; r++)
            {
                double reference = PairwiseDistanceSums.SumRowScalar(panels, 0, panels.PanelCount, centred, norms, original, r);
                double exact = Enumerable.Range(4, m).Sum(j => PairwiseDistanceSums.ExactDistance(original, dims, r, j));
                Assert.Equal(reference, sums[r], Math.Max(1e-9, reference * 1e-6));
                Assert.Equal(exact, sums[r], Math.Max(1e-9, exact * 1e-5));
            }
        }
    }

    [Theory]
    [InlineData(PairwiseDistanceSums.Width256)]
    [InlineData(PairwiseDistanceSums.Width512)]
    public void Padded_lanes_add_nothing_and_self_pairs_are_exactly_zero(int width)
    {
        const int dims = 2;
        float[] original = [3, 4, 3, 4, 0, 0];   // rows 0 and 1 identical, row 2 at distance 5
        var (centred, norms) = Centre(original, 3, dims);
        var panels = PairwisePanels.Pack(centred, norms, dims, [0, 1, 2], [0, 3], width);   // 3 real lanes, the rest padded
        Span<double> sums = stackalloc double[4];
        PairwiseDistanceSums.SumRowGroup(panels, 0, 1, centred, norms, original, [0, 1, 2, 2], sums);
        Assert.Equal(5, sums[0], 12);    // 0 (self) + 0 (duplicate) + 5
        Assert.Equal(5, sums[1], 12);
        Assert.Equal(10, sums[2], 12);
    }

    private static (float[] Centred, float[] Norms) Centre(float[] x, int n, int dims)
    {
        var mean = new double[dims];
        for (int i = 0; i < x.Length; i++)
        {
            mean[i % dims] += x[i] / (double)n;
        }

        var centred = new float[x.Length];
        var norms = new float[n];
        for (int r = 0; r < n; r++)
        {
            double s = 0;
            for (int d = 0; d < dims; d++)
            {
                centred[(r * dims) + d] = (float)(x[(r * dims) + d] - mean[d]);
                s += (double)centred[(r * dims) + d] * centred[(r * dims) + d];
            }

            norms[r] = (float)s;
        }

        return (centred, norms);
    }
}
