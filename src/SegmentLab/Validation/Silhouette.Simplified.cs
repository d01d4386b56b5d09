using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Validation;

public static partial class Silhouette
{
    /// <summary>
    /// The simplified (centroid) silhouette, O(n·k·D): a(i) = distance from row i to its own segment's centroid,
    /// b(i) = distance to the nearest centroid of another non-empty segment, s(i) = (b − a) / max(a, b). A quick
    /// stand-in for <see cref="Exact(FeatureMatrix, IReadOnlyList{int}, CancellationToken)"/> on large data; it is
    /// not the same number (it is usually higher).
    /// </summary>
    /// <param name="x">Rows (n × D, finite).</param>
    /// <param name="labels">Segment id per row (0-based).</param>
    /// <param name="centroids">
    /// One row per label (at least largest label + 1 rows, D columns), e.g. <c>KMeansModel.Centroids</c>; rows of
    /// empty segments are ignored.
    /// </param>
    /// <returns>Per-row values for all rows (0 for a row alone in its segment, as in the exact method), mean, band.</returns>
    /// <exception cref="ArgumentException">Label count ≠ row count, a label outside 0 … n − 1, or centroids of the wrong shape.</exception>
    /// <exception cref="InputException">Fewer than 2 or more than n − 1 segments, or a non-finite value.</exception>
    public static SilhouetteResult Simplified(FeatureMatrix x, IReadOnlyList<int> labels, FeatureMatrix centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        var seg = ClusterIndices.CheckLabels(x, labels, "simplified silhouette");
        if (centroids.Columns != x.Columns || centroids.Rows < seg.K)
        {
            throw new ArgumentException(
                $"centroids are {centroids.Rows} × {centroids.Columns}, but the data has {x.Columns} columns and labels up to {seg.K - 1}, so at least {seg.K} × {x.Columns} are needed.",
                nameof(centroids));
        }

        int n = x.Rows, dims = x.Columns, k = seg.K;
        var c = new double[k * dims];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = centroids.Values[i];
        }

        var s = new double[n];
        float[] values = x.Buffer;
        Parallel.For(0, (n + 4095) / 4096, chunk =>
        {
            for (int r = chunk * 4096; r < Math.Min(n, (chunk + 1) * 4096); r++)
            {
                int own = seg.Labels[r];
                if (seg.Counts[own] == 1)
                {
                    continue;   // singleton: 0
                }

                var row = values.AsSpan(r * dims, dims);
                double a = 0, b = double.PositiveInfinity;
                for (int l = 0; l < k; l++)
                {
                    if (seg.Counts[l] == 0)
                    {
                        continue;
                    }

                    double dist = Math.Sqrt(PairwiseKernels.SquaredDistance(row, c.AsSpan(l * dims, dims)));
                    if (l == own)
                    {
                        a = dist;
                    }
                    else
                    {
                        b = Math.Min(b, dist);
                    }
                }

                s[r] = Value(a, b);
            }
        });

        double sum = 0;
        foreach (double v in s)
        {
            sum += v;
        }

        int[] rows = Enumerable.Range(0, n).ToArray();
        return new SilhouetteResult(SilhouetteMethod.Simplified, sum / n, rows, s, SegmentMeans(seg, rows, s));
    }
}
