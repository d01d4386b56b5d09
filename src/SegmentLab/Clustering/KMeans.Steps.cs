using System.Runtime.CompilerServices;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>The update step, empty-cluster relocation and final inertia shared by every algorithm.</summary>
public static partial class KMeans
{
    /// <summary>
    /// Adds the per-chunk partial sums in chunk order, relocates empty clusters, moves the centroids to the weighted
    /// means and records each centroid's shift. Returns the number of label changes and Σ shift².
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long Changes, double ShiftSquared) UpdateCentroids(KMeansProblem p, KMeansRun run, int iteration)
    {
        int k = p.K, d = p.Cols;
        var sums = new double[k * d];
        var weights = new double[k];
        long changes = 0, evaluations = 0;
        for (int c = 0; c < p.Chunks; c++)
        {
            ReadOnlySpan<double> cs = run.ChunkSums.AsSpan(c * k * d, k * d);
            for (int i = 0; i < cs.Length; i++)
            {
                sums[i] += cs[i];
            }

            for (int j = 0; j < k; j++)
            {
                weights[j] += run.ChunkWeights[(c * k) + j];
            }

            changes += run.ChunkChanges[c];
            evaluations += run.ChunkEvaluations[c];
            run.ChunkEvaluations[c] = 0;
        }

        run.Evaluations += evaluations;
        if (Array.IndexOf(weights, 0.0) >= 0)
        {
            RelocateEmptyClusters(p, run, iteration, sums, weights);
        }

        double shiftSquared = 0;
        Span<float> updated = stackalloc float[d];
        for (int j = 0; j < k; j++)
        {
            Span<float> centroid = run.Centroids.AsSpan(j * d, d);
            if (weights[j] > 0)
            {
                for (int f = 0; f < d; f++)
                {
                    updated[f] = (float)(sums[(j * d) + f] / weights[j]);
                }
            }
            else
            {
                // Only possible when every row left has weight 0: keep the centroid where it was.
                centroid.CopyTo(updated);
            }

            double s = 0;
            for (int f = 0; f < d; f++)
            {
                double delta = (double)updated[f] - centroid[f];
                s += delta * delta;
            }

            run.Shift[j] = Math.Sqrt(s);
            shiftSquared += s;
            updated.CopyTo(centroid);
        }

        run.RefreshPanel(p);
        return (changes, shiftSquared);
    }

    /// <summary>
    /// scikit-learn's rule: the i-th empty cluster (by index) takes the i-th row farthest from the centroid it is
    /// assigned to (ties: lowest row; rows of weight 0 are never picked); the row's weight moves from its old cluster's
    /// sum to the empty cluster. Labels are not changed here: the next assignment step does that.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RelocateEmptyClusters(KMeansProblem p, KMeansRun run, int iteration, double[] sums, double[] weights)
    {
        int d = p.Cols;
        var empty = new List<int>();
        for (int j = 0; j < p.K; j++)
        {
            if (weights[j] == 0)
            {
                empty.Add(j);
            }
        }

        // Squared distance of every row to its assigned (pre-update) centroid, then the |empty| largest.
        var distances = new float[p.Rows];
        p.ForEachChunk(c =>
        {
            var (start, end) = p.Chunk(c);
            for (int r = start; r < end; r++)
            {
                distances[r] = p.Weight(r) > 0 ? CentroidDistances.Pair(p.Row(r), run.Centroids.AsSpan(run.Labels[r] * d, d)) : -1f;
            }
        });

        var farthest = new List<int>(empty.Count + 1);
        for (int r = 0; r < p.Rows; r++)
        {
            if (distances[r] < 0 || (farthest.Count == empty.Count && distances[r] <= distances[farthest[^1]]))
            {
                continue;
            }

            int at = farthest.Count;
            while (at > 0 && distances[farthest[at - 1]] < distances[r])
            {
                at--;
            }

            farthest.Insert(at, r);
            if (farthest.Count > empty.Count)
            {
                farthest.RemoveAt(farthest.Count - 1);
            }
        }

        for (int i = 0; i < Math.Min(empty.Count, farthest.Count); i++)
        {
            int target = empty[i], row = farthest[i], old = run.Labels[row];
            double w = p.Weight(row);
            ReadOnlySpan<float> x = p.Row(row);
            for (int f = 0; f < d; f++)
            {
                sums[(old * d) + f] -= w * x[f];
                sums[(target * d) + f] = w * x[f];
            }

            weights[old] -= w;
            weights[target] = w;
            run.Relocations.Add(new EmptyClusterRelocation(iteration, target, row, distances[row]));
        }
    }

    /// <summary>
    /// The last pass of a restart: when <paramref name="relabel"/>, assigns every row to its nearest final centroid
    /// (scikit-learn's closing E-step after a non-strict stop); then the inertia Σ w·‖x − c_label‖², added in chunk order.
    /// </summary>
    internal static void FinishRestart(KMeansProblem p, KMeansRun run, bool relabel)
    {
        p.ForEachChunk(c => FinishChunk(p, run, relabel, c));
        double total = 0;
        for (int c = 0; c < p.Chunks; c++)
        {
            total += run.ChunkInertia[c];
        }

        run.Inertia = total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FinishChunk(KMeansProblem p, KMeansRun run, bool relabel, int c)
    {
        const int T = CentroidDistances.TileRows;
        {
            Span<int> lab = stackalloc int[T];
            Span<float> best = stackalloc float[T];
            Span<float> second = stackalloc float[T];
            var (start, end) = p.Chunk(c);
            double inertia = 0;
            for (int tile = start / T; tile * T < end; tile++)
            {
                CentroidDistances.TileNearest(p.Tile(tile), run.Centroids, p.K, p.Cols, lab, best, second);
                for (int lane = 0, r = tile * T; lane < T && r < end; lane++, r++)
                {
                    if (relabel)
                    {
                        run.Labels[r] = lab[lane];
                    }

                    // The kernels share per-pair arithmetic, so best[lane] is exactly Pair(row, its nearest centroid).
                    float dist = run.Labels[r] == lab[lane]
                        ? best[lane]
                        : CentroidDistances.Pair(p.Row(r), run.Centroids.AsSpan(run.Labels[r] * p.Cols, p.Cols));
                    inertia += p.Weight(r) * dist;
                }
            }

            run.ChunkInertia[c] = inertia;
        }
    }
}
