using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Validation;

/// <summary>
/// Internal cluster-validity indices that need only the data and the labels, computed in float64 and equal to
/// scikit-learn's <c>calinski_harabasz_score</c> and <c>davies_bouldin_score</c> (to 1e-6 on the committed fixtures).
/// </summary>
/// <remarks>
/// Labels are 0-based segment ids, one per row; gaps are allowed (empty segments are ignored, so k is the number of
/// non-empty segments). Both need 2 to n − 1 non-empty segments. O(n·D) time, O(k·D) memory, single-threaded.
/// </remarks>
public static partial class ClusterIndices
{
    /// <summary>
    /// Calinski–Harabasz (variance-ratio) index: [B / (k − 1)] / [W / (n − k)], with B = Σ_c n_c ‖μ_c − μ‖² the
    /// between-segment and W = Σ_i ‖x_i − μ_{c(i)}‖² the within-segment dispersion. Higher is better. 1.0 when
    /// W = 0 (every segment a single point), as in scikit-learn.
    /// </summary>
    /// <param name="x">Rows (n × D, finite).</param>
    /// <param name="labels">Segment id per row (0-based).</param>
    /// <exception cref="ArgumentException">Label count ≠ row count, or a label outside 0 … n − 1.</exception>
    /// <exception cref="InputException">Fewer than 2 or more than n − 1 segments, or a non-finite value.</exception>
    public static double CalinskiHarabasz(FeatureMatrix x, IReadOnlyList<int> labels)
    {
        var seg = CheckLabels(x, labels, "Calinski-Harabasz");
        int n = x.Rows, dims = x.Columns;
        double[] centroids = Centroids(x, seg);
        var mean = new double[dims];
        for (int r = 0; r < n; r++)
        {
            for (int d = 0; d < dims; d++)
            {
                mean[d] += x.Buffer[(r * dims) + d];
            }
        }

        for (int d = 0; d < dims; d++)
        {
            mean[d] /= n;
        }

        double between = 0, within = 0;
        for (int l = 0; l < seg.K; l++)
        {
            if (seg.Counts[l] > 0)
            {
                double sq = 0;
                for (int d = 0; d < dims; d++)
                {
                    double diff = centroids[(l * dims) + d] - mean[d];
                    sq += diff * diff;
                }

                between += seg.Counts[l] * sq;
            }
        }

        for (int r = 0; r < n; r++)
        {
            within += PairwiseKernels.SquaredDistance(x.Row(r), centroids.AsSpan(seg.Labels[r] * dims, dims));
        }

        int k = seg.Segments;
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1));
    }

    /// <summary>
    /// Davies–Bouldin index: the mean over segments i of max_{j≠i} (S_i + S_j) / ‖μ_i − μ_j‖, where S_i is the mean
    /// distance of segment i's rows to its centroid. Lower is better (0 is the minimum). As in scikit-learn, pairs of
    /// coincident centroids are skipped (their ratio counts as 0) and the index is 0 when every S_i or every centroid
    /// distance is within 1e-8 of 0.
    /// </summary>
    /// <param name="x">Rows (n × D, finite).</param>
    /// <param name="labels">Segment id per row (0-based).</param>
    /// <exception cref="ArgumentException">Label count ≠ row count, or a label outside 0 … n − 1.</exception>
    /// <exception cref="InputException">Fewer than 2 or more than n − 1 segments, or a non-finite value.</exception>
    public static double DaviesBouldin(FeatureMatrix x, IReadOnlyList<int> labels)
    {
        var seg = CheckLabels(x, labels, "Davies-Bouldin");
        int n = x.Rows, dims = x.Columns;
        double[] centroids = Centroids(x, seg);
        var present = Enumerable.Range(0, seg.K).Where(l => seg.Counts[l] > 0).ToArray();
        var scatter = new double[seg.K];
        for (int r = 0; r < n; r++)
        {
            int l = seg.Labels[r];
            scatter[l] += Math.Sqrt(PairwiseKernels.SquaredDistance(x.Row(r), centroids.AsSpan(l * dims, dims)));
        }

        foreach (int l in present)
        {
            scatter[l] /= seg.Counts[l];
        }

        var between = new double[present.Length, present.Length];
        bool allScatterZero = present.All(l => Math.Abs(scatter[l]) <= 1e-8), allBetweenZero = true;
        for (int i = 0; i < present.Length; i++)
        {
            for (int j = 0; j < present.Length; j++)
            {
                double sq = 0;
                for (int d = 0; d < dims; d++)
                {
                    double diff = centroids[(present[i] * dims) + d] - centroids[(present[j] * dims) + d];
                    sq += diff * diff;
                }

                between[i, j] = Math.Sqrt(sq);
                allBetweenZero &= between[i, j] <= 1e-8;
            }
        }

        if (allScatterZero || allBetweenZero)
        {
            return 0;
        }

        double total = 0;
        for (int i = 0; i < present.Length; i++)
        {
            double worst = 0;
            for (int j = 0; j < present.Length; j++)
            {
                if (between[i, j] > 0)
                {
                    worst = Math.Max(worst, (scatter[present[i]] + scatter[present[j]]) / between[i, j]);
                }
            }

            total += worst;
        }

        return total / present.Length;
    }

    /// <summary>Segment means in float64, row-major K × D (zeros for empty labels).</summary>
    internal static double[] Centroids(FeatureMatrix x, SegmentCounts seg)
    {
        int dims = x.Columns;
        var c = new double[seg.K * dims];
        for (int r = 0; r < x.Rows; r++)
        {
            int l = seg.Labels[r];
            for (int d = 0; d < dims; d++)
            {
                c[(l * dims) + d] += x.Buffer[(r * dims) + d];
            }
        }

        for (int l = 0; l < seg.K; l++)
        {
            for (int d = 0; d < dims && seg.Counts[l] > 0; d++)
            {
                c[(l * dims) + d] /= seg.Counts[l];
            }
        }

        return c;
    }
}
