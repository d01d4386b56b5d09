using System.Text.Json;
using SegmentLab.Clustering;

namespace SegmentLab.Tests.Clustering;

/// <summary>Against scikit-learn 1.2.1 (Fixtures/Clustering/make_fixtures.py made the numbers).</summary>
public partial class KMeansTests
{
    public static TheoryData<string> Cases => new() { "separated_2d", "separated_8d", "overlapping_5d", "iris" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inertia_is_at_most_scikit_learns_best_at_the_same_k_and_restarts(string name)
    {
        JsonElement c = ClusteringTestData.Expected().GetProperty(name);
        var (x, truth) = ClusteringTestData.ReadCsv(Path.Combine(ClusteringTestData.FixturesDir, c.GetProperty("file").GetString()!));
        foreach (JsonElement fit in c.GetProperty("fits").EnumerateArray())
        {
            int k = fit.GetProperty("k").GetInt32();
            var model = KMeans.Fit(x, new KMeansOptions { K = k, NInit = fit.GetProperty("n_init").GetInt32() });
            double sklearn = fit.GetProperty("inertia").GetDouble();
            Assert.True(model.Inertia <= sklearn * (1 + 1e-4), $"{name} k={k}: inertia {model.Inertia} vs scikit-learn {sklearn}");

            // At the true number of blobs both should find the same partition; at other k, local optima of nearly equal
            // inertia may differ, so only the inertia is compared there.
            var sklearnLabels = fit.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            if (k == truth.Distinct().Count())
            {
                Assert.True(ClusteringTestData.AdjustedRandIndex(model.Labels, sklearnLabels) > 0.95, $"{name} k={k}: labels differ from scikit-learn's");
            }
            if (name.StartsWith("separated", StringComparison.Ordinal))
            {
                Assert.True(ClusteringTestData.AdjustedRandIndex(model.Labels, truth) >= 0.99);
            }
        }
    }

    [Theory]
    [InlineData(2, 152.3480, new[] { 53, 97 })]
    [InlineData(3, 78.8514, new[] { 38, 50, 62 })]
    [InlineData(4, 57.2285, new[] { 28, 32, 40, 50 })]
    public void Iris_raw_matches_the_published_inertia_and_sizes(int k, double inertia, int[] sizes)
    {
        var (x, _) = ClusteringTestData.Iris();
        Assert.Equal(150, x.Rows);
        var model = KMeans.Fit(x, new KMeansOptions { K = k });
        Assert.Equal(inertia, model.Inertia, inertia * 1e-4);
        Assert.Equal(sizes, ClusteringTestData.Sizes(model.Labels, k));
    }

    [Fact]
    public void Adjusted_rand_index_helper_matches_hand_values()
    {
        Assert.Equal(1.0, ClusteringTestData.AdjustedRandIndex([0, 0, 1, 1], ["b", "b", "a", "a"]), 12);

        // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        Assert.Equal(0.5714285714285715, ClusteringTestData.AdjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]), 12);
    }
}
