using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Calinski-Harabasz and Davies-Bouldin against scikit-learn and the published iris values.</summary>
public sealed class ClusterIndicesTests
{
    public static TheoryData<string> CaseNames => SilhouetteTests.CaseNames;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Match_scikit_learn(string name)
    {
        var c = SilhouetteFixtures.Case(name);
        Assert.Equal(c.CalinskiHarabasz, ClusterIndices.CalinskiHarabasz(c.X, c.Labels), Math.Max(1e-6, c.CalinskiHarabasz * 1e-9));
        Assert.Equal(c.DaviesBouldin, ClusterIndices.DaviesBouldin(c.X, c.Labels), 1e-6);
    }

    [Theory]
    [InlineData(2, 513.9245, 0.4043)]
    [InlineData(3, 561.6278, 0.6620)]
    [InlineData(4, 530.7658, 0.7803)]
    public void Iris_k_means_optimum_gives_the_published_values(int k, double ch, double db)
    {
        var opt = SilhouetteFixtures.Iris.Single(o => o.K == k);
        var iris = Decomposition.PcaFixtures.Iris;
        // Published to 4 decimals; iris is float32 here (5.1f ≠ 5.1), which moves CH by ~1e-5.
        Assert.Equal(ch, ClusterIndices.CalinskiHarabasz(iris, opt.Labels), 0.0001);
        Assert.Equal(db, ClusterIndices.DaviesBouldin(iris, opt.Labels), 0.0001);
        Assert.Equal(opt.CalinskiHarabasz, ClusterIndices.CalinskiHarabasz(iris, opt.Labels), 0.0001);
        Assert.Equal(opt.DaviesBouldin, ClusterIndices.DaviesBouldin(iris, opt.Labels), 1e-6);
    }

    [Fact]
    public void Davies_Bouldin_docstring_case()
    {
        var x = new FeatureMatrix([0f, 1f, 1f, 1f, 3f, 4f], 3, 2);
        Assert.Equal(0.12804, ClusterIndices.DaviesBouldin(x, [0, 0, 1]), 0.000005);
    }

    [Fact]
    public void Hand_worked_Calinski_Harabasz()
    {
        // {0, 2} and {10, 12}: mean 6; B = 2·25 + 2·25 = 100, W = 1 + 1 + 1 + 1 = 4; CH = (100/1) / (4/2) = 50.
        var x = new FeatureMatrix([0f, 2f, 10f, 12f], 4, 1);
        Assert.Equal(50, ClusterIndices.CalinskiHarabasz(x, [0, 0, 1, 1]), 12);
        // DB: S = 1 and 1, centroid distance 10: (1 + 1) / 10 = 0.2 for both.
        Assert.Equal(0.2, ClusterIndices.DaviesBouldin(x, [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Degenerate_cases_follow_scikit_learn()
    {
        // Every segment a single repeated point: W = 0 gives CH = 1 and all S = 0 gives DB = 0.
        var x = new FeatureMatrix([1f, 1f, 5f, 5f], 4, 1);
        Assert.Equal(1.0, ClusterIndices.CalinskiHarabasz(x, [0, 0, 1, 1]));
        Assert.Equal(0.0, ClusterIndices.DaviesBouldin(x, [0, 0, 1, 1]));
    }
}
