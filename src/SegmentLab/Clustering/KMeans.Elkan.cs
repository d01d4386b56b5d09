using System.Runtime.CompilerServices;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// Elkan's algorithm (2003): per row an upper bound on the own-centroid distance and one lower bound per centroid,
/// plus the centroid-to-centroid distances; a centroid is measured only when no bound rules it out.
/// </summary>
/// <remarks>
/// Same slack rule as Hamerly (see <see cref="RunHamerly"/>): a centroid is ruled out only when its lower bound, less
/// the slack, exceeds the upper bound plus the slack, so its computed distance is strictly larger than the own one and
/// the result is exactly Lloyd's. Lower bounds are stored in float32 rounded down (K per row).
/// </remarks>
public static partial class KMeans
{
    private static void RunElkan(KMeansProblem p, KMeansRun run)
    {
        int n = p.Rows, k = p.K;
        var upper = new double[n];
        var lower = new float[(long)n * k];
        var between = new double[k * k];
        var half = new double[k];
        Array.Fill(run.Labels, -1);
        for (int iteration = 1; iteration <= p.MaxIterations; iteration++)
        {
            if (iteration == 1)
            {
                p.ForEachChunk(c => ElkanFirstChunk(p, run, c, upper, lower));
            }
            else
            {
                for (int i = 0; i < k; i++)
                {
                    half[i] = double.PositiveInfinity;
                    for (int j = 0; j < k; j++)
                    {
                        between[(i * k) + j] = i == j ? 0 : CentroidSeparation(run.Centroids, p.Cols, i, j);
                        half[i] = i == j ? half[i] : Math.Min(half[i], 0.5 * between[(i * k) + j]);
                    }
                }

                p.ForEachChunk(c => ElkanChunk(p, run, c, upper, lower, between, half));
            }

            if (Converge(p, run, iteration))
            {
                break;
            }
        }

        FinishRestart(p, run, relabel: !run.StrictConvergence);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ElkanFirstChunk(KMeansProblem p, KMeansRun run, int chunk, double[] upper, float[] lower)
    {
        const int T = CentroidDistances.TileRows;
        int k = p.K;
        Span<float> dist = stackalloc float[k * T];
        run.ClearChunk(p, chunk);
        var (start, end) = p.Chunk(chunk);
        double up = 1 + p.Slack, down = 1 - p.Slack;
        for (int tile = start / T; tile * T < end; tile++)
        {
            CentroidDistances.TileToCentroids(p.Tile(tile), run.Centroids, k, p.Cols, dist);
            for (int lane = 0, r = tile * T; lane < T && r < end; lane++, r++)
            {
                int label = 0;
                float best = float.PositiveInfinity;
                for (int j = 0; j < k; j++)
                {
                    float v = dist[(j * T) + lane];
                    lower[((long)r * k) + j] = RoundDown(Math.Sqrt(v) * down);
                    if (v < best)
                    {
                        best = v;
                        label = j;
                    }
                }

                run.Labels[r] = label;
                upper[r] = Math.Sqrt(best) * up;
            }
        }

        run.AccumulateChunk(p, chunk);
        run.ChunkChanges[chunk] = end - start;
        run.ChunkEvaluations[chunk] = (long)(end - start) * k;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ElkanChunk(KMeansProblem p, KMeansRun run, int chunk, double[] upper, float[] lower,
        double[] between, double[] half)
    {
        int k = p.K, d = p.Cols;
        run.ClearChunk(p, chunk);
        var (start, end) = p.Chunk(chunk);
        double up = 1 + p.Slack, down = 1 - p.Slack;
        int changes = 0;
        long evaluations = 0;
        for (int r = start; r < end; r++)
        {
            int a = run.Labels[r], first = a;
            Span<float> lb = lower.AsSpan((int)((long)r * k), k);
            for (int j = 0; j < k; j++)
            {
                lb[j] = RoundDown(lb[j] - run.Shift[j]);
            }

            double u = upper[r] + run.Shift[a];
            if ((2 * half[a] - u) * down <= u * up)
            {
                ReadOnlySpan<float> x = p.Row(r);
                bool tight = false;
                float own = 0;
                for (int j = 0; j < k; j++)
                {
                    if (j == a || Math.Max(lb[j], between[(a * k) + j] - u) * down > u * up)
                    {
                        continue;
                    }

                    if (!tight)
                    {
                        own = CentroidDistances.Pair(x, run.Centroids.AsSpan(a * d, d));
                        evaluations++;
                        u = Math.Sqrt(own) * up;
                        lb[a] = RoundDown(Math.Sqrt(own) * down);
                        tight = true;
                        if (Math.Max(lb[j], between[(a * k) + j] - u) * down > u * up)
                        {
                            continue;
                        }
                    }

                    float dj = CentroidDistances.Pair(x, run.Centroids.AsSpan(j * d, d));
                    evaluations++;
                    lb[j] = RoundDown(Math.Sqrt(dj) * down);

                    // Lowest index wins a tie, as in Lloyd's argmin.
                    if (dj < own || (dj == own && j < a))
                    {
                        a = j;
                        own = dj;
                        u = Math.Sqrt(dj) * up;
                    }
                }
            }

            upper[r] = u;
            if (a != first)
            {
                changes++;
                run.Labels[r] = a;
            }
        }

        run.AccumulateChunk(p, chunk);
        run.ChunkChanges[chunk] = changes;
        run.ChunkEvaluations[chunk] = evaluations;
    }

    /// <summary>The largest float32 not above <paramref name="v"/>, so a stored lower bound stays a lower bound.</summary>
    private static float RoundDown(double v)
    {
        float f = (float)v;
        return f > v ? MathF.BitDecrement(f) : f;
    }
}
