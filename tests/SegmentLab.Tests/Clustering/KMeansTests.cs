using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Tests.Clustering;

public partial class KMeansTests
{
    private static FeatureMatrix Matrix(int cols, params float[] values) => new(values, values.Length / cols, cols);

    [Fact]
    public void Hand_worked_one_dimensional_case()
    {
        // {0, 1} and {10, 12}: centroids 0.5 and 11; inertia 0.25·2 + 1·2 = 2.5.
        var x = Matrix(1, 0, 10, 1, 12);
        var model = KMeans.Fit(x, new KMeansOptions { K = 2, NInit = 3 });
        Assert.Equal(model.Labels[0], model.Labels[2]);
        Assert.Equal(model.Labels[1], model.Labels[3]);
        Assert.NotEqual(model.Labels[0], model.Labels[1]);
        Assert.Equal(0.5f, model.Centroids[model.Labels[0], 0]);
        Assert.Equal(11f, model.Centroids[model.Labels[1], 0]);
        Assert.Equal(2.5, model.Inertia, 12);
        Assert.True(model.Converged);
        Assert.True(model.Diagnostics.StrictConvergence);
        Assert.Equal(3, model.RestartInertias.Count);
        Assert.Equal(["x0"], model.Centroids.ColumnNames);
    }

    [Fact]
    public void Warm_start_follows_lloyd_by_hand()
    {
        // Start at 0 and 1: iteration 1 assigns {0} and {1, 10, 12} → centroids 0 and 23/3; iteration 2 assigns
        // {0, 1} and {10, 12} → 0.5 and 11; iteration 3 changes nothing (strict convergence).
        var x = Matrix(1, 0, 1, 10, 12);
        var model = KMeans.Fit(x, new KMeansOptions { K = 2, InitialCentroids = Matrix(1, 0, 1), Tolerance = 0, Algorithm = KMeansAlgorithm.Lloyd });
        Assert.Equal([0, 0, 1, 1], model.Labels);
        Assert.Equal([0.5f, 11f], model.Centroids.Values.ToArray());
        Assert.Equal(3, model.Iterations);
        Assert.Equal([3], model.Diagnostics.RestartIterations);
        Assert.Single(model.RestartInertias);
    }

    [Fact]
    public void Predict_on_the_training_rows_gives_the_labels_and_transform_agrees()
    {
        var (x, _) = ClusteringTestData.Blobs(700, 5, 4, 2.0, 3);
        var model = KMeans.Fit(x, new KMeansOptions { K = 4, NInit = 2 });
        int[] predicted = model.Predict(x);
        Assert.Equal(model.Labels, predicted);
        FeatureMatrix distances = model.Transform(x);
        Assert.Equal((700, 4), (distances.Rows, distances.Columns));
        Assert.Equal("distance_3", distances.ColumnNames[3]);
        double inertia = 0;
        for (int r = 0; r < x.Rows; r++)
        {
            int argmin = 0;
            for (int c = 1; c < 4; c++)
            {
                argmin = distances[r, c] < distances[r, argmin] ? c : argmin;
            }

            Assert.Equal(predicted[r], argmin);
            inertia += (double)distances[r, argmin] * distances[r, argmin];
        }

        Assert.Equal(model.Inertia, inertia, model.Inertia * 1e-5);
    }

    [Fact]
    public void A_weight_of_two_equals_a_duplicated_row()
    {
        var (x, _) = ClusteringTestData.Blobs(120, 3, 3, 3.0, 5);
        var start = x.SelectRows([0, 1, 2]);
        var weights = Enumerable.Range(0, x.Rows).Select(r => r % 4 == 0 ? 2.0 : 1.0).ToArray();
        int[] duplicated = Enumerable.Range(0, x.Rows).Concat(Enumerable.Range(0, x.Rows).Where(r => r % 4 == 0)).ToArray();
        var weighted = KMeans.Fit(x, new KMeansOptions { K = 3, InitialCentroids = start, SampleWeights = weights });
        var copied = KMeans.Fit(x.SelectRows(duplicated), new KMeansOptions { K = 3, InitialCentroids = start });
        Assert.Equal(copied.Inertia, weighted.Inertia, copied.Inertia * 1e-9);
        Assert.Equal(copied.Iterations, weighted.Iterations);
        Assert.Equal(copied.Labels.Take(x.Rows), weighted.Labels);
        for (int i = 0; i < copied.Centroids.Values.Length; i++)
        {
            Assert.Equal(copied.Centroids.Values[i], weighted.Centroids.Values[i], 1e-5f);
        }
    }

    [Fact]
    public void From_centroids_predicts_like_the_fitted_model()
    {
        var (x, _) = ClusteringTestData.Blobs(300, 4, 3, 1.0, 9);
        var fitted = KMeans.Fit(x, new KMeansOptions { K = 3, NInit = 1 });
        var saved = KMeansModel.FromCentroids(fitted.Centroids);
        Assert.Equal(fitted.Predict(x), saved.Predict(x));
        Assert.Empty(saved.Labels);
        Assert.True(double.IsNaN(saved.Inertia));
        Assert.Equal(3, saved.K);
        Assert.Throws<ArgumentException>(() => saved.Predict(Matrix(2, 1, 2)));
    }

    [Fact]
    public void Options_are_validated_with_the_values_quoted()
    {
        var x = Matrix(2, 1, 1, 1, 1, 2, 2, 3, 3);
        Assert.Contains("k=4 must be ≤ the 3 distinct rows", Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 4 })).Message);
        Assert.Contains("k=5 must be ≤ the 4 rows", Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 5 })).Message);
        Assert.Contains("k=0", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, new KMeansOptions { K = 0 })).Message);
        Assert.Contains("NInit=0", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, NInit = 0 })).Message);
        Assert.Contains("Tolerance=-1", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, Tolerance = -1 })).Message);
        Assert.Contains("MaxDegreeOfParallelism=0", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, MaxDegreeOfParallelism = 0 })).Message);
        Assert.Contains("SampleWeights has 2 values for 4 rows", Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, SampleWeights = [1, 1] })).Message);
        Assert.Contains("SampleWeights[1]=-1", Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, SampleWeights = [1, -1, 1, 1] })).Message);
        Assert.Contains("the 2 distinct rows with a positive weight", Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 3, SampleWeights = [1, 1, 0, 1] })).Message);
        Assert.Contains("InitialCentroids is 1 × 2", Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new KMeansOptions { K = 2, InitialCentroids = Matrix(2, 0, 0) })).Message);
        var bad = new InputException("x");
        var nan = Assert.Throws<InputException>(() => KMeans.Fit(Matrix(2, 1, 2, float.NaN, 3), new KMeansOptions { K = 1 }));
        Assert.Contains("row 1 holds NaN", nan.Message);
        Assert.Equal("x0", nan.Column);
        Assert.NotNull(bad);
    }

    [Fact]
    public void Single_cluster_is_the_weighted_mean()
    {
        var x = Matrix(2, 0, 0, 4, 0, 0, 8);
        var model = KMeans.Fit(x, new KMeansOptions { K = 1, SampleWeights = [2, 1, 1] });
        Assert.Equal([1f, 2f], model.Centroids.Values.ToArray());
        Assert.Equal((2 * 5.0) + 13 + 37, model.Inertia, 9);
    }

    [Fact]
    public void A_cancelled_token_stops_the_fit()
    {
        var (x, _) = ClusteringTestData.Blobs(2000, 4, 3, 1.0, 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => KMeans.Fit(x, new KMeansOptions { K = 3 }, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => KMeans.Fit(x, new KMeansOptions { K = 3, NInit = 1, MaxDegreeOfParallelism = 2 }, cts.Token));
    }
}
