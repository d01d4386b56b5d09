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
        Span<double> pots = stackalloc double[count];
        pots.Clear();
        var (start, end) = p.Chunk(c);
        int tiles = RowTiles.Count(end - start);
        for (int t = 0; t < count; t++)
        {
            // Per candidate, 16 lanes at a time: min with the closest distance so far, then Σ weight × that in float64
            // (padding lanes have weight 0). Two accumulators, added at the end: fixed order, so thread-independent.
            var acc0 = Vector256<double>.Zero;
            var acc1 = Vector256<double>.Zero;
            for (int tile = start / T; tile < (start / T) + tiles; tile++)
            {
                if (t == 0)
                {
                    CentroidDistances.TileToCentroids(p.Tile(tile), candidateRows, count, p.Cols, dist);
                    for (int u = 0; u < count; u++)
                    {
                        dist.Slice(u * T, T).CopyTo(candidates.AsSpan((int)(((long)u * n) + (tile * T)), T));
                    }
                }

                int at = (int)(((long)t * n) + (tile * T));
                for (int half = 0; half < T; half += 8)
                {
                    var v = Vector256.Create<float>(candidates.AsSpan(at + half, 8));
                    if (useClosest)
                    {
                        v = Vector256.MinNative(v, Vector256.Create<float>(closest.AsSpan((tile * T) + half, 8)));
                        v.CopyTo(candidates.AsSpan(at + half, 8));
                    }

                    var (lo, hi) = Vector256.Widen(v);
                    acc0 = Vector256.FusedMultiplyAdd(Vector256.Create<double>(p.TileWeights.AsSpan((tile * T) + half, 4)), lo, acc0);
                    acc1 = Vector256.FusedMultiplyAdd(Vector256.Create<double>(p.TileWeights.AsSpan((tile * T) + half + 4, 4)), hi, acc1);
                }
            }

            pots[t] = Vector256.Sum(acc0 + acc1);
        }

        pots.CopyTo(chunkPots.AsSpan(c * count, count));
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
