using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.EdgeCases;

/// <summary>The numerical edge cases of docs/edge-cases.md: each has a defined behaviour, checked here.</summary>
public sealed class NumericalEdgeCaseTests
{
    private static FeatureMatrix M(params double[][] rows) => FeatureMatrix.FromRows(rows, Enumerable.Range(0, rows[0].Length).Select(i => $"f{i}").ToArray());

    [Fact]
    public void K_larger_than_the_distinct_points_is_refused_quoting_both()
    {
        var x = M([1, 1], [1, 1], [2, 2], [3, 3], [3, 3]);
        var e = Assert.ThrowsAny<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 4 }));
        Assert.Contains("k=4 must be ≤ the 3 distinct rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_rows_identical_give_one_segment_with_zero_inertia_and_refuse_two()
    {
        var x = M([5, -2], [5, -2], [5, -2], [5, -2]);
        var model = KMeans.Fit(x, new KMeansOptions { K = 1, NInit = 2 });
        Assert.Equal(0, model.Inertia);
        Assert.Equal([5f, -2f], model.Centroids.Row(0).ToArray());
        Assert.All(model.Labels, l => Assert.Equal(0, l));
        Assert.Contains("the 1 distinct rows", Assert.ThrowsAny<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 2 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_feature_is_dropped_by_the_transform_and_clustering_stays_finite()
    {
        var x = M([1, 7], [2, 7], [10, 7], [11, 7], [12, 7], [3, 7]);
        var t = FeatureTransform.Fit(x, new TransformSettings { WinsorizeLower = null, WinsorizeUpper = null });
        Assert.Contains("f1", t.Dropped);
        var z = t.Apply(x);
        Assert.All(z.Values.ToArray(), v => Assert.True(float.IsFinite(v)));
        var model = KMeans.Fit(z, new KMeansOptions { K = 2, Seed = 1 });
        Assert.True(PropertiesSamePartition(model.Labels, [0, 0, 1, 1, 1, 0]));
    }

    [Fact]
    public void A_single_customer_clusters_into_one_segment_and_silhouette_explains_why_it_cannot_score()
    {
        var x = M([3, 4, 5]);
        var model = KMeans.Fit(x, new KMeansOptions { K = 1 });
        Assert.Equal(0, model.Inertia);
        Assert.Equal([0], model.Labels);
        Assert.Contains("k=2 must be ≤ the 1 rows", Assert.ThrowsAny<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 2 })).Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => Silhouette.Exact(x, [0]));
    }

    [Fact]
    public void A_non_finite_raw_feature_is_rejected_before_clustering_naming_the_feature()
    {
        var x = FeatureMatrix.FromRows([[1.0, 2.0], [double.NaN, 3.0], [2.0, 4.0]], ["monetary", "frequency"]);
        var e = Assert.Throws<InputException>(() => FeatureTransform.Fit(x));
        Assert.Contains("feature 'monetary'", e.Message, StringComparison.Ordinal);
        Assert.Contains("row 2", e.Message, StringComparison.Ordinal);
        var k = Assert.Throws<InputException>(() => KMeans.Fit(x, new KMeansOptions { K = 1 }));
        Assert.Equal("monetary", k.Column);
    }

    [Fact]
    public void A_transform_that_makes_a_value_non_finite_on_new_data_names_the_feature()
    {
        var train = FeatureMatrix.FromRows([[0.0], [1.0], [3.0], [100.0]], ["monetary"]);
        var t = FeatureTransform.Fit(train, new TransformSettings { Log = ["monetary"], WinsorizeLower = null, WinsorizeUpper = null });
        // log1p(−5) is NaN: new data with a value the training data never had.
        var e = Assert.Throws<InputException>(() => t.Apply(FeatureMatrix.FromRows([[-5.0]], ["monetary"])));
        Assert.Contains("monetary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Winsorizing_keeps_one_extreme_outlier_from_taking_a_segment_of_its_own()
    {
        var rng = new Random(7);
        var rows = new List<double[]>();
        for (int i = 0; i < 100; i++)
        {
            rows.Add([(i < 50 ? 0 : 10) + rng.NextDouble(), (i < 50 ? 0 : 10) + rng.NextDouble()]);
        }

        rows.Add([1e7, 1e7]);
        var x = M([.. rows]);
        var raw = KMeans.Fit(x, new KMeansOptions { K = 2, Seed = 3 });
        Assert.Equal(1, raw.Labels.Count(l => l == raw.Labels[100])); // untransformed: the outlier is a segment alone

        var t = FeatureTransform.Fit(x, new TransformSettings { SkewThreshold = 1e9 }); // winsorizing only, no log
        var model = KMeans.Fit(t.Apply(x), new KMeansOptions { K = 2, Seed = 3 });
        var sizes = model.Labels.GroupBy(l => l).Select(g => g.Count()).Order().ToArray();
        Assert.Equal([50, 51], sizes); // the two real groups, the outlier clipped into the upper one
    }

    [Fact]
    public void Very_large_counts_do_not_overflow_or_lose_the_mean()
    {
        // 200,000 customers with counts near 2·10⁹: a float32 running sum would be off by far more than 1e-6.
        const int n = 200_000;
        var values = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            values[i] = 2e9f + (i % 1000 * 1e4f);
            sum += values[i];
        }

        var x = new FeatureMatrix(values, n, 1, ["web_visits"]);
        var model = KMeans.Fit(x, new KMeansOptions { K = 1, NInit = 1 });
        Assert.True(double.IsFinite(model.Inertia));
        Assert.Equal(sum / n, model.Centroids[0, 0], 2e9 * 1e-6);
        var t = FeatureTransform.Fit(x);
        Assert.All(t.Apply(x).Values.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Values_beyond_the_float32_distance_range_are_refused_naming_the_feature()
    {
        // Squared distances of 10³⁰-sized values overflow float32: refused with the fix (scale first), never silently wrong.
        var x = FeatureMatrix.FromRows([[1.0, 1e30], [2.0, 1.1e30], [3.0, 5e30], [4.0, 5.2e30]], ["frequency", "revenue_cents"]);
        var e = Assert.Throws<InputException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, Seed = 0 }));
        Assert.Equal("revenue_cents", e.Column);
        Assert.Contains("scale the features first", e.Message, StringComparison.Ordinal);
        // 10¹⁷ is still fine: the two groups are found.
        var ok = M([1e17], [1.1e17], [5e17], [5.2e17]);
        Assert.True(PropertiesSamePartition(KMeans.Fit(ok, new KMeansOptions { K = 2, Seed = 0 }).Labels, [0, 0, 1, 1]));
    }

    private static bool PropertiesSamePartition(IReadOnlyList<int> a, IReadOnlyList<int> b) => Properties.PropertyData.SamePartition(a, b);
}
