using SegmentLab.Clustering;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>The gap statistic's pieces: clusGap's W_k, the summary over reference sets, the reference box, and maxSE's firstSEmax rule case by case.</summary>
public sealed class GapStatisticTests
{
    [Fact]
    public void W_k_is_clusGaps_pairwise_sum_with_d_power_2_which_is_half_the_inertia()
    {
        // clusGap: W = 0.5 · Σ_r Σ_{i<j in r} d_ij² / n_r. Cluster {0, 2, 4} on a line: pairs 4 + 16 + 4 = 24, / 3 = 8;
        // cluster {(10, 0), (10, 2)}: 4 / 2 = 2. W = 0.5 · (8 + 2) = 5. Inertia: 8 (around 2) + 2 (around (10, 1)) = 10.
        var x = FeatureMatrix.FromRows([[0, 0], [2, 0], [4, 0], [10, 0], [10, 2]]);
        var fit = KMeans.Fit(x, new KMeansOptions { K = 2, Seed = 0 });
        Assert.Equal(10, fit.Inertia, 9);
        Assert.Equal(Math.Log(5), GapStatistic.LogW(fit.Inertia)!.Value, 12);
        Assert.Null(GapStatistic.LogW(0));
        // k = 1: the total sum of squares around the mean (5.2, 0.4).
        double total = new[] { 0.0, 2, 4, 10, 10 }.Sum(v => (v - 5.2) * (v - 5.2)) + (4 * 0.16) + (1.6 * 1.6);
        Assert.Equal(total, GapStatistic.TotalSumOfSquares(x), 9);
    }

    [Fact]
    public void Gap_and_standard_error_follow_clusGap()
    {
        // log W* = 1, 2, 3, 6: mean 3, var (B − 1) = (4 + 1 + 0 + 9) / 3 = 14/3, SE = √(14/3 · (1 + 1/4)).
        var (gap, se, expected) = GapStatistic.Summarize(0.5, [1, 2, 3, 6]);
        Assert.Equal(2.5, gap, 12);
        Assert.Equal(3, expected, 12);
        Assert.Equal(Math.Sqrt(14.0 / 3 * 1.25), se, 12);
    }

    [Theory]
    // Each branch of R's maxSE(f, SE.f, "firstSEmax"), 1-based positions as R returns them.
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { .1, .1, .1, .1 }, 4)]            // rising throughout: K
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { .1, .1, .1, 1.5 }, 3)]           // rising, but f[3] ≥ f[4] − SE[4]
    [InlineData(new double[] { 1, 2, 3, 2.5, 5 }, new double[] { .1, .1, .1, .1, .1 }, 3)]   // first local max at 3, not the global one at 5
    [InlineData(new double[] { 1, 2.95, 3, 2.5 }, new double[] { .1, .1, .1, .1 }, 2)]       // 2.95 ≥ 3 − 0.1: the earlier k
    [InlineData(new double[] { 1, 2.95, 3, 2.5 }, new double[] { .1, .1, .01, .1 }, 3)]      // only the max's SE counts: 2.95 < 2.99
    [InlineData(new double[] { 2.92, 2.95, 3, 2.5 }, new double[] { .1, .1, .1, .1 }, 1)]     // the FIRST k within one SE, not the nearest
    [InlineData(new double[] { 3, 2, 4 }, new double[] { .1, .1, .1 }, 1)]                   // falls at once: k = 1
    [InlineData(new double[] { 1, 2, 2, 3 }, new double[] { 0, 0, 0, 0 }, 2)]                // a tie (diff 0) is a local max
    [InlineData(new double[] { 7 }, new double[] { 0 }, 1)]                                  // one value
    public void First_SE_max_picks_as_Rs_maxSE(double[] f, double[] se, int expected)
    {
        Assert.Equal(expected, GapStatistic.FirstSeMax(f, se) + 1);
    }

    [Fact]
    public void First_SE_max_honours_the_SE_factor_and_rejects_bad_lengths()
    {
        double[] f = [1, 2.8, 3, 2.5];
        double[] se = [.1, .1, .1, .1];
        Assert.Equal(3, GapStatistic.FirstSeMax(f, se, seFactor: 1) + 1);
        Assert.Equal(2, GapStatistic.FirstSeMax(f, se, seFactor: 3) + 1);    // 2.8 ≥ 3 − 0.3
        Assert.Throws<ArgumentException>(() => GapStatistic.FirstSeMax(f, [.1]));
        Assert.Throws<ArgumentException>(() => GapStatistic.FirstSeMax([], []));
    }

    [Fact]
    public void References_fill_the_principal_box_uniformly_and_depend_only_on_seed_and_index()
    {
        // A long thin diagonal cloud: its box on the principal axes is long along (1, 1) and thin across it.
        var rng = new Random(3);
        var rows = Enumerable.Range(0, 400).Select(_ =>
        {
            double t = (rng.NextDouble() * 20) - 10, u = (rng.NextDouble() * 2) - 1;
            return (IReadOnlyList<double>)[(t + u) / Math.Sqrt(2), (t - u) / Math.Sqrt(2)];
        }).ToArray();
        var data = FeatureMatrix.FromRows(rows);
        var (low, high) = GapStatistic.PrincipalBox(data, CancellationToken.None);
        Assert.InRange(high[0] - low[0], 19, 20.2);   // along the cloud
        Assert.InRange(high[1] - low[1], 1.9, 2.3);   // across it
        var a = GapStatistic.Reference(low, high, 5000, seed: 1, reference: 0);
        var b = GapStatistic.Reference(low, high, 5000, seed: 1, reference: 0);
        var c = GapStatistic.Reference(low, high, 5000, seed: 1, reference: 1);
        Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
        Assert.NotEqual(a.Values.ToArray(), c.Values.ToArray());
        for (int col = 0; col < 2; col++)
        {
            var v = Enumerable.Range(0, a.Rows).Select(r => (double)a[r, col]).ToArray();
            Assert.True(v.Min() >= low[col] - 1e-5 && v.Max() <= high[col] + 1e-5);
            double width = high[col] - low[col], mean = v.Average(), sd = Math.Sqrt(v.Select(z => (z - mean) * (z - mean)).Average());
            Assert.InRange(mean - ((low[col] + high[col]) / 2), -0.03 * width, 0.03 * width);       // uniform: mean at the centre,
            Assert.InRange(sd / (width / Math.Sqrt(12)), 0.97, 1.03);                             // sd = width / √12
        }
    }
}
