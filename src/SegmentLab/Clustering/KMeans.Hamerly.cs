using System.Runtime.CompilerServices;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// Hamerly's algorithm (2010): per row an upper bound on the distance to its own centroid and a lower bound on the
/// distance to every other; a row whose bounds separate keeps its label without any distance computed.
/// </summary>
/// <remarks>
/// Bounds are on true Euclidean distances (float64), set from computed distances widened by
/// <see cref="KMeansProblem.Slack"/>, and a row is skipped only when lower·(1 − slack) &gt; upper·(1 + slack). That
/// guarantees every other centroid's computed distance is strictly larger than the own one, so the label equals
/// the exact argmin Lloyd computes (lowest index on ties) and the update sums are bit for bit Lloyd's.
/// </remarks>
public static partial class KMeans
{
    private static void RunHamerly(KMeansProblem p, KMeansRun run)
    {
        int n = p.Rows, k = p.K;
        var upper = new double[n];
        var lower = new double[n];
        var half = new double[k];
        Array.Fill(run.Labels, -1);
        for (int iteration = 1; iteration <= p.MaxIterations; iteration++)
        {
            if (iteration == 1)
            {
                p.ForEachChunk(c => HamerlyFirstChunk(p, run, c, upper, lower));
            }
            else
            {
                HalfSeparations(p, run.Centroids, half);
                int far = 0;
                for (int j = 1; j < k; j++)
                {
                    far = run.Shift[j] > run.Shift[far] ? j : far;
                }

                double farShift = run.Shift[far], nextShift = 0;
                for (int j = 0; j < k; j++)
                {
                    nextShift = j != far ? Math.Max(nextShift, run.Shift[j]) : nextShift;
                }

                p.ForEachChunk(c => HamerlyChunk(p, run, c, upper, lower, half, far, farShift, nextShift));
            }

            if (Converge(p, run, iteration))
            {
                break;
            }
        }

        FinishRestart(p, run, relabel: !run.StrictConvergence);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HamerlyFirstChunk(KMeansProblem p, KMeansRun run, int chunk, double[] upper, double[] lower)
    {
        const int T = CentroidDistances.TileRows;
        Span<int> lab = stackalloc int[T];
        Span<float> best = stackalloc float[T];
        Span<float> second = stackalloc float[T];
        run.ClearChunk(p, chunk);
        var (start, end) = p.Chunk(chunk);
        double up = 1 + p.Slack, down = 1 - p.Slack;
        for (int tile = start / T; tile * T < end; tile++)
        {
            CentroidDistances.TileNearest(p.Tile(tile), run.Centroids, p.K, p.Cols, lab, best, second);
            for (int lane = 0, r = tile * T; lane < T && r < end; lane++, r++)
            {
                run.Labels[r] = lab[lane];
                upper[r] = Math.Sqrt(best[lane]) * up;
                lower[r] = Math.Sqrt(second[lane]) * down;
            }
        }

        run.AccumulateChunk(p, chunk);
        run.ChunkChanges[chunk] = end - start;
        run.ChunkEvaluations[chunk] = (long)(end - start) * p.K;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HamerlyChunk(KMeansProblem p, KMeansRun run, int chunk, double[] upper, double[] lower,
        double[] half, int far, double farShift, double nextShift)
    {
        const int T = CentroidDistances.TileRows;
        int k = p.K, d = p.Cols;
        Span<int> lab = stackalloc int[T];
        Span<float> best = stackalloc float[T];
        Span<float> second = stackalloc float[T];
        run.ClearChunk(p, chunk);
        var (start, end) = p.Chunk(chunk);
        double up = 1 + p.Slack, down = 1 - p.Slack;
        int changes = 0;
        long evaluations = 0;
        for (int tile = start / T; tile * T < end; tile++)
        {
            int rowsHere = Math.Min(T, end - (tile * T));
            bool recompute = false;
            for (int lane = 0, r = tile * T; lane < rowsHere; lane++, r++)
            {
                // Move the bounds by the last centroid shifts (triangle inequality), then test.
                int a = run.Labels[r];
                double u = upper[r] + run.Shift[a];
                double l = lower[r] - (a == far ? nextShift : farShift);
                lower[r] = l;
                if (Math.Max(l, (2 * half[a]) - u) * down <= u * up && k > 16)
                {
                    // Many centroids: tighten the upper bound with one distance first; often that settles the row.
                    u = Math.Sqrt(CentroidDistances.Pair(p.Row(r), run.Centroids.AsSpan(a * d, d))) * up;
                    evaluations++;
                }

                upper[r] = u;
                recompute |= Math.Max(l, (2 * half[a]) - u) * down <= u * up;
            }

            // The tile kernel costs about as much for 16 rows as the row kernel for 3, so an undecided row
            // re-assigns its whole tile; rows that were decided get the same label back and tighter bounds.
            if (recompute)
            {
                CentroidDistances.TileNearest(p.Tile(tile), run.Centroids, k, d, lab, best, second);
                evaluations += (long)rowsHere * k;
                for (int lane = 0, r = tile * T; lane < rowsHere; lane++, r++)
                {
                    upper[r] = Math.Sqrt(best[lane]) * up;
                    lower[r] = Math.Sqrt(second[lane]) * down;
                    if (lab[lane] != run.Labels[r])
                    {
                        changes++;
                        run.Labels[r] = lab[lane];
                    }
                }
            }
        }

        run.AccumulateChunk(p, chunk);
        run.ChunkChanges[chunk] = changes;
        run.ChunkEvaluations[chunk] = evaluations;
    }

    /// <summary>½ × the distance from each centroid to its nearest other centroid (float64; +∞ when K = 1).</summary>
    private static void HalfSeparations(KMeansProblem p, float[] centroids, double[] half)
    {
        int k = p.K, d = p.Cols;
        Array.Fill(half, double.PositiveInfinity);
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                double h = 0.5 * CentroidSeparation(centroids, d, i, j);
                half[i] = Math.Min(half[i], h);
                half[j] = Math.Min(half[j], h);
            }
        }
    }

    /// <summary>Euclidean distance between centroids i and j, in float64.</summary>
    private static double CentroidSeparation(float[] centroids, int d, int i, int j)
    {
        double s = 0;
        for (int f = 0; f < d; f++)
        {
            double delta = (double)centroids[(i * d) + f] - centroids[(j * d) + f];
            s += delta * delta;
        }

        return Math.Sqrt(s);
    }
}
