using SegmentLab.Features;

namespace SegmentLab.Tests.Properties;

/// <summary>
/// Small random inputs for the property tests, made from FsCheck-drawn seeds and sizes (FsCheck shrinks those, so a
/// failure reports the smallest seed/size that breaks the property).
/// </summary>
internal static class PropertyData
{
    /// <summary>Uniform noise in [−scale, scale): n × d, float32.</summary>
    public static FeatureMatrix Noise(int seed, int n, int d, double scale = 10)
    {
        var rng = new Random(seed);
        var v = new float[n * d];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
        }

        return new FeatureMatrix(v, n, d);
    }

    /// <summary>
    /// k well-separated Gaussian blobs (centres 50 apart on a diagonal lattice, unit spread), at least
    /// <paramref name="perBlob"/> rows each; returns the data and each row's blob.
    /// </summary>
    public static (FeatureMatrix Data, int[] Blob) Blobs(int seed, int k, int perBlob, int d)
    {
        var rng = new Random(seed);
        int n = k * perBlob;
        var v = new float[n * d];
        var blob = new int[n];
        for (int i = 0; i < n; i++)
        {
            int b = i % k;
            blob[i] = b;
            for (int j = 0; j < d; j++)
            {
                double centre = 50.0 * (j == b % d ? b + 1 : b / (double)d);
                v[(i * d) + j] = (float)(centre + Gaussian(rng));
            }
        }

        return (new FeatureMatrix(v, n, d), blob);
    }

    /// <summary>A seeded random permutation of 0 … n − 1.</summary>
    public static int[] Permutation(int seed, int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(p);
        return p;
    }

    /// <summary>Squared Euclidean distance in double precision.</summary>
    public static double Distance2(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double t = (double)a[j] - b[j];
            s += t * t;
        }

        return s;
    }

    /// <summary>True when two labelings define the same partition (equal up to renaming the segments).</summary>
    public static bool SamePartition(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var forward = new Dictionary<int, int>();
        var backward = new Dictionary<int, int>();
        for (int i = 0; i < a.Count; i++)
        {
            if (forward.TryGetValue(a[i], out int fb) ? fb != b[i] : !forward.TryAdd(a[i], b[i]))
            {
                return false;
            }

            if (backward.TryGetValue(b[i], out int ba) ? ba != a[i] : !backward.TryAdd(b[i], a[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
