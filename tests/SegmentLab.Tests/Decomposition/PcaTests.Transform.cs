using SegmentLab.Decomposition;
using SegmentLab.Features;

namespace SegmentLab.Tests.Decomposition;

/// <summary>Orthonormality, transform / inverse transform, whitening, variance threshold, re-cut copies.</summary>
public sealed partial class PcaTests
{
    [Fact]
    public void Components_are_orthonormal()
    {
        var model = Pca.Fit(Case("correlated_60x5").X);
        for (int i = 0; i < model.Components; i++)
        {
            for (int j = 0; j < model.Components; j++)
            {
                double dot = Enumerable.Range(0, 5).Sum(d => (double)model.Loadings[i, d] * model.Loadings[j, d]);
                Assert.Equal(i == j ? 1 : 0, dot, 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Inverse_transform_with_all_components_reconstructs_the_data(bool whiten)
    {
        var x = Case("correlated_60x5").X;   // offsets up to 100: reconstruction error is float32 round-off
        var model = Pca.Fit(x, new PcaOptions { Whiten = whiten });
        var back = model.InverseTransform(model.Transform(x));
        Assert.Equal(x.ColumnNames, back.ColumnNames);
        for (int i = 0; i < x.Values.Length; i++)
        {
            Assert.Equal(x.Values[i], back.Values[i], Math.Max(1e-5, Math.Abs(x.Values[i]) * 1e-6));
        }
    }

    [Fact]
    public void Fewer_components_give_the_rank_k_projection()
    {
        var x = Case("correlated_60x5").X;
        var model = Pca.Fit(x, new PcaOptions { Components = 2 });
        var scores = model.Transform(x);
        Assert.Equal(2, scores.Columns);
        Assert.Equal(["PC1", "PC2"], scores.ColumnNames);
        // Residual sum of squares = the variance of the dropped components × (n − 1).
        var back = model.InverseTransform(scores);
        double residual = 0;
        for (int i = 0; i < x.Values.Length; i++)
        {
            residual += Math.Pow(x.Values[i] - back.Values[i], 2);
        }

        var full = Pca.Fit(x);
        double dropped = full.ExplainedVariance.Skip(2).Sum() * (x.Rows - 1);
        Assert.Equal(dropped, residual, dropped * 1e-3);
    }

    [Fact]
    public void Whitened_scores_have_unit_variance_and_zero_mean()
    {
        var x = Case("skewed_200x3").X;
        var scores = Pca.Fit(x, new PcaOptions { Whiten = true }).Transform(x);
        for (int c = 0; c < 3; c++)
        {
            var col = Enumerable.Range(0, x.Rows).Select(r => (double)scores[r, c]).ToArray();
            double mean = col.Average();
            Assert.Equal(0, mean, 1e-5);
            Assert.Equal(1, col.Sum(v => (v - mean) * (v - mean)) / (x.Rows - 1), 1e-5);
        }
    }

    [Theory]
    [InlineData(0.90, 1)]   // iris: 0.9246
    [InlineData(0.95, 2)]   // 0.9777
    [InlineData(0.98, 3)]   // 0.9948
    [InlineData(0.999, 4)]
    public void Variance_threshold_keeps_the_fewest_components_reaching_it(double threshold, int expected)
    {
        var model = Pca.Fit(PcaFixtures.Iris, new PcaOptions { VarianceThreshold = threshold });
        Assert.Equal(expected, model.Components);
        Assert.Equal(expected, model.Transform(PcaFixtures.Iris).Columns);
    }

    [Fact]
    public void Threshold_reached_exactly_stops_there()
    {
        Assert.Equal(2, Pca.ComponentsFor([2, 1, 1], 4, 0.75));   // cumulative 0.5, 0.75: reaching 0.75 is enough
        Assert.Equal(3, Pca.ComponentsFor([2, 1, 1], 4, 0.76));
    }

    [Fact]
    public void With_components_and_with_whiten_recut_without_refitting()
    {
        var full = Pca.Fit(PcaFixtures.Iris);
        var two = full.WithComponents(2);
        Assert.Equal(2, two.Components);
        Assert.Equal(full.ExplainedVarianceRatio.Take(2), two.ExplainedVarianceRatio);
        Assert.Equal(4, full.Components);   // the original is unchanged
        Assert.Equal(Pca.Fit(PcaFixtures.Iris, new PcaOptions { Components = 2 }).Loadings.Values.ToArray(), two.Loadings.Values.ToArray());
        var white = two.WithWhiten(true);
        Assert.True(white.Whiten);
        Assert.False(two.Whiten);
        Assert.Equal(two.Transform(PcaFixtures.Iris)[0, 0] / Math.Sqrt(two.ExplainedVariance[0]), white.Transform(PcaFixtures.Iris)[0, 0], 1e-5);
        Assert.Throws<ArgumentOutOfRangeException>(() => full.WithComponents(5));
    }

    [Fact]
    public void Transform_needs_the_fitted_columns()
    {
        var model = Pca.Fit(PcaFixtures.Iris);
        var wrong = new FeatureMatrix(new float[6], 2, 3);
        var e = Assert.Throws<ArgumentException>(() => model.Transform(wrong));
        Assert.Contains("4 columns", e.Message);
        Assert.Throws<ArgumentException>(() => model.InverseTransform(wrong));
    }
}
