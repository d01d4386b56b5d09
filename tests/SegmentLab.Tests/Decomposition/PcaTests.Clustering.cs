using SegmentLab.Clustering;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Decomposition;

/// <summary>Clustering in PCA space, with the number of components chosen by a variance threshold (issue 4 §3).</summary>
public sealed partial class PcaTests
{
    /// <summary>
    /// Four blobs on a tilted plane in 8 dimensions plus small isotropic noise: two components carry almost all the
    /// variance. Row i is in blob i mod 4.
    /// </summary>
    private static (FeatureMatrix X, int[] Truth) PlanarBlobs()
    {
        var rng = new Random(7);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double[] u = [1, 1, 0, 0, 1, 0, -1, 0], v = [0, 1, -1, 1, 0, 1, 0, 0];   // orthogonal plane directions (|u|² = 3, |v|² = 4)
        (double A, double B)[] centres = [(-6, -6), (6, -6), (-6, 6), (6, 6)];
        const int rows = 400, d = 8;
        var values = new float[rows * d];
        var truth = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            truth[r] = r % 4;
            double a = centres[truth[r]].A + Gauss(), b = centres[truth[r]].B + Gauss();
            for (int j = 0; j < d; j++)
            {
                values[(r * d) + j] = (float)((a * u[j]) + (b * v[j]) + (0.2 * Gauss()));
            }
        }

        return (new FeatureMatrix(values, rows, d), truth);
    }

    [Fact]
    public void Clustering_in_the_components_a_variance_threshold_keeps_recovers_the_blobs()
    {
        var (x, truth) = PlanarBlobs();
        var options = new KMeansOptions { K = 4, NInit = 4, Seed = 0 };
        var pca = Pca.Fit(x, new PcaOptions { VarianceThreshold = 0.95 });
        Assert.Equal(2, pca.Components);
        Assert.True(pca.ExplainedVarianceRatio.Sum() >= 0.95);

        var scores = pca.Transform(x);
        Assert.Equal((400, 2), (scores.Rows, scores.Columns));
        var inPcaSpace = KMeans.Fit(scores, options);
        var raw = KMeans.Fit(x, options);
        Assert.Equal(1.0, Agreement.AdjustedRandIndex(inPcaSpace.Labels, truth), 12);
        Assert.Equal(1.0, Agreement.AdjustedRandIndex(inPcaSpace.Labels, raw.Labels), 12);

        // Same partition: the dropped components' within-segment spread is exactly what the PCA-space inertia lacks.
        var all = Pca.Fit(x);
        double dropped = WithinSumOfSquares(all.Transform(x), raw.Labels, 4, firstColumn: 2);
        Assert.Equal(raw.Inertia, inPcaSpace.Inertia + dropped, raw.Inertia * 1e-5);
    }

    [Fact]
    public void With_every_component_the_rotation_leaves_the_partition_and_inertia_unchanged()
    {
        var (x, _) = PlanarBlobs();
        var options = new KMeansOptions { K = 4, NInit = 4, Seed = 0 };
        var raw = KMeans.Fit(x, options);
        var rotated = KMeans.Fit(Pca.Fit(x).Transform(x), options);
        Assert.Equal(1.0, Agreement.AdjustedRandIndex(rotated.Labels, raw.Labels), 12);
        Assert.Equal(raw.Inertia, rotated.Inertia, raw.Inertia * 1e-5);
    }

    /// <summary>Σ over rows of the squared distance to the segment mean, over columns from <paramref name="firstColumn"/> on (float64).</summary>
    private static double WithinSumOfSquares(FeatureMatrix m, IReadOnlyList<int> labels, int k, int firstColumn)
    {
        double total = 0;
        for (int c = firstColumn; c < m.Columns; c++)
        {
            var sums = new double[k];
            var counts = new int[k];
            for (int r = 0; r < m.Rows; r++)
            {
                sums[labels[r]] += m[r, c];
                counts[labels[r]]++;
            }

            for (int r = 0; r < m.Rows; r++)
            {
                double diff = m[r, c] - (sums[labels[r]] / counts[labels[r]]);
                total += diff * diff;
            }
        }

        return total;
    }
}
