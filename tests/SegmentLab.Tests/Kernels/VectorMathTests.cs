using SegmentLab.Kernels;

namespace SegmentLab.Tests.Kernels;

public class VectorMathTests
{
    private static (float[] A, float[] B) Random(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new float[n];
        var b = new float[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (float)((rng.NextDouble() * 20) - 10);
            b[i] = (float)((rng.NextDouble() * 20) - 10);
        }

        return (a, b);
    }

    [Fact]
    public void Vector_paths_match_the_scalar_reference_for_lengths_0_to_256()
    {
        for (int n = 0; n <= 256; n++)
        {
            var (a, b) = Random(n, n);
            float se = VectorMath.SquaredEuclideanScalar(a, b);
            Assert.Equal(se, VectorMath.SquaredEuclideanVector(a, b), Math.Max(1e-5f * se, 1e-6f));
            float dot = VectorMath.DotScalar(a, b);
            float scale = VectorMath.DotScalar(a, a) + 1;
            Assert.Equal(dot, VectorMath.DotVector(a, b), 1e-5f * scale);
            double norm = VectorMath.SquaredNormScalar(a);
            Assert.Equal(norm, VectorMath.SquaredNormVector(a), 1e-12 * (norm + 1));

            // Element-wise float64 accumulation: both paths must agree exactly.
            var s1 = Enumerable.Range(0, n).Select(i => i * 0.25).ToArray();
            var s2 = (double[])s1.Clone();
            VectorMath.AddScaledScalar(a, 1.5, s1);
            VectorMath.AddScaledVector(a, 1.5, s2);
            Assert.Equal(s1, s2);
        }
    }

    [Fact]
    public void Hand_worked_values()
    {
        float[] a = [1, 2, 3], b = [4, 6, 3];
        Assert.Equal(25f, VectorMath.SquaredEuclidean(a, b));
        Assert.Equal(25f, VectorMath.Dot(a, b));
        Assert.Equal(14.0, VectorMath.SquaredNorm(a));
        var norms = new double[2];
        VectorMath.SquaredRowNorms([1, 2, 3, 4, 6, 3], 3, norms);
        Assert.Equal([14.0, 61.0], norms);
        Assert.Equal(0f, VectorMath.SquaredEuclidean([], []));
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.SquaredEuclidean([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => VectorMath.Dot([1], [1, 2]));
    }
}
