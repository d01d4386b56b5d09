using System.Runtime.CompilerServices;
using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Validation;

public static partial class Silhouette
{
    /// <summary>
    /// Exact s(i) of every row, computing each pair of rows once. The packed rows are cut into blocks of a few panels
    /// (never across segments); a block's rows meet their own block in full (row sums only) and every later panel
    /// through the symmetric micro-kernel, which credits the block's rows (row sums) and the later rows (column sums)
    /// from one distance. Earlier blocks credit this block the same way, so every pair is counted exactly once.
    /// </summary>
    /// <remarks>
    /// Determinism: a row's total gathers contributions from several tasks, so they are added as 64-bit fixed-point
    /// integers (a power-of-two scale that fits n × the largest possible distance in 2⁶¹); integer addition does not
    /// depend on order, so the result is bit-identical for any thread count. The quantum is at most n × max distance ×
    /// 2⁻⁶¹, ~1e-13 of a typical total. Memory: one n × K integer table per worker thread (plus the packed data).
    /// </remarks>
    internal static double[] ScoreAll(FeatureMatrix x, ClusterIndices.SegmentCounts seg, int? maxDegreeOfParallelism, CancellationToken ct)
    {
        var job = Prepare(x, seg);
        int n = x.Rows, k = seg.K, w = job.Panels.Width;
        double scale = FixedPointScale(job.Norms, n);

        int blockPanels = Math.Max(1, 256 / w);   // ~256 rows per block
        var blocks = new List<(int Segment, int First, int Count)>();
        for (int l = 0; l < k; l++)
        {
            for (int p = job.Panels.SegmentFirstPanel[l]; p < job.Panels.SegmentFirstPanel[l + 1]; p += blockPanels)
            {
                blocks.Add((l, p, Math.Min(blockPanels, job.Panels.SegmentFirstPanel[l + 1] - p)));
            }
        }

        var totals = new long[n * k];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = ct,
        };
        Parallel.For(0, blocks.Count, options, () => new long[n * k],
            (b, _, local) =>
            {
                SymmetricBlock(job, seg, blocks[b], scale, local);
                return local;
            },
            local =>
            {
                lock (totals)
                {
                    for (int i = 0; i < totals.Length; i++)
                    {
                        totals[i] += local[i];
                    }
                }
            });

        var result = new double[n];
        var sums = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int l = 0; l < k; l++)
            {
                sums[l] = totals[(i * k) + l] / scale;
            }

            result[i] = FromSums(sums, seg.Counts, seg.Labels[i]);
        }

        return result;
    }

    /// <summary>
    /// A power of two such that n × (largest possible distance) × scale ≤ 2⁶¹. Distances between centred rows are at most
    /// 2 × the largest centred norm (with 1% to spare for round-off and the exact float64 recomputation).
    /// </summary>
    private static double FixedPointScale(float[] norms, int n)
    {
        float maxNorm = 0;
        foreach (float v in norms)
        {
            maxNorm = Math.Max(maxNorm, v);
        }

        double bound = 2.02 * Math.Sqrt(maxNorm) * n;
        return bound > 0 ? Math.Pow(2, Math.Floor(Math.Log2(Math.Pow(2, 61) / bound))) : 1;
    }

    /// <summary>One block: its own panels (row sums only), then every later panel (row and column sums).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SymmetricBlock(ExactJob job, ClusterIndices.SegmentCounts seg, (int Segment, int First, int Count) block, double scale, long[] acc)
    {
        const int G = PairwiseDistanceSums.RowsPerGroup;
        var panels = job.Panels;
        int k = seg.K, w = panels.Width;
        var members = new List<int>(block.Count * w);
        for (int lane = block.First * w; lane < (block.First + block.Count) * w; lane++)
        {
            if (panels.RowOf[lane] >= 0)
            {
                members.Add(panels.RowOf[lane]);
            }
        }

        int m = members.Count;
        var rowSums = new double[m * k];
        var columns = new float[job.Run * w];
        var wide = new double[job.Run * w];
        Span<double> group = stackalloc double[G];
        Span<int> rows = stackalloc int[G];

        // Within the block: both orders of each pair, row sums only.
        for (int g = 0; g < m; g += G)
        {
            Group(members, g, rows);
            group.Clear();
            PairwiseDistanceSums.SumRowGroup(panels, block.First, block.Count, job.Centred, job.Norms, job.Original, rows, group);
            for (int r = 0; r < G && g + r < m; r++)
            {
                rowSums[((g + r) * k) + block.Segment] += group[r];
            }
        }

        // Every later panel: this block's segment after the block, then the later segments.
        for (int l = block.Segment; l < k; l++)
        {
            int from = l == block.Segment ? block.First + block.Count : panels.SegmentFirstPanel[l];
            int to = panels.SegmentFirstPanel[l + 1];
            for (int p = from; p < to; p += job.Run)
            {
                int pc = Math.Min(job.Run, to - p);
                Span<float> run = columns.AsSpan(0, pc * w);
                for (int g = 0; g < m; g += G)
                {
                    int real = Group(members, g, rows);
                    group.Clear();
                    PairwiseDistanceSums.SumRowGroupSymmetric(panels, p, pc, job.Centred, job.Norms, job.Original, rows, real, group, run);
                    for (int r = 0; r < real; r++)
                    {
                        rowSums[((g + r) * k) + l] += group[r];
                    }

                    if ((g / G) % PairwiseDistanceSums.FlushEvery == PairwiseDistanceSums.FlushEvery - 1 || g + G >= m)
                    {
                        // Each lane now holds ≤ 64 float32 distances: move them to float64.
                        for (int i = 0; i < run.Length; i++)
                        {
                            wide[i] += run[i];
                        }

                        run.Clear();
                    }
                }

                // Credit the later rows with the block's distances, in fixed point.
                for (int i = 0; i < pc * w; i++)
                {
                    int other = panels.RowOf[(p * w) + i];
                    if (other >= 0)
                    {
                        acc[(other * k) + block.Segment] += (long)Math.Round(wide[i] * scale);
                    }

                    wide[i] = 0;
                }
            }
        }

        for (int i = 0; i < m; i++)
        {
            for (int l = 0; l < k; l++)
            {
                acc[(members[i] * k) + l] += (long)Math.Round(rowSums[(i * k) + l] * scale);
            }
        }
    }

    /// <summary>Fills the group starting at member <paramref name="g"/> (repeating the last for a short group); returns how many are real.</summary>
    private static int Group(List<int> members, int g, Span<int> rows)
    {
        int real = Math.Min(rows.Length, members.Count - g);
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = members[g + Math.Min(r, real - 1)];
        }

        return real;
    }
}
