using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>The sweep end to end on planted blobs: the true k is recovered by every criterion; inputs are checked.</summary>
public sealed partial class KSelectionTests
{
    /// <summary>Four round blobs of 120 in 3-D, centres 8 apart, sd 1 (well separated), and the true labels.</summary>
    internal static (FeatureMatrix Data, int[] Truth) Blobs(int perBlob = 120, int seed = 5)
    {
        double[][] centres = [[0, 0, 0], [8, 0, 0], [0, 8, 0], [0, 0, 8]];
        var rng = new Random(seed);
        var rows = new List<IReadOnlyList<double>>();
        var truth = new List<int>();
        for (int i = 0; i < perBlob * centres.Length; i++)
        {
            int b = i % centres.Length;
            rows.Add(centres[b].Select(c => c + Gauss(rng)).ToArray());
            truth.Add(b);
        }

        return (FeatureMatrix.FromRows(rows, ["a", "b", "c"]), truth.ToArray());
    }

    internal static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static readonly KSelectionOptions Fast = new() { MinK = 2, MaxK = 7, KMeans = new KMeansOptions { NInit = 4 }, GapReferences = 8, Seed = 3 };

    [Fact]
    public void Well_separated_blobs_give_the_true_k_by_gap_elbow_and_silhouette()
    {
        var (data, truth) = Blobs();
        var r = KSelection.Sweep(data, Fast);
        Assert.Equal([2, 3, 4, 5, 6, 7], r.Candidates.Select(c => c.K));
        Assert.Equal(4, r.GapK);
        Assert.Equal(4, r.ElbowK);
        Assert.Equal(4, r.SilhouetteK);
        Assert.Equal(4, r.RecommendedK);
        Assert.False(r.GapSuggestsNoClusters);
        Assert.StartsWith("k = 4: the elbow of the inertia curve, the gap statistic (first-SE-max) and the best silhouette all agree.", r.Reason);
        Assert.Matches(@" Silhouette 0\.\d\d \((strong|reasonable) structure\), the highest of k = 2–7\.$", r.Reason);
        Assert.True(Agreement.AdjustedRandIndex(truth, r[4].Model.Labels) > 0.99);
        // The gap peaks at the truth; k = 1 was weighed too (MinK = 2) and is far below.
        Assert.True(r[4].Gap > r[3].Gap + r[3].GapStandardError && r[4].Gap >= r[5].Gap - r[5].GapStandardError);
        Assert.True(r.GapAtOne!.Value.Gap < r[4].Gap);
    }

    [Fact]
    public void Every_candidate_holds_consistent_figures()
    {
        var (data, _) = Blobs(60);
        var r = KSelection.Sweep(data, Fast with { MaxK = 5 });
        foreach (var c in r.Candidates)
        {
            // The candidate's model is exactly the template fitted with the sweep's seed.
            var refit = KMeans.Fit(data, Fast.KMeans with { K = c.K, Seed = Fast.Seed });
            Assert.Equal(refit.Inertia, c.Inertia);
            Assert.Equal(refit.Labels, c.Model.Labels);
            Assert.Equal(Silhouette.Exact(data, c.Model.Labels).Mean, c.Silhouette, 12);
            Assert.Equal(SilhouetteMethod.Exact, c.SilhouetteMethod);
            Assert.Equal(ClusterIndices.CalinskiHarabasz(data, c.Model.Labels), c.CalinskiHarabasz, 12);
            Assert.Equal(ClusterIndices.DaviesBouldin(data, c.Model.Labels), c.DaviesBouldin, 12);
            Assert.Equal(Math.Log(c.Inertia / 2), c.LogW!.Value, 12);
            Assert.Equal(c.ExpectedLogW!.Value - c.LogW.Value, c.Gap!.Value, 12);
            Assert.True(c.GapStandardError > 0);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => r[6]);
        Assert.Same(r.Candidates[1], r[3]);
    }

    [Fact]
    public void A_single_gaussian_cloud_has_no_clusters_by_the_gap_statistic()
    {
        var rng = new Random(11);
        var data = FeatureMatrix.FromRows(Enumerable.Range(0, 400).Select(_ => (IReadOnlyList<double>)[Gauss(rng), Gauss(rng)]).ToArray());
        var r = KSelection.Sweep(data, Fast with { MaxK = 5 });
        Assert.True(r.GapSuggestsNoClusters);
        Assert.Null(r.GapK);
        Assert.True(r.GapAtOne!.Value.Gap >= r[2].Gap!.Value - r[2].GapStandardError!.Value);
        Assert.Contains("the gap statistic finds no clusters", r.Reason);
    }

    [Fact]
    public void Above_the_exact_limit_the_silhouette_is_sampled_and_without_the_gap_there_is_none()
    {
        var (data, _) = Blobs(60);
        var r = KSelection.Sweep(data, Fast with { MaxK = 5, ExactSilhouetteLimit = 100, SilhouetteSampleSize = 80, GapStatistic = false });
        Assert.All(r.Candidates, c => Assert.Equal(SilhouetteMethod.Sampled, c.SilhouetteMethod));
        Assert.All(r.Candidates, c => Assert.Null(c.Gap));
        Assert.Null(r.GapK);
        Assert.Null(r.GapAtOne);
        Assert.Equal(4, r.RecommendedK);
        Assert.Contains("the gap statistic was not computed", r.Reason);
    }

    [Fact]
    public void With_MinK_above_2_the_gap_rule_runs_on_the_swept_range_only()
    {
        var (data, _) = Blobs(60);
        var r = KSelection.Sweep(data, Fast with { MinK = 3, MaxK = 6 });
        Assert.Null(r.GapAtOne);
        Assert.Equal(4, r.GapK);
        Assert.Equal(3, r.Candidates[0].K);
    }

    [Theory]
    [InlineData(1, 5, "MinK=1 must be at least 2")]
    [InlineData(4, 3, "MaxK=3 must be ≥ MinK=4")]
    [InlineData(2, 240, "MaxK=240 must be below the 240 rows")]
    public void A_bad_k_range_is_refused_with_the_values_quoted(int minK, int maxK, string message)
    {
        var (data, _) = Blobs(60);
        var e = Assert.ThrowsAny<ArgumentException>(() => KSelection.Sweep(data, Fast with { MinK = minK, MaxK = maxK }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Other_bad_options_and_data_are_refused()
    {
        var (data, _) = Blobs(30);
        Assert.Contains("GapReferences=1", Assert.ThrowsAny<ArgumentException>(() => KSelection.Sweep(data, Fast with { GapReferences = 1 })).Message);
        Assert.Contains("InitialCentroids", Assert.ThrowsAny<ArgumentException>(() =>
            KSelection.Sweep(data, Fast with { KMeans = Fast.KMeans with { InitialCentroids = FeatureMatrix.FromRows([[0, 0, 0], [1, 1, 1]]) } })).Message);
        Assert.Contains("SampleWeights", Assert.ThrowsAny<ArgumentException>(() =>
            KSelection.Sweep(data, Fast with { KMeans = Fast.KMeans with { SampleWeights = Enumerable.Repeat(1.0, data.Rows).ToArray() } })).Message);
        Assert.Contains("MaxDegreeOfParallelism=0", Assert.ThrowsAny<ArgumentException>(() => KSelection.Sweep(data, Fast with { MaxDegreeOfParallelism = 0 })).Message);
        // Only 3 distinct rows: k = 4 cannot be fitted.
        var few = FeatureMatrix.FromRows(Enumerable.Range(0, 30).Select(i => (IReadOnlyList<double>)[i % 3, 0]).ToArray());
        Assert.Contains("k=4 must be ≤ the 3 distinct rows", Assert.ThrowsAny<ArgumentException>(() => KSelection.Sweep(few, Fast with { MaxK = 4 })).Message);
        var values = data.Values.ToArray();
        values[7] = float.NaN;
        Assert.Throws<InputException>(() => KSelection.Sweep(new FeatureMatrix(values, data.Rows, data.Columns), Fast));
    }
}
