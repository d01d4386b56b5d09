using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Validation;

public static partial class Silhouette
{
    /// <summary>Scored rows per task: the unit of work split (fixed, so results do not depend on the thread count).</summary>
    internal const int RowBlock = 128;

    /// <summary>
    /// Exact s(i) of the given rows against all rows. Per task: a block of <see cref="RowBlock"/> scored rows, a
    /// float64 table of its per-segment distance sums (block × K), and the packed rows streamed segment by segment in
    /// runs of about 16 KB (L1-sized), four scored rows at a time through the micro-kernel.
    /// </summary>
    internal static double[] ScoreRows(FeatureMatrix x, ClusterIndices.SegmentCounts seg, int[] scored, int? maxDegreeOfParallelism, CancellationToken ct)
    {
        int n = x.Rows, dims = x.Columns, k = seg.K;
        float[] original = x.Buffer;

        // Centre on the float64 column means: smaller norms mean less cancellation in the dot-product form.
        var mean = new double[dims];
        for (int r = 0; r < n; r++)
        {
            for (int d = 0; d < dims; d++)
            {
                mean[d] += original[(r * dims) + d];
            }
        }

        for (int d = 0; d < dims; d++)
        {
            mean[d] /= n;
        }

        var centred = new float[n * dims];
        var norms = new float[n];
        for (int r = 0; r < n; r++)
        {
            double nr = 0;
            for (int d = 0; d < dims; d++)
            {
                float c = (float)(original[(r * dims) + d] - mean[d]);
                centred[(r * dims) + d] = c;
                nr += (double)c * c;
            }

            norms[r] = (float)nr;
        }

        // Rows grouped by segment (stable counting sort).
        var start = new int[k + 1];
        for (int l = 0; l < k; l++)
        {
            start[l + 1] = start[l] + seg.Counts[l];
        }

        var order = new int[n];
        var next = (int[])start.Clone();
        for (int r = 0; r < n; r++)
        {
            order[next[seg.Labels[r]]++] = r;
        }

        var panels = PairwisePanels.Pack(centred, norms, dims, order, start);
        int run = Math.Clamp(256 / Math.Max(dims, 1), 1, 64);   // panels per run: ~16 KB of packed rows
        var result = new double[scored.Length];
        int blocks = (scored.Length + RowBlock - 1) / RowBlock;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1, CancellationToken = ct };
        Parallel.For(0, blocks, options, b =>
        {
            int first = b * RowBlock;
            int count = Math.Min(RowBlock, scored.Length - first);
            var sums = new double[count * k];
            Span<double> four = stackalloc double[4];
            for (int l = 0; l < k; l++)
            {
                int p0 = panels.SegmentFirstPanel[l], p1 = panels.SegmentFirstPanel[l + 1];
                for (int p = p0; p < p1; p += run)
                {
                    int pc = Math.Min(run, p1 - p);
                    for (int g = 0; g < count; g += 4)
                    {
                        int last = first + Math.Min(g + 3, count - 1);
                        four.Clear();
                        PairwiseDistanceSums.SumRowGroup(panels, p, pc, centred, norms, original,
                            scored[first + g], scored[Math.Min(first + g + 1, last)], scored[Math.Min(first + g + 2, last)], scored[last], four);
                        for (int r = 0; r < 4 && g + r < count; r++)
                        {
                            sums[((g + r) * k) + l] += four[r];
                        }
                    }
                }
            }

            for (int r = 0; r < count; r++)
            {
                result[first + r] = FromSums(sums.AsSpan(r * k, k), seg.Counts, seg.Labels[scored[first + r]]);
            }
        });

        return result;
    }

    /// <summary>s(i) from the row's per-segment distance sums (its own sum includes its zero self-distance).</summary>
    private static double FromSums(ReadOnlySpan<double> sums, int[] counts, int own)
    {
        if (counts[own] == 1)
        {
            return 0;   // a singleton segment scores 0, as in scikit-learn
        }

        double a = sums[own] / (counts[own] - 1);
        double b = double.PositiveInfinity;
        for (int l = 0; l < counts.Length; l++)
        {
            if (l != own && counts[l] > 0)
            {
                b = Math.Min(b, sums[l] / counts[l]);
            }
        }

        return Value(a, b);
    }
}
