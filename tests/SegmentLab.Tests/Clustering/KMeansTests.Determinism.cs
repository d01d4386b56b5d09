using SegmentLab.Clustering;

namespace SegmentLab.Tests.Clustering;

public partial class KMeansTests
{
    [Fact]
    public void Same_seed_gives_identical_results_for_any_thread_count()
    {
        // Enough rows for several chunks, so row-parallel runs (NInit = 1) really split the work.
        var (x, _) = ClusteringTestData.Blobs(12_000, 6, 5, 4.0, 11);
        foreach (int nInit in new[] { 1, 3 })
        {
            KMeansModel? reference = null;
            foreach (int threads in new[] { 1, 2, 4 })
            {
                var model = KMeans.Fit(x, new KMeansOptions { K = 5, NInit = nInit, Seed = 42, MaxDegreeOfParallelism = threads });
                reference ??= model;
                Assert.Equal(reference.Labels, model.Labels);
                Assert.Equal(reference.Inertia, model.Inertia);
                Assert.Equal(reference.Centroids.Values.ToArray(), model.Centroids.Values.ToArray());
                Assert.Equal(reference.RestartInertias, model.RestartInertias);
                Assert.Equal(threads, model.Diagnostics.DegreeOfParallelism);
            }
        }
    }

    [Fact]
    public void Lloyd_Hamerly_and_Elkan_give_the_same_result_from_the_same_seeds()
    {
        foreach (var (rows, d, k, std) in new[] { (3000, 4, 6, 3.0), (1500, 20, 20, 2.0), (2000, 2, 3, 0.3) })
        {
            var (x, _) = ClusteringTestData.Blobs(rows, d, k, std, rows);
            var lloyd = KMeans.Fit(x, new KMeansOptions { K = k, NInit = 3, Seed = 7, Tolerance = 0, Algorithm = KMeansAlgorithm.Lloyd });
            foreach (var algorithm in new[] { KMeansAlgorithm.Hamerly, KMeansAlgorithm.Elkan, KMeansAlgorithm.Auto })
            {
                var other = KMeans.Fit(x, new KMeansOptions { K = k, NInit = 3, Seed = 7, Tolerance = 0, Algorithm = algorithm, MaxDegreeOfParallelism = 2 });
                Assert.Equal(lloyd.Labels, other.Labels);
                Assert.Equal(lloyd.Inertia, other.Inertia);
                Assert.Equal(lloyd.Centroids.Values.ToArray(), other.Centroids.Values.ToArray());
                Assert.Equal(lloyd.Diagnostics.RestartIterations, other.Diagnostics.RestartIterations);
            }

            // Pruning must actually prune on well-separated data.
            var hamerly = KMeans.Fit(x, new KMeansOptions { K = k, NInit = 3, Seed = 7, Tolerance = 0, Algorithm = KMeansAlgorithm.Elkan });
            Assert.True(hamerly.Diagnostics.DistanceEvaluations < lloyd.Diagnostics.DistanceEvaluations);
        }
    }

    [Fact]
    public void Empty_clusters_are_relocated_to_the_farthest_row_and_recorded()
    {
        // Two tight groups and a third starting centroid far from everything: it gets no rows in iteration 1, so it
        // is moved onto the row farthest from its centroid, as scikit-learn does.
        var (x, _) = ClusteringTestData.Blobs(400, 2, 2, 0.5, 4);
        var start = new SegmentLab.Features.FeatureMatrix([x[0, 0], x[0, 1], x[1, 0], x[1, 1], 1000f, 1000f], 3, 2);
        KMeansModel? first = null;
        foreach (var algorithm in new[] { KMeansAlgorithm.Lloyd, KMeansAlgorithm.Hamerly, KMeansAlgorithm.Elkan })
        {
            var model = KMeans.Fit(x, new KMeansOptions { K = 3, InitialCentroids = start, Algorithm = algorithm });
            var relocation = Assert.Single(model.Diagnostics.Relocations);
            Assert.Equal((1, 2), (relocation.Iteration, relocation.Cluster));
            Assert.Equal(3, model.Labels.Distinct().Count());
            Assert.Contains(model.Diagnostics.Notes, n => n.Contains("relocated"));
            first ??= model;
            Assert.Equal(first.Labels, model.Labels);
            Assert.Equal(first.Inertia, model.Inertia);
        }
    }

    [Fact]
    public void A_restart_that_hits_the_iteration_cap_is_reported_not_thrown()
    {
        var (x, _) = ClusteringTestData.Blobs(2000, 3, 6, 5.0, 8);
        var model = KMeans.Fit(x, new KMeansOptions { K = 6, NInit = 2, MaxIterations = 1 });
        Assert.False(model.Converged);
        Assert.Equal([1, 1], model.Diagnostics.RestartIterations);
        Assert.Contains(model.Diagnostics.Notes, n => n.Contains("did not converge within 1 iterations"));

        // The closing assignment step makes the labels the argmin of the returned centroids.
        Assert.Equal(model.Predict(x), model.Labels);
    }
}
