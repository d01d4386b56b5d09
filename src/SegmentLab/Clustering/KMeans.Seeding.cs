using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// Greedy k-means++ seeding as scikit-learn's <c>_kmeans_plusplus</c>: the first centroid is a row drawn in
/// proportion to its weight; each next one is the best (lowest resulting potential) of 2 + ⌊ln k⌋ candidates drawn in
/// proportion to weight × squared distance to the nearest centroid so far.
/// </summary>
/// <remarks>
/// Potentials are summed per chunk (fixed order) and the draws are located chunk by chunk from those sums, then row
/// by row inside one chunk, so a draw costs one chunk scan instead of a pass over all rows, and nothing depends on
/// the thread count.
/// </remarks>
public static partial class KMeans
{
    internal static void SeedPlusPlus(KMeansProblem p, KMeansRun run, ref SeededRandom rng)
    {
        int d = p.Cols, k = p.K;
        int trials = 2 + (int)Math.Log(k);
        float[] closest = run.Closest;
        var chunkMass = new double[p.Chunks];
        var chunkPots = new double[p.Chunks * trials];
        var candidateRows = new float[trials * d];

        int first = SearchCumulative(p, null, p.ChunkWeightTotals, [rng.NextDouble() * Sum(p.ChunkWeightTotals)])[0];
        p.Row(first).CopyTo(run.Centroids.AsSpan(0, d));
        p.Row(first).CopyTo(candidateRows);
        p.ForEachChunk(c => SeedChunk(p, closest, chunkPots, candidateRows, 1, SeedMode.Start, c));
        chunkPots.AsSpan(0, p.Chunks).CopyTo(chunkMass);
        double pot = Sum(chunkMass);

        var draws = new double[trials];
        for (int c = 1; c < k; c++)
        {
            for (int t = 0; t < trials; t++)
            {
                draws[t] = rng.NextDouble() * pot;
            }

            int[] ids = SearchCumulative(p, closest, chunkMass, draws);
            for (int t = 0; t < trials; t++)
            {
                p.Row(ids[t]).CopyTo(candidateRows.AsSpan(t * d, d));
            }

            p.ForEachChunk(chunk => SeedChunk(p, closest, chunkPots, candidateRows, trials, SeedMode.Potentials, chunk));
            int best = 0;
            double bestPot = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double candidatePot = 0;
                for (int chunk = 0; chunk < p.Chunks; chunk++)
                {
                    candidatePot += chunkPots[(chunk * trials) + t];
                }

                if (candidatePot < bestPot)
                {
                    bestPot = candidatePot;
                    best = t;
                }
            }

            // Keep the winner: its per-chunk potentials become the chunk masses, and closest = min(closest, d_best)
            // (the same float32 values the potentials were summed from, by the shared per-pair arithmetic).
            pot = bestPot;
            for (int chunk = 0; chunk < p.Chunks; chunk++)
            {
                chunkMass[chunk] = chunkPots[(chunk * trials) + best];
            }

            p.Row(ids[best]).CopyTo(candidateRows);
            p.ForEachChunk(chunk => SeedChunk(p, closest, chunkPots, candidateRows, 1, SeedMode.Update, chunk));
            p.Row(ids[best]).CopyTo(run.Centroids.AsSpan(c * d, d));
        }

        run.RefreshPanel(p);
    }

    private enum SeedMode
    {
        /// <summary>closest = distance to the one candidate; potentials summed.</summary>
        Start,

        /// <summary>Potentials Σ w·min(closest, d_t) per candidate; closest unchanged.</summary>
        Potentials,

        /// <summary>closest = min(closest, distance to the one candidate); no potentials.</summary>
        Update,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SeedChunk(KMeansProblem p, float[] closest, double[] chunkPots, float[] candidateRows, int count, SeedMode mode, int c)
    {
        const int T = CentroidDistances.TileRows;
        Span<float> dist = stackalloc float[count * T];

        // Per candidate two float64 accumulators of 4 lanes, added at the end: a fixed order, so thread-independent.
        Span<Vector256<double>> acc = stackalloc Vector256<double>[count * 2];
        acc.Clear();
        var (start, end) = p.Chunk(c);
        for (int tile = start / T; tile * T < end; tile++)
        {
            int at = tile * T;
            CentroidDistances.TileToCentroids(p.Tile(tile), candidateRows, count, p.Cols, dist);
            var near0 = mode == SeedMode.Start ? Vector256.Create(float.PositiveInfinity) : Vector256.Create<float>(closest.AsSpan(at, 8));
            var near1 = mode == SeedMode.Start ? Vector256.Create(float.PositiveInfinity) : Vector256.Create<float>(closest.AsSpan(at + 8, 8));
            if (mode == SeedMode.Update)
            {
                Vector256.MinNative(Vector256.Create<float>(dist[..8]), near0).CopyTo(closest.AsSpan(at, 8));
                Vector256.MinNative(Vector256.Create<float>(dist.Slice(8, 8)), near1).CopyTo(closest.AsSpan(at + 8, 8));
                continue;
            }

            var w0 = Vector256.Create<double>(p.TileWeights.AsSpan(at, 4));
            var w1 = Vector256.Create<double>(p.TileWeights.AsSpan(at + 4, 4));
            var w2 = Vector256.Create<double>(p.TileWeights.AsSpan(at + 8, 4));
            var w3 = Vector256.Create<double>(p.TileWeights.AsSpan(at + 12, 4));
            for (int t = 0; t < count; t++)
            {
                // min(closest, distance to the candidate), weighted into the candidate's potential (padding weighs 0).
                var v0 = Vector256.MinNative(Vector256.Create<float>(dist.Slice(t * T, 8)), near0);
                var v1 = Vector256.MinNative(Vector256.Create<float>(dist.Slice((t * T) + 8, 8)), near1);
                if (mode == SeedMode.Start)
                {
                    v0.CopyTo(closest.AsSpan(at, 8));
                    v1.CopyTo(closest.AsSpan(at + 8, 8));
                }

                var (l0, h0) = Vector256.Widen(v0);
                var (l1, h1) = Vector256.Widen(v1);
                acc[2 * t] = Vector256.FusedMultiplyAdd(w0, l0, Vector256.FusedMultiplyAdd(w2, l1, acc[2 * t]));
                acc[(2 * t) + 1] = Vector256.FusedMultiplyAdd(w1, h0, Vector256.FusedMultiplyAdd(w3, h1, acc[(2 * t) + 1]));
            }
        }

        for (int t = 0; mode != SeedMode.Update && t < count; t++)
        {
            chunkPots[(c * count) + t] = Vector256.Sum(acc[2 * t] + acc[(2 * t) + 1]);
        }
    }

    private static double Sum(double[] values)
    {
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }

    /// <summary>
    /// For each draw v: the chunk whose running total of <paramref name="chunkMass"/> first exceeds v, then inside it
    /// the first row whose running mass (weight × closest, or weight alone when <paramref name="closest"/> is null)
    /// exceeds v. Rows without mass are never chosen, so no centroid is picked twice; a draw lost to rounding takes
    /// the last row with mass of its chunk (or of the data).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] SearchCumulative(KMeansProblem p, float[]? closest, double[] chunkMass, double[] draws)
    {
        int[] order = Enumerable.Range(0, draws.Length).OrderBy(i => draws[i]).ThenBy(i => i).ToArray();
        var ids = new int[draws.Length];
        int next = 0, lastWithMass = 0;
        double prefix = 0;
        for (int c = 0; c < p.Chunks && next < order.Length; c++)
        {
            double end = prefix + chunkMass[c];
            if (chunkMass[c] <= 0 || draws[order[next]] >= end)
            {
                prefix = end;
                lastWithMass = chunkMass[c] > 0 ? LastWithMass(p, closest, c) : lastWithMass;
                continue;
            }

            var (first, stop) = p.Chunk(c);
            double cumulative = prefix;
            int lastHere = -1;
            for (int r = first; r < stop && next < order.Length; r++)
            {
                double mass = p.Weight(r) * (closest is null ? 1.0 : closest[r]);
                if (mass <= 0)
                {
                    continue;
                }

                lastHere = r;
                cumulative += mass;
                while (next < order.Length && cumulative > draws[order[next]])
                {
                    ids[order[next++]] = r;
                }
            }

            lastHere = lastHere < 0 ? LastWithMass(p, closest, c) : lastHere;
            while (next < order.Length && draws[order[next]] < end)
            {
                ids[order[next++]] = lastHere;
            }

            prefix = end;
            lastWithMass = LastWithMass(p, closest, c);
        }

        while (next < order.Length)
        {
            ids[order[next++]] = lastWithMass;
        }

        return ids;
    }

    private static int LastWithMass(KMeansProblem p, float[]? closest, int chunk)
    {
        var (first, stop) = p.Chunk(chunk);
        for (int r = stop - 1; r >= first; r--)
        {
            if (p.Weight(r) * (closest is null ? 1.0 : closest[r]) > 0)
            {
                return r;
            }
        }

        return first;
    }
}
