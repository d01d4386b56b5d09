using SegmentLab.Clustering;

namespace SegmentLab.Tests.Clustering;

public partial class KMeansTests
{
    [Fact]
    public void The_mlnet_engine_reaches_the_same_inertia_within_one_percent()
    {
        var (x, truth) = ClusteringTestData.Blobs(3000, 5, 4, 1.0, 17);
        var ours = KMeans.Fit(x, new KMeansOptions { K = 4, NInit = 3 });
        var mlnet = KMeans.Fit(x, new KMeansOptions { K = 4, NInit = 3, Engine = KMeansEngine.MlNet, MaxDegreeOfParallelism = 1 });
        Assert.Equal(KMeansEngine.MlNet, mlnet.Diagnostics.Engine);
        Assert.InRange(mlnet.Inertia, ours.Inertia * 0.99, ours.Inertia * 1.01);
        Assert.Equal(mlnet.Predict(x), mlnet.Labels);
        Assert.Equal(3, mlnet.RestartInertias.Count);
        Assert.True(ClusteringTestData.AdjustedRandIndex(mlnet.Labels, truth) >= 0.99);

        // Options ML.NET cannot honour are refused, not silently dropped.
        Assert.Contains("SampleWeights", Assert.Throws<ArgumentException>(() =>
            KMeans.Fit(x, new KMeansOptions { K = 4, Engine = KMeansEngine.MlNet, SampleWeights = Enumerable.Repeat(1.0, 3000).ToArray() })).Message);
    }
}
