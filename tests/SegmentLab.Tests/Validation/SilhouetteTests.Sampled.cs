using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Sampled silhouette: stratified allocation, exact values against all rows, seeded, with an interval.</summary>
public sealed partial class SilhouetteTests
{
    [Fact]
    public void Sampled_rows_have_their_exact_values_against_all_rows()
    {
        var c = SilhouetteFixtures.Case("overlapping_300x16_k8");
        var exact = Silhouette.Exact(c.X, c.Labels);
        var s = Silhouette.Sampled(c.X, c.Labels, 80, seed: 3);
        Assert.Equal(SilhouetteMethod.Sampled, s.Method);
        Assert.Equal(80, s.SampleRows.Count);
        Assert.Equal(s.SampleRows.Order(), s.SampleRows);
        Assert.Equal(80, s.SampleRows.Distinct().Count());
        for (int i = 0; i < s.SampleRows.Count; i++)
        {
            Assert.Equal(exact.Samples[s.SampleRows[i]], s.Samples[i], 15);
        }
    }

    [Fact]
    public void Sample_is_stratified_and_proportional_with_a_minimum_per_segment()
    {
        Assert.Equal([50, 30, 15, 5], Silhouette.Allocate([500, 300, 150, 50], 100));
        Assert.Equal([86, 9, 5], Silhouette.Allocate([900, 95, 5], 100));      // quota 90 / 9.5 / 0.5: minimum 5, the 95 left split 900 : 95
        Assert.Equal([1, 5, 5], Silhouette.Allocate([1, 40, 60], 4));           // minimums exceed a tiny request
        Assert.Equal([3, 3], Silhouette.Allocate([3, 3], 100));                 // never more than a segment has
    }

    [Fact]
    public void Same_seed_same_sample_whatever_the_thread_count_and_other_seeds_differ()
    {
        var c = SilhouetteFixtures.Case("overlapping_300x16_k8");
        var a = Silhouette.Sampled(c.X, c.Labels, 60, 42, 1, default);
        var b = Silhouette.Sampled(c.X, c.Labels, 60, 42, 4, default);
        Assert.Equal(a.SampleRows, b.SampleRows);
        Assert.Equal(a.Samples, b.Samples);
        Assert.Equal(a.Mean, b.Mean);
        Assert.NotEqual(a.SampleRows, Silhouette.Sampled(c.X, c.Labels, 60, 43).SampleRows);
    }

    [Fact]
    public void Interval_is_the_stratified_standard_error_and_covers_the_exact_mean()
    {
        var c = SilhouetteFixtures.Case("overlapping_300x16_k8");
        var exact = Silhouette.Exact(c.X, c.Labels);
        var s = Silhouette.Sampled(c.X, c.Labels, 150, seed: 5);
        Assert.NotNull(s.ConfidenceLow);
        Assert.True(s.ConfidenceLow < s.Mean && s.Mean < s.ConfidenceHigh);
        Assert.InRange(exact.Mean, s.ConfidenceLow!.Value, s.ConfidenceHigh!.Value);

        // Recompute Σ W_h² (1 − n_h/N_h) s_h² / n_h by hand.
        double variance = 0, mean = 0;
        foreach (int l in c.Labels.Distinct())
        {
            var vals = Enumerable.Range(0, s.SampleRows.Count).Where(i => c.Labels[s.SampleRows[i]] == l).Select(i => s.Samples[i]).ToArray();
            int bigN = c.Labels.Count(v => v == l);
            double w = (double)bigN / c.Labels.Length, m = vals.Average();
            mean += w * m;
            variance += w * w * (1 - ((double)vals.Length / bigN)) * (vals.Sum(v => (v - m) * (v - m)) / (vals.Length - 1)) / vals.Length;
        }

        Assert.Equal(mean, s.Mean, 12);
        Assert.Equal(1.959963984540054 * Math.Sqrt(variance), s.ConfidenceHigh!.Value - s.Mean, 12);
    }

    [Fact]
    public void A_sample_as_large_as_the_data_is_the_exact_silhouette_with_a_zero_width_interval()
    {
        var c = SilhouetteFixtures.Case("singleton_58x5_k4");
        var s = Silhouette.Sampled(c.X, c.Labels, 1000, seed: 1);
        Assert.Equal(c.X.Rows, s.SampleRows.Count);
        Assert.Equal(Silhouette.Exact(c.X, c.Labels).Mean, s.Mean, 12);
        Assert.Equal(s.Mean, s.ConfidenceLow!.Value, 12);
        Assert.Equal(s.Mean, s.ConfidenceHigh!.Value, 12);
    }

    [Fact]
    public void Sample_size_below_one_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Silhouette.Sampled(Six, [0, 0, 0, 1, 1, 1], 0, 1));
        Assert.Contains("sample size 0", e.Message);
    }
}
