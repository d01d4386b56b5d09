using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Exact silhouette: scikit-learn parity, published iris values, a naive float64 reference, determinism.</summary>
public sealed partial class SilhouetteTests
{
    public static TheoryData<string> CaseNames => [.. SilhouetteFixtures.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Exact_matches_scikit_learn_samples_and_score(string name)
    {
        var c = SilhouetteFixtures.Case(name);
        var s = Silhouette.Exact(c.X, c.Labels);
        Assert.Equal(SilhouetteMethod.Exact, s.Method);
        Assert.Equal(c.X.Rows, s.Samples.Count);
        Assert.Equal(Enumerable.Range(0, c.X.Rows), s.SampleRows);
        for (int i = 0; i < c.Samples.Length; i++)
        {
            Assert.True(Math.Abs(c.Samples[i] - s.Samples[i]) <= 1e-5, $"row {i}: sklearn {c.Samples[i]}, SegmentLab {s.Samples[i]}");
        }

        Assert.Equal(c.Silhouette, s.Mean, 1e-5);
        Assert.Null(s.ConfidenceLow);
        Assert.Null(s.ConfidenceHigh);
    }

    [Theory]
    [InlineData(2, 0.6810)]
    [InlineData(3, 0.5528)]
    [InlineData(4, 0.4981)]
    public void Iris_k_means_optimum_gives_the_published_silhouette(int k, double published)
    {
        var opt = SilhouetteFixtures.Iris.Single(o => o.K == k);
        var s = Silhouette.Exact(Decomposition.PcaFixtures.Iris, opt.Labels);
        Assert.Equal(published, s.Mean, 0.00005);
        Assert.Equal(opt.Silhouette, s.Mean, 1e-6);
    }

    [Fact]
    public void Singleton_segment_scores_zero_and_segment_means_are_per_label()
    {
        var c = SilhouetteFixtures.Case("singleton_58x5_k4");
        var s = Silhouette.Exact(c.X, c.Labels);
        int single = Array.IndexOf(c.Labels, 3);
        Assert.Equal(0, s.Samples[single]);
        Assert.Equal(0, s.SegmentMeans[3]);
        for (int l = 0; l < 3; l++)
        {
            double expected = Enumerable.Range(0, c.Labels.Length).Where(i => c.Labels[i] == l).Average(i => s.Samples[i]);
            Assert.Equal(expected, s.SegmentMeans[l], 12);
        }
    }

    [Fact]
    public void Label_gaps_give_NaN_segment_means_for_the_empty_labels()
    {
        var c = SilhouetteFixtures.Case("label_gaps_45x3");
        var s = Silhouette.Exact(c.X, c.Labels);
        Assert.Equal(6, s.SegmentMeans.Count);
        Assert.True(double.IsNaN(s.SegmentMeans[1]) && double.IsNaN(s.SegmentMeans[3]) && double.IsNaN(s.SegmentMeans[4]));
        Assert.False(double.IsNaN(s.SegmentMeans[5]));
    }

    [Fact]
    public void Hand_worked_example()
    {
        // Points 0, 1 on a line in segment 0 and 4 in segment 1: s(0) = (4 − 1)/4, s(1) = (3 − 1)/3, s(2) = 0 (singleton).
        var x = new FeatureMatrix([0f, 1f, 4f], 3, 1);
        var s = Silhouette.Exact(x, [0, 0, 1]);
        Assert.Equal(0.75, s.Samples[0], 1e-7);     // float32 distances: 1e-7 relative
        Assert.Equal(2.0 / 3, s.Samples[1], 1e-7);
        Assert.Equal(0, s.Samples[2]);
        Assert.Equal((0.75 + (2.0 / 3)) / 3, s.Mean, 1e-7);
    }

    [Fact]
    public void Exact_equals_a_naive_float64_reference_on_random_inputs()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 25; trial++)
        {
            int n = rng.Next(3, 90), dims = rng.Next(1, 21), k = rng.Next(2, Math.Min(7, n));
            double offset = trial % 3 == 0 ? 300 : 0;   // some far from the origin
            var v = new float[n * dims];
            var labels = new int[n];
            for (int r = 0; r < n; r++)
            {
                labels[r] = r < k ? r : rng.Next(k);   // every segment non-empty
                for (int d = 0; d < dims; d++)
                {
                    v[(r * dims) + d] = (float)(offset + labels[r] + (rng.NextDouble() * 2));
                }
            }

            if (trial % 4 == 1 && n > 6)
            {
                Array.Copy(v, 0, v, (n - 1) * dims, dims);   // an exact duplicate of row 0
                labels[n - 1] = rng.Next(k);
            }

            var x = new FeatureMatrix(v, n, dims);
            if (labels.Distinct().Count() < 2 || labels.Distinct().Count() > n - 1)
            {
                continue;
            }

            double[] expected = NaiveSilhouette(x, labels);
            var s = Silhouette.Exact(x, labels);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(expected[i] - s.Samples[i]) <= 1e-5, $"trial {trial} ({n} × {dims}, k={k}) row {i}: {expected[i]} vs {s.Samples[i]}");
            }
        }
    }

    [Fact]
    public void Exact_is_bit_identical_for_1_2_and_4_threads()
    {
        var c = SilhouetteFixtures.Case("overlapping_300x16_k8");
        var one = Silhouette.Exact(c.X, c.Labels, 1, default);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = Silhouette.Exact(c.X, c.Labels, threads, default);
            Assert.Equal(one.Samples, other.Samples);
            Assert.Equal(one.Mean, other.Mean);
        }
    }

    [Theory]
    [InlineData(0.71, SilhouetteBand.Strong)]
    [InlineData(0.70, SilhouetteBand.Reasonable)]
    [InlineData(0.51, SilhouetteBand.Reasonable)]
    [InlineData(0.50, SilhouetteBand.Weak)]
    [InlineData(0.26, SilhouetteBand.Weak)]
    [InlineData(0.25, SilhouetteBand.NoSubstantialStructure)]
    [InlineData(-0.3, SilhouetteBand.NoSubstantialStructure)]
    public void Bands_follow_Kaufman_and_Rousseeuw(double mean, SilhouetteBand band) => Assert.Equal(band, Silhouette.BandOf(mean));

    [Fact]
    public void Result_band_comes_from_the_mean()
    {
        var opt = SilhouetteFixtures.Iris.Single(o => o.K == 2);
        Assert.Equal(SilhouetteBand.Reasonable, Silhouette.Exact(Decomposition.PcaFixtures.Iris, opt.Labels).Band);   // 0.681
    }

    /// <summary>Rousseeuw's definition, straight from float64 differences.</summary>
    internal static double[] NaiveSilhouette(FeatureMatrix x, int[] labels)
    {
        int n = x.Rows, k = labels.Max() + 1;
        var counts = new int[k];
        foreach (int l in labels)
        {
            counts[l]++;
        }

        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            var sums = new double[k];
            for (int j = 0; j < n; j++)
            {
                double sq = 0;
                for (int d = 0; d < x.Columns; d++)
                {
                    double diff = (double)x[i, d] - x[j, d];
                    sq += diff * diff;
                }

                sums[labels[j]] += Math.Sqrt(sq);
            }

            int own = labels[i];
            if (counts[own] == 1)
            {
                continue;
            }

            double a = sums[own] / (counts[own] - 1);
            double b = Enumerable.Range(0, k).Where(l => l != own && counts[l] > 0).Min(l => sums[l] / counts[l]);
            s[i] = Math.Max(a, b) > 0 ? (b - a) / Math.Max(a, b) : 0;
        }

        return s;
    }
}
