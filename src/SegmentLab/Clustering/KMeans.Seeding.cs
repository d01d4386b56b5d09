using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// Greedy k-means++ seeding as scikit-learn's <c>_kmeans_plusplus</c>: the first centroid is a row drawn in
/// proportion to its weight; each next one is the best (lowest resulting potential) of 2 + ⌊ln k⌋ candidates drawn in
/// proportion to weight × squared distance to the nearest centroid so far.
/// </summary>
public static partial class KMeans
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SeedPlusPlus(KMeansProblem p, KMeansRun run, ref SeededRandom rng)
    {
        int n = p.Rows, d = p.Cols, k = p.K;
        int trials = 2 + (int)Math.Log(k);
        var closest = new float[p.PaddedRows];
        var candidates = new float[(long)trials * p.PaddedRows];
        var chunkPots = new double[p.Chunks * trials];
        var candidateRows = new float[trials * d];

        double totalWeight = 0;
        for (int r = 0; r < n; r++)
        {
            totalWeight += p.Weight(r);
        }

        int first = SearchCumulative(p, null, [rng.NextDouble() * totalWeight])[0];
        p.Row(first).CopyTo(run.Centroids.AsSpan(0, d));
        p.Row(first).CopyTo(candidateRows);
        DistancesToCandidates(p, closest, candidates, chunkPots, candidateRows, 1, useClosest: false);
        double pot = SumChunks(chunkPots, p.Chunks, 1, 0);
        candidates.AsSpan(0, p.PaddedRows).CopyTo(closest);

        var draws = new double[trials];
        for (int c = 1; c < k; c++)
        {
            for (int t = 0; t < trials; t++)
            {
                draws[t] = rng.NextDouble() * pot;
            }

            int[] ids = SearchCumulative(p, closest, draws);
            for (int t = 0; t < trials; t++)
            {
                p.Row(ids[t]).CopyTo(candidateRows.AsSpan(t * d, d));
            }

            DistancesToCandidates(p, closest, candidates, chunkPots, candidateRows, trials, useClosest: true);
            int best = 0;
            double bestPot = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double candidatePot = SumChunks(chunkPots, p.Chunks, trials, t);
                if (candidatePot < bestPot)
                {
                    bestPot = candidatePot;
                    best = t;
                }
            }

            pot = bestPot;
            candidates.AsSpan((int)((long)best * p.PaddedRows), p.PaddedRows).CopyTo(closest);
            p.Row(ids[best]).CopyTo(run.Centroids.AsSpan(c * d, d));
        }

        run.RefreshPanel(p);
    }

    /// <summary>
    /// For each candidate t: <c>candidates[t][r] = min(closest[r], ‖x_r − cand_t‖²)</c> (or just the distance when
    /// <paramref name="useClosest"/> is false) and, per chunk, the weighted potential Σ w·that.
    /// </summary>
    private static void DistancesToCandidates(KMeansProblem p, float[] closest, float[] candidates, double[] chunkPots,
        float[] candidateRows, int count, bool useClosest)
    {
        p.ForEachChunk(c => CandidateChunk(p, closest, candidates, chunkPots, candidateRows, count, useClosest, c));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CandidateChunk(KMeansProblem p, float[] closest, float[] candidates, double[] chunkPots,
        float[] candidateRows, int count, bool useClosest, int c)
    {
        const int T = CentroidDistances.TileRows;
        int n = p.PaddedRows;
        Span<float> dist = stackalloc float[count * T];

        // Per candidate two float64 accumulators of 4 lanes, added at the end: a fixed order, so thread-independent.
        Span<Vector256<double>> acc = stackalloc Vector256<double>[count * 2];
        acc.Clear();
        var (start, end) = p.Chunk(c);
        for (int tile = start / T; tile * T < end; tile++)
        {
            int at = tile * T;
            CentroidDistances.TileToCentroids(p.Tile(tile), candidateRows, count, p.Cols, dist);
            var w0 = Vector256.Create<double>(p.TileWeights.AsSpan(at, 4));
            var w1 = Vector256.Create<double>(p.TileWeights.AsSpan(at + 4, 4));
            var w2 = Vector256.Create<double>(p.TileWeights.AsSpan(at + 8, 4));
            var w3 = Vector256.Create<double>(p.TileWeights.AsSpan(at + 12, 4));
            var near0 = useClosest ? Vector256.Create<float>(closest.AsSpan(at, 8)) : Vector256.Create(float.PositiveInfinity);
            var near1 = useClosest ? Vector256.Create<float>(closest.AsSpan(at + 8, 8)) : Vector256.Create(float.PositiveInfinity);
            for (int t = 0; t < count; t++)
            {
                // min(closest, distance to the candidate), kept for the winner, weighted into the candidate's potential
                // (padding lanes have weight 0).
                var v0 = Vector256.MinNative(Vector256.Create<float>(dist.Slice(t * T, 8)), near0);
                var v1 = Vector256.MinNative(Vector256.Create<float>(dist.Slice((t * T) + 8, 8)), near1);
                v0.CopyTo(candidates.AsSpan((int)(((long)t * n) + at), 8));
                v1.CopyTo(candidates.AsSpan((int)(((long)t * n) + at + 8), 8));
                var (l0, h0) = Vector256.Widen(v0);
                var (l1, h1) = Vector256.Widen(v1);
                acc[2 * t] = Vector256.FusedMultiplyAdd(w0, l0, Vector256.FusedMultiplyAdd(w2, l1, acc[2 * t]));
                acc[(2 * t) + 1] = Vector256.FusedMultiplyAdd(w1, h0, Vector256.FusedMultiplyAdd(w3, h1, acc[(2 * t) + 1]));
            }
        }

        for (int t = 0; t < count; t++)
        {
            chunkPots[(c * count) + t] = Vector256.Sum(acc[2 * t] + acc[(2 * t) + 1]);
        }
    }

    private static double SumChunks(double[] chunkPots, int chunks, int count, int t)
    {
        double s = 0;
        for (int c = 0; c < chunks; c++)
        {
            s += chunkPots[(c * count) + t];
        }

        return s;
    }

    /// <summary>
    /// For each draw v, the first row whose running sum of mass (weight × closest, or weight alone when
    /// <paramref name="closest"/> is null) exceeds v; a draw beyond the total (rounding) takes the last row with mass.
    /// Rows without mass are never chosen, so a centroid is never picked twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] SearchCumulative(KMeansProblem p, float[]? closest, double[] draws)
    {
        int[] order = Enumerable.Range(0, draws.Length).OrderBy(i => draws[i]).ThenBy(i => i).ToArray();
        var ids = new int[draws.Length];
        int next = 0, lastWithMass = 0;
        double cumulative = 0;
        for (int r = 0; r < p.Rows && next < order.Length; r++)
        {
            double mass = p.Weight(r) * (closest is null ? 1.0 : closest[r]);
            if (mass <= 0)
            {
                continue;
            }

            lastWithMass = r;
            cumulative += mass;
            while (next < order.Length && cumulative > draws[order[next]])
            {
                ids[order[next++]] = r;
            }
        }

        while (next < order.Length)
        {
            ids[order[next++]] = lastWithMass;
        }

        return ids;
    }
}
