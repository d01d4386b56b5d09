using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Simplified (centroid) silhouette.</summary>
public sealed partial class SilhouetteTests
{
    [Fact]
    public void Simplified_uses_distances_to_centroids()
    {
        // Segment 0 = {0, 2} (centroid 1), segment 1 = {10, 12} (centroid 11).
        var x = new FeatureMatrix([0f, 2f, 10f, 12f], 4, 1);
        var centroids = new FeatureMatrix([1f, 11f], 2, 1);
        var s = Silhouette.Simplified(x, [0, 0, 1, 1], centroids);
        Assert.Equal(SilhouetteMethod.Simplified, s.Method);
        Assert.Equal((11.0 - 1) / 11, s.Samples[0], 12);   // a = 1, b = 11
        Assert.Equal((9.0 - 1) / 9, s.Samples[1], 12);     // a = 1, b = 9
        Assert.Equal((9.0 - 1) / 9, s.Samples[2], 12);
        Assert.Equal((11.0 - 1) / 11, s.Samples[3], 12);
        Assert.Equal(s.Samples.Average(), s.Mean, 12);
    }

    [Fact]
    public void Simplified_scores_singletons_zero_and_ignores_centroids_of_empty_segments()
    {
        var x = new FeatureMatrix([0f, 2f, 10f], 3, 1);
        var centroids = new FeatureMatrix([1f, 1.5f, 10f], 3, 1);   // label 1 has no rows: its centroid is ignored
        var s = Silhouette.Simplified(x, [0, 0, 2], centroids);
        Assert.Equal(0, s.Samples[2]);
        Assert.Equal((10.0 - 1) / 10, s.Samples[0], 12);
        Assert.True(double.IsNaN(s.SegmentMeans[1]));
    }

    [Fact]
    public void Simplified_is_close_to_exact_on_well_separated_blobs()
    {
        var opt = SilhouetteFixtures.Iris.Single(o => o.K == 3);
        var iris = Decomposition.PcaFixtures.Iris;
        var centroids = new float[3 * 4];
        for (int r = 0; r < iris.Rows; r++)
        {
            for (int d = 0; d < 4; d++)
            {
                centroids[(opt.Labels[r] * 4) + d] += iris[r, d] / opt.Labels.Count(l => l == opt.Labels[r]);
            }
        }

        var simplified = Silhouette.Simplified(iris, opt.Labels, new FeatureMatrix(centroids, 3, 4));
        Assert.InRange(simplified.Mean - Silhouette.Exact(iris, opt.Labels).Mean, 0, 0.2);   // usually higher
    }

    [Fact]
    public void Simplified_needs_a_centroid_per_label_with_the_data_columns()
    {
        var x = new FeatureMatrix([0f, 2f, 10f, 12f], 4, 1);
        var e = Assert.Throws<ArgumentException>(() => Silhouette.Simplified(x, [0, 0, 1, 1], new FeatureMatrix([1f], 1, 1)));
        Assert.Contains("at least 2 × 1", e.Message);
        Assert.Throws<ArgumentException>(() => Silhouette.Simplified(x, [0, 0, 1, 1], new FeatureMatrix([1f, 2f, 3f, 4f], 2, 2)));
    }
}
