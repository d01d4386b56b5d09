using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// Mini-batch k-means (Sculley 2010) with scikit-learn's <c>MiniBatchKMeans</c> rules: k-means++ on an init sample
/// (best of <see cref="MiniBatchKMeansOptions.NInit"/>), per-centroid learning rate 1/count, random reassignment of
/// starved centroids, early stop on the smoothed batch inertia. Streams batches from an
/// <see cref="IFeatureBatchSource"/>, so the data need not fit in memory.
/// </summary>
/// <remarks>
/// Differences from scikit-learn: a batch is the next slice of a seeded per-epoch permutation (or the file order
/// for <see cref="DuckDbBatchSource"/>) rather than rows drawn with replacement, and the k-means++ candidates are
/// compared on the init sample itself. Deterministic for a given seed and source; single-threaded except the closing
/// labelling pass, whose result does not depend on the thread count. No sample weights.
/// </remarks>
public static partial class MiniBatchKMeans
{
    /// <summary>Fits an in-memory matrix (labels and inertia cover every row).</summary>
    public static KMeansModel Fit(FeatureMatrix data, MiniBatchKMeansOptions options, CancellationToken cancellationToken = default) =>
        Fit(new FeatureMatrixBatchSource(data), options, cancellationToken);

    /// <summary>
    /// Fits the rows of <paramref name="source"/>. <see cref="KMeansModel.Labels"/> is filled when the source is in
    /// memory (<see cref="IFeatureBatchSource.Materialized"/>) and empty for a streamed one; <see cref="KMeansModel.Inertia"/>
    /// always covers every row (one closing pass). <see cref="KMeansModel.Iterations"/> counts mini-batch steps.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range, or k exceeds the distinct rows of the init sample.</exception>
    /// <exception cref="InputException">The data holds a NaN or infinite value.</exception>
    public static KMeansModel Fit(IFeatureBatchSource source, MiniBatchKMeansOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        Validate(source, options);
        int k = options.K, d = source.ColumnNames.Count;
        int initSize = (int)Math.Min(source.Rows, options.InitSize ?? Math.Max(3 * options.BatchSize, 3 * k));
        FeatureMatrix sample = source.Sample(initSize, options.Seed, cancellationToken);
        float[] centroids = InitialCentroids(sample, options, cancellationToken);
        double tolerance = options.Tolerance > 0 ? AbsoluteTolerance(sample, options.Tolerance) : 0;

        var counts = new double[k];
        var panel = new float[d * CentroidDistances.PanelStride(k)];
        var state = new StepState(k, d, options, source.Rows);
        var rng = new SeededRandom(options.Seed, int.MinValue);
        long maxSteps = options.MaxSteps ?? Math.Max(1, options.MaxEpochs * source.Rows / options.BatchSize);
        int steps = 0;
        bool stopped = false;
        for (int epoch = 0; epoch < options.MaxEpochs && !stopped && steps < maxSteps; epoch++)
        {
            foreach (FeatureMatrix batch in source.Batches(options.BatchSize, epoch, options.Seed, cancellationToken))
            {
                CheckFinite(batch);
                CentroidDistances.Transpose(centroids, k, d, panel);
                stopped = state.Step(batch, centroids, panel, counts, ref rng, tolerance);
                steps++;
                if (stopped || steps >= maxSteps)
                {
                    break;
                }
            }
        }

        var model = new KMeansModel(new FeatureMatrix(centroids, k, d, source.ColumnNames), [], double.NaN, 0, false, [], KMeansDiagnostics.None);
        int[] labels = [];
        double inertia = 0;
        if (source.Materialized is { } all)
        {
            labels = model.Predict(all);
            inertia = model.Score(all, labels, null);
        }
        else
        {
            foreach (FeatureMatrix batch in source.Batches(Math.Max(options.BatchSize, 8192), -1, options.Seed, cancellationToken))
            {
                CheckFinite(batch);
                inertia += model.Score(batch, model.Predict(batch), null);
            }
        }

        var notes = new List<string>
        {
            $"mini-batch k-means: {steps} steps of up to {options.BatchSize} rows ({(double)steps * options.BatchSize / source.Rows:F1} epochs); " +
            (stopped ? state.StopReason : $"stopped at the step limit ({maxSteps})") + ".",
        };
        if (state.Reassigned > 0)
        {
            notes.Add($"{state.Reassigned} starved centroid(s) were moved to random batch rows (reassignment ratio {options.ReassignmentRatio}).");
        }

        if (source.Materialized is null)
        {
            notes.Add("the source was streamed, so Labels is empty; use Predict on the rows you need.");
        }

        var diagnostics = new KMeansDiagnostics(KMeansAlgorithm.Lloyd, KMeansEngine.SegmentLab, 0, [steps], [stopped], [], tolerance,
            false, (long)steps * options.BatchSize * k, 1, notes);
        return new KMeansModel(model.Centroids, labels, inertia, steps, stopped, [inertia], diagnostics);
    }

    /// <summary>Best of NInit k-means++ seedings on the init sample, by inertia on that sample.</summary>
    private static float[] InitialCentroids(FeatureMatrix sample, MiniBatchKMeansOptions options, CancellationToken cancellationToken)
    {
        // Finite values and k ≤ the distinct rows of the sample, with k-means' own messages.
        KMeans.Validate(sample, new KMeansOptions { K = options.K });
        var problem = new KMeansProblem(sample.Buffer, sample.Rows, sample.Columns, options.K, null, 1, 0, 1, cancellationToken);
        float[]? best = null;
        double bestInertia = double.PositiveInfinity;
        for (int r = 0; r < options.NInit; r++)
        {
            var run = new KMeansRun(problem, r);
            var rng = new SeededRandom(options.Seed, r);
            KMeans.SeedPlusPlus(problem, run, ref rng);
            KMeans.FinishRestart(problem, run, relabel: true);
            if (run.Inertia < bestInertia)
            {
                bestInertia = run.Inertia;
                best = run.Centroids;
            }
        }

        return best!;
    }

    private static void Validate(IFeatureBatchSource source, MiniBatchKMeansOptions o)
    {
        if (source.Rows < 1 || source.ColumnNames.Count < 1)
        {
            throw new ArgumentException($"mini-batch k-means needs at least one row and one column; the source has {source.Rows} rows and {source.ColumnNames.Count} columns.", nameof(source));
        }

        void Positive(int value, string name)
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(o), $"{name}={value} must be at least 1.");
            }
        }

        Positive(o.K, "k");
        Positive(o.BatchSize, "BatchSize");
        Positive(o.MaxEpochs, "MaxEpochs");
        Positive(o.NInit, "NInit");
        Positive(o.MaxSteps ?? 1, "MaxSteps");
        Positive(o.InitSize ?? o.K, "InitSize");
        Positive(o.MaxNoImprovement ?? 1, "MaxNoImprovement");
        Positive(o.MaxDegreeOfParallelism ?? 1, "MaxDegreeOfParallelism");
        if (!(o.ReassignmentRatio >= 0) || double.IsInfinity(o.ReassignmentRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(o), $"ReassignmentRatio={o.ReassignmentRatio} must be a finite number ≥ 0.");
        }

        if (!(o.Tolerance >= 0) || double.IsInfinity(o.Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(o), $"Tolerance={o.Tolerance} must be a finite number ≥ 0.");
        }

        if (o.K > source.Rows)
        {
            throw new ArgumentException($"k={o.K} must be ≤ the {source.Rows} rows.", nameof(o));
        }

        if (o.InitSize is int init && init < o.K)
        {
            throw new ArgumentException($"InitSize={init} must be ≥ k={o.K}.", nameof(o));
        }
    }

    private static void CheckFinite(FeatureMatrix batch)
    {
        ReadOnlySpan<float> x = batch.Values;
        for (int i = 0; i < x.Length; i++)
        {
            if (!float.IsFinite(x[i]))
            {
                throw new InputException($"a row holds {x[i]}; k-means needs finite values.", column: batch.ColumnNames[i % batch.Columns],
                    fix: "impute or drop missing values before clustering.");
            }
        }
    }

    private static double AbsoluteTolerance(FeatureMatrix sample, double tolerance)
    {
        int n = sample.Rows, d = sample.Columns;
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = 0, m2 = 0;
            for (int r = 0; r < n; r++)
            {
                mean += sample[r, j];
            }

            mean /= n;
            for (int r = 0; r < n; r++)
            {
                m2 += (sample[r, j] - mean) * (sample[r, j] - mean);
            }

            total += m2 / n;
        }

        return tolerance * total / d;
    }
}
