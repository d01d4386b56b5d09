using System.Runtime.CompilerServices;
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
    /// runs of up to 128 KB (L2-resident while the block's rows pass over them), four scored rows at a time through
    /// the micro-kernel. Extra memory: the centred copy and the packed copy of the data (2 × n × D floats) plus
    /// O(block × K) per task — never a distance matrix.
    /// </summary>
    internal static double[] ScoreRows(FeatureMatrix x, ClusterIndices.SegmentCounts seg, int[] scored, int? maxDegreeOfParallelism, CancellationToken ct)
    {
        var job = Prepare(x, seg);
        var result = new double[scored.Length];
        int blocks = (scored.Length + RowBlock - 1) / RowBlock;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1, CancellationToken = ct };
        Parallel.For(0, blocks, options, b => ScoreBlock(job, seg, scored, b, result));
        return result;
    }

    /// <summary>What every task shares: the original, centred and packed rows.</summary>
    private sealed record ExactJob(float[] Original, float[] Centred, float[] Norms, PairwisePanels Panels, int Run);

    /// <summary>Centres on the float64 column means (smaller norms, less cancellation), sorts rows by segment, packs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ExactJob Prepare(FeatureMatrix x, ClusterIndices.SegmentCounts seg)
    {
        int n = x.Rows, dims = x.Columns, k = seg.K;
        float[] original = x.Buffer;
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
        int run = Math.Clamp(32768 / (panels.Width * Math.Max(dims, 1)), 1, PairwiseDistanceSums.MaxRun);   // ≤ 128 KB
        return new ExactJob(original, centred, norms, panels, run);
    }

    /// <summary>Scores block <paramref name="b"/> of <paramref name="scored"/> into <paramref name="result"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreBlock(ExactJob job, ClusterIndices.SegmentCounts seg, int[] scored, int b, double[] result)
    {
        const int G = PairwiseDistanceSums.RowsPerGroup;
        int k = seg.K;
        int first = b * RowBlock;
        int count = Math.Min(RowBlock, scored.Length - first);
        var sums = new double[count * k];
        Span<double> group = stackalloc double[G];
        Span<int> rows = stackalloc int[G];
        for (int l = 0; l < k; l++)
        {
            int p0 = job.Panels.SegmentFirstPanel[l], p1 = job.Panels.SegmentFirstPanel[l + 1];
            for (int p = p0; p < p1; p += job.Run)
            {
                int pc = Math.Min(job.Run, p1 - p);
                for (int g = 0; g < count; g += G)
                {
                    for (int r = 0; r < G; r++)
                    {
                        rows[r] = scored[first + Math.Min(g + r, count - 1)];   // a short group repeats its last row
                    }

                    group.Clear();
                    PairwiseDistanceSums.SumRowGroup(job.Panels, p, pc, job.Centred, job.Norms, job.Original, rows, group);
                    for (int r = 0; r < G && g + r < count; r++)
                    {
                        sums[((g + r) * k) + l] += group[r];
                    }
                }
            }
        }

        for (int r = 0; r < count; r++)
        {
            result[first + r] = FromSums(sums.AsSpan(r * k, k), seg.Counts, seg.Labels[scored[first + r]]);
        }
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
