using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>Plain Lloyd iterations over the tiled data (the reference the pruned algorithms must match).</summary>
public static partial class KMeans
{
    private static void RunLloyd(KMeansProblem p, KMeansRun run)
    {
        Array.Fill(run.Labels, -1);
        for (int iteration = 1; iteration <= p.MaxIterations; iteration++)
        {
            p.ForEachChunk(c => LloydChunk(p, run, c));
            if (Converge(p, run, iteration))
            {
                break;
            }
        }

        FinishRestart(p, run, relabel: !run.StrictConvergence);
    }

    /// <summary>Assigns a chunk's rows to their nearest centroid and accumulates them into the chunk's partial sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LloydChunk(KMeansProblem p, KMeansRun run, int chunk)
    {
        const int T = CentroidDistances.TileRows;
        Span<int> lab = stackalloc int[T];
        Span<float> best = stackalloc float[T];
        Span<float> second = stackalloc float[T];
        run.ClearChunk(p, chunk);
        var (start, end) = p.Chunk(chunk);
        int changes = 0;
        int[] labels = run.Labels;
        float[] centroids = run.Centroids;
        for (int tile = start / T; tile * T < end; tile++)
        {
            CentroidDistances.TileNearest(p.Tile(tile), centroids, p.K, p.Cols, lab, best, second);
            int r = tile * T;
            if (r + T <= end)
            {
                changes += UpdateLabels(lab, labels.AsSpan(r, T));
                continue;
            }

            for (int lane = 0; r < end; lane++, r++)
            {
                changes += labels[r] != lab[lane] ? 1 : 0;
                labels[r] = lab[lane];
            }
        }

        run.AccumulateChunk(p, chunk);
        run.ChunkChanges[chunk] = changes;
        run.ChunkEvaluations[chunk] = (long)(end - start) * p.K;
    }

    /// <summary>Copies 16 new labels over the old ones and returns how many changed (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int UpdateLabels(ReadOnlySpan<int> fresh, Span<int> labels)
    {
        var n0 = Vector256.Create(fresh[..8]);
        var n1 = Vector256.Create(fresh.Slice(8, 8));
        uint same = Vector256.Equals(n0, Vector256.Create<int>(labels[..8])).ExtractMostSignificantBits()
            | (Vector256.Equals(n1, Vector256.Create<int>(labels.Slice(8, 8))).ExtractMostSignificantBits() << 8);
        n0.CopyTo(labels);
        n1.CopyTo(labels[8..]);
        return 16 - BitOperations.PopCount(same);
    }

    /// <summary>
    /// The update step and scikit-learn's stopping rule, shared by every algorithm: stop when no label changed
    /// (strict convergence) or when Σ shift² ≤ the absolute tolerance. Returns true to stop.
    /// </summary>
    private static bool Converge(KMeansProblem p, KMeansRun run, int iteration)
    {
        var (changes, shiftSquared) = UpdateCentroids(p, run, iteration);
        run.Iterations = iteration;
        if (changes == 0)
        {
            run.StrictConvergence = true;
            run.Converged = true;
            return true;
        }

        if (shiftSquared <= p.Tolerance)
        {
            run.Converged = true;
            return true;
        }

        return false;
    }
}
