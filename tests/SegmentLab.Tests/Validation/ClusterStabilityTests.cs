using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Hennig's clusterboot with a tiny k-means written here: a noise segment dissolves, real blobs are stable.</summary>
public sealed partial class ClusterStabilityTests
{
    /// <summary>
    /// Four tight blobs of 50 in a row at x = 0, 10, 20, 30, and the same 15 noise points copied into each of the three
    /// gaps between them. Forced to k = 5, k-means gives each blob a segment and the fifth to the noise of one gap — but
    /// the gaps are alike, so which one it takes changes from resample to resample: that segment is noise.
    /// (Measured: the noise segment's mean Jaccard is 0.36, the blobs' 0.86–0.98.)
    /// </summary>
    private static (FeatureMatrix Data, int[] Truth) Planted()
    {
        var rng = new Random(42);
        var rows = new List<IReadOnlyList<double>>();
        var truth = new List<int>();
        for (int b = 0; b < 4; b++)
        {
            for (int i = 0; i < 50; i++)
            {
                rows.Add([(10 * b) + Gauss(rng), Gauss(rng)]);
                truth.Add(b);
            }
        }

        var noise = Enumerable.Range(0, 15).Select(_ => (X: 2 + (rng.NextDouble() * 6), Y: -3 + (rng.NextDouble() * 6))).ToArray();
        for (int gap = 0; gap < 3; gap++)
        {
            foreach (var (x, y) in noise)
            {
                rows.Add([(10 * gap) + x, y]);
                truth.Add(4 + gap);
            }
        }

        return (FeatureMatrix.FromRows(rows, ["x", "y"]), truth.ToArray());
    }

    private static double Gauss(Random rng) => 0.5 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Fact]
    public void The_noise_segment_is_flagged_and_the_blobs_are_stable()
    {
        var (data, _) = Planted();
        var labels = TinyKMeans(data, 5, CancellationToken.None);
        int noise = NoiseSegment(data, labels);
        var r = ClusterStability.Bootstrap(data, labels, (x, ct) => TinyKMeans(x, 5, ct), new StabilityOptions { Replicates = 40, Seed = 1 });
        Assert.Equal(40, r.Replicates);
        Assert.Equal(5, r.Segments.Count);
        Assert.Equal(noise, r.LeastStable!.Segment);
        Assert.True(r.Segments[noise].MeanJaccard < 0.5, $"noise segment: Jaccard {r.Segments[noise].MeanJaccard}");
        Assert.Equal(StabilityBand.Dissolved, r.Segments[noise].Band);
        Assert.True(r.Segments[noise].Dissolved > 20);
        foreach (var s in r.Segments.Where(s => s.Segment != noise))
        {
            Assert.True(s.MeanJaccard >= 0.75, $"segment {s.Segment}: Jaccard {s.MeanJaccard}");
            Assert.True(s.Band >= StabilityBand.Stable);
            Assert.Equal(0, s.Dissolved);
        }

        Assert.Equal(40, r.Segments[0].Jaccards.Count);
        Assert.Equal(r.Segments[0].Jaccards.Average(), r.Segments[0].MeanJaccard, 12);
        Assert.InRange(r.MeanAdjustedRandIndex, 0.5, 1);
    }

    [Fact]
    public void Same_seed_gives_the_same_result_whatever_the_thread_count()
    {
        var (data, truth) = Planted();
        IReadOnlyList<int> Refit(FeatureMatrix x, CancellationToken ct) => TinyKMeans(x, 5, ct);
        var one = ClusterStability.Bootstrap(data, truth, Refit, new StabilityOptions { Replicates = 12, Seed = 9, MaxDegreeOfParallelism = 1 });
        var many = ClusterStability.Bootstrap(data, truth, Refit, new StabilityOptions { Replicates = 12, Seed = 9, MaxDegreeOfParallelism = 3 });
        var other = ClusterStability.Bootstrap(data, truth, Refit, new StabilityOptions { Replicates = 12, Seed = 10 });
        Assert.Equal(one.Segments.SelectMany(s => s.Jaccards), many.Segments.SelectMany(s => s.Jaccards));
        Assert.Equal(one.AdjustedRandIndexes, many.AdjustedRandIndexes);
        Assert.NotEqual(one.AdjustedRandIndexes, other.AdjustedRandIndexes);
    }

    [Fact]
    public void A_refit_that_reproduces_the_partition_scores_one()
    {
        var (data, truth) = Planted();
        // The "refit" labels each resampled row by its true group: every segment is recovered exactly.
        var rowOf = new Dictionary<(float, float), int>();
        for (int i = 0; i < data.Rows; i++)
        {
            rowOf[(data[i, 0], data[i, 1])] = truth[i];
        }

        var r = ClusterStability.Bootstrap(data, truth, (x, _) => Enumerable.Range(0, x.Rows).Select(i => rowOf[(x[i, 0], x[i, 1])]).ToArray(),
            new StabilityOptions { Replicates = 5 });
        Assert.All(r.Segments, s => Assert.Equal(1.0, s.MeanJaccard, 12));
        Assert.All(r.Segments, s => Assert.Equal(StabilityBand.HighlyStable, s.Band));
        Assert.All(r.AdjustedRandIndexes, a => Assert.Equal(1.0, a, 12));
    }

    [Fact]
    public void Bad_refits_and_options_are_argument_errors()
    {
        var (data, truth) = Planted();
        Assert.Throws<ArgumentException>(() => ClusterStability.Bootstrap(data, truth, (_, _) => new int[3], new StabilityOptions { Replicates = 2 }));
        Assert.Throws<ArgumentException>(() => ClusterStability.Bootstrap(data, truth, (x, _) => new int[x.Rows].Select(_ => -1).ToArray(), new StabilityOptions { Replicates = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterStability.Bootstrap(data, truth, (x, _) => new int[x.Rows], new StabilityOptions { Replicates = 1 }));
        Assert.Throws<ArgumentException>(() => ClusterStability.Bootstrap(data, truth[1..], (x, _) => new int[x.Rows]));
    }

    [Theory]
    [InlineData(0.49, StabilityBand.Dissolved)]
    [InlineData(0.5, StabilityBand.Unstable)]
    [InlineData(0.6, StabilityBand.Pattern)]
    [InlineData(0.75, StabilityBand.Stable)]
    [InlineData(0.85, StabilityBand.HighlyStable)]
    public void Bands_follow_hennig(double jaccard, StabilityBand band) => Assert.Equal(band, ClusterStability.Band(jaccard));

    /// <summary>The segment whose members are farthest, on average, from their centre (the diffuse one).</summary>
    private static int NoiseSegment(FeatureMatrix x, int[] labels) =>
        Enumerable.Range(0, 5).MaxBy(s =>
        {
            var rows = Enumerable.Range(0, x.Rows).Where(i => labels[i] == s).ToArray();
            double cx = rows.Average(i => x[i, 0]), cy = rows.Average(i => x[i, 1]);
            return rows.Average(i => Math.Sqrt(((x[i, 0] - cx) * (x[i, 0] - cx)) + ((x[i, 1] - cy) * (x[i, 1] - cy))));
        });

    /// <summary>Lloyd's k-means, k-means++ seeding, best of 5 restarts: a stand-in for the real clusterer.</summary>
    internal static int[] TinyKMeans(FeatureMatrix x, int k, CancellationToken ct)
    {
        int n = x.Rows, d = x.Columns;
        int[] best = [];
        double bestInertia = double.MaxValue;
        // Seeded from the data, like a k-means with a random start: each resample gets its own start.
        var rng = new Random(x.Rows == 0 ? 0 : BitConverter.SingleToInt32Bits(x[0, 0]) ^ BitConverter.SingleToInt32Bits(x[x.Rows / 2, 1]));
        for (int restart = 0; restart < 5; restart++)
        {
            ct.ThrowIfCancellationRequested();
            var c = new double[k, d];
            int first = rng.Next(n);
            for (int j = 0; j < d; j++)
            {
                c[0, j] = x[first, j];
            }

            for (int m = 1; m < k; m++)
            {
                var d2 = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, m).Min(q => Dist2(x, i, c, q))).ToArray();
                double u = rng.NextDouble() * d2.Sum(), acc = 0;
                int pick = n - 1;
                for (int i = 0; i < n; i++)
                {
                    acc += d2[i];
                    if (acc >= u)
                    {
                        pick = i;
                        break;
                    }
                }

                for (int j = 0; j < d; j++)
                {
                    c[m, j] = x[pick, j];
                }
            }

            var labels = new int[n];
            for (int iter = 0; iter < 50; iter++)
            {
                for (int i = 0; i < n; i++)
                {
                    labels[i] = Enumerable.Range(0, k).MinBy(q => Dist2(x, i, c, q));
                }

                var sums = new double[k, d];
                var counts = new int[k];
                for (int i = 0; i < n; i++)
                {
                    counts[labels[i]]++;
                    for (int j = 0; j < d; j++)
                    {
                        sums[labels[i], j] += x[i, j];
                    }
                }

                for (int q = 0; q < k; q++)
                {
                    for (int j = 0; j < d && counts[q] > 0; j++)
                    {
                        c[q, j] = sums[q, j] / counts[q];
                    }
                }
            }

            double inertia = Enumerable.Range(0, n).Sum(i => Dist2(x, i, c, labels[i]));
            if (inertia < bestInertia)
            {
                (best, bestInertia) = (labels, inertia);
            }
        }

        return best;
    }

    private static double Dist2(FeatureMatrix x, int i, double[,] c, int q)
    {
        double s = 0;
        for (int j = 0; j < x.Columns; j++)
        {
            s += (x[i, j] - c[q, j]) * (x[i, j] - c[q, j]);
        }

        return s;
    }
}
