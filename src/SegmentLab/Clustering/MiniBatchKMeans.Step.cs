using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>One mini-batch step and scikit-learn's early-stopping bookkeeping.</summary>
public static partial class MiniBatchKMeans
{
    private sealed class StepState(int k, int d, MiniBatchKMeansOptions options, long rows)
    {
        private readonly double[] _sums = new double[k * d];
        private readonly double[] _batchCounts = new double[k];
        private readonly float[] _previous = new float[k * d];
        private readonly float[] _distances = new float[CentroidDistances.PanelStride(k)];
        private int[] _labels = [];
        private long _sinceReassign;
        private int _step;
        private double? _ewa, _ewaMin;
        private int _noImprovement;

        public int Reassigned { get; private set; }

        public string StopReason { get; private set; } = "";

        /// <summary>Assigns the batch, moves the centroids, maybe reassigns starved ones; returns true to stop early.</summary>
        public bool Step(Features.FeatureMatrix batch, float[] centroids, float[] panel, double[] counts, ref SeededRandom rng, double tolerance)
        {
            int n = batch.Rows;
            _sinceReassign += options.BatchSize;
            bool reassign = Array.IndexOf(counts, 0.0) >= 0 || _sinceReassign >= 10L * k;
            if (reassign)
            {
                _sinceReassign = 0;
            }

            if (_labels.Length < n)
            {
                _labels = new int[n];
            }

            double inertia = 0;
            Array.Clear(_sums);
            Array.Clear(_batchCounts);
            for (int r = 0; r < n; r++)
            {
                CentroidDistances.RowToCentroids(batch.Row(r), panel, k, _distances);
                int label = CentroidDistances.ArgMin2(_distances, k, out float best, out _);
                _labels[r] = label;
                inertia += best;
                VectorMath.AddScaled(batch.Row(r), 1.0, _sums.AsSpan(label * d, d));
                _batchCounts[label]++;
            }

            centroids.CopyTo(_previous, 0);
            for (int c = 0; c < k; c++)
            {
                if (_batchCounts[c] == 0)
                {
                    continue;
                }

                // Per-centroid learning rate 1/count: the new centroid is the mean of everything it has absorbed.
                double total = counts[c] + _batchCounts[c];
                for (int j = 0; j < d; j++)
                {
                    centroids[(c * d) + j] = (float)(((centroids[(c * d) + j] * counts[c]) + _sums[(c * d) + j]) / total);
                }

                counts[c] = total;
            }

            if (reassign && options.ReassignmentRatio > 0)
            {
                Reassign(batch, centroids, counts, ref rng);
            }

            double shift = 0;
            if (tolerance > 0)
            {
                for (int i = 0; i < centroids.Length; i++)
                {
                    double delta = (double)centroids[i] - _previous[i];
                    shift += delta * delta;
                }
            }

            return Converged(inertia / n, shift, tolerance);
        }

        /// <summary>scikit-learn's rule: centroids with count below ratio × max move to distinct random batch rows.</summary>
        private void Reassign(Features.FeatureMatrix batch, float[] centroids, double[] counts, ref SeededRandom rng)
        {
            double limit = options.ReassignmentRatio * counts.Max();
            var starved = Enumerable.Range(0, k).Where(c => counts[c] < limit).ToList();
            if (starved.Count > 0.5 * batch.Rows)
            {
                // Only the int(batch/2) lowest counts (ties: lowest index) may move in one step.
                var allowed = Enumerable.Range(0, k).OrderBy(c => counts[c]).ThenBy(c => c).Take((int)(0.5 * batch.Rows)).ToHashSet();
                starved = starved.Where(allowed.Contains).ToList();
            }

            if (starved.Count == 0 || starved.Count == k)
            {
                return;
            }

            double floor = Enumerable.Range(0, k).Where(c => !starved.Contains(c)).Min(c => counts[c]);
            int[] rows = Enumerable.Range(0, batch.Rows).ToArray();
            for (int i = 0; i < starved.Count; i++)
            {
                int j = i + rng.Next(rows.Length - i);
                (rows[i], rows[j]) = (rows[j], rows[i]);
                batch.Row(rows[i]).CopyTo(centroids.AsSpan(starved[i] * d, d));
                counts[starved[i]] = floor;
            }

            Reassigned += starved.Count;
        }

        /// <summary>scikit-learn's <c>_mini_batch_convergence</c>: tolerance on the step's centroid change, or no improvement of the smoothed inertia.</summary>
        private bool Converged(double batchInertia, double shift, double tolerance)
        {
            _step++;
            if (_step == 1)
            {
                return false;
            }

            double alpha = Math.Min(1.0, options.BatchSize * 2.0 / (rows + 1));
            _ewa = _ewa is double e ? (e * (1 - alpha)) + (batchInertia * alpha) : batchInertia;
            if (tolerance > 0 && shift <= tolerance)
            {
                StopReason = $"converged: centroid change {shift:G3} within the tolerance {tolerance:G3}";
                return true;
            }

            if (_ewaMin is null || _ewa < _ewaMin)
            {
                _noImprovement = 0;
                _ewaMin = _ewa;
            }
            else
            {
                _noImprovement++;
            }

            if (options.MaxNoImprovement is int max && _noImprovement >= max)
            {
                StopReason = $"converged: no improvement of the smoothed batch inertia in {max} steps";
                return true;
            }

            return false;
        }
    }
}
