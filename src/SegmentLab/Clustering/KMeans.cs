using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// k-means clustering with scikit-learn's semantics (<c>sklearn.cluster.KMeans</c>, algorithm "lloyd"): greedy
/// k-means++ restarts, Lloyd iterations (optionally pruned by Hamerly's or Elkan's bounds, with identical results),
/// relative tolerance, empty clusters relocated to the farthest rows, sample weights, warm starts.
/// </summary>
/// <remarks>
/// <para>Determinism: restart r draws from its own generator derived from (<see cref="KMeansOptions.Seed"/>, r); rows
/// are split into fixed chunks that depend only on the row count, and partial sums are added in chunk order, so the
/// same seed gives identical labels, centroids and inertia for any <see cref="KMeansOptions.MaxDegreeOfParallelism"/>.</para>
/// <para>Threads: with several restarts, restarts run side by side (one thread each, no per-iteration
/// synchronisation); with one restart, its rows are split across threads.</para>
/// <para><see cref="KMeansAlgorithm.Auto"/> picks Lloyd: with the 16-row tile kernel it beat Hamerly and Elkan on every
/// shape measured (bench/README.md).</para>
/// <para>Storage is float32; centroid sums, potentials and inertia accumulate in float64.</para>
/// </remarks>
public static partial class KMeans
{
    /// <summary>Fits k-means to the rows of <paramref name="data"/> (n × D).</summary>
    /// <param name="data">The rows to cluster; every value must be finite.</param>
    /// <param name="options">Settings (validated here, once).</param>
    /// <param name="cancellationToken">Stops the fit between chunks of rows; throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The restart with the lowest inertia (ties: lowest restart index).</returns>
    /// <exception cref="ArgumentException">An option is out of range, for example "k=12 must be ≤ the 10 distinct rows"
    /// (scikit-learn warns and returns duplicate centroids; SegmentLab refuses).</exception>
    /// <exception cref="Data.InputException">The data holds a NaN or infinite value (names row and column).</exception>
    public static KMeansModel Fit(FeatureMatrix data, KMeansOptions options, CancellationToken cancellationToken = default)
    {
        double[]? weights = Validate(data, options);
        int threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        double tolerance = AbsoluteTolerance(data, options.Tolerance);
        if (options.Engine == KMeansEngine.MlNet)
        {
            return FitMlNet(data, options, weights, tolerance, threads, cancellationToken);
        }

        int restarts = options.InitialCentroids is null ? options.NInit : 1;
        int parallelRestarts = Math.Clamp(restarts, 1, threads);
        int rowThreads = Math.Max(1, threads / parallelRestarts);
        var algorithm = Resolve(options.Algorithm, data.Columns);
        var problem = new KMeansProblem(data.Buffer, data.Rows, data.Columns, options.K, weights, options.MaxIterations,
            tolerance, rowThreads, cancellationToken, setupThreads: threads);

        // Each worker keeps two runs, the one in progress and its best so far, and reuses them across restarts:
        // fresh memory is costly to touch, and a restart's result does not depend on which worker ran it.
        var outcomes = new RestartOutcome[restarts];
        var finished = new List<Worker>();
        Worker Run(int r, Worker worker)
        {
            var run = worker.Start(problem, r);
            if (options.InitialCentroids is { } start)
            {
                start.Values.CopyTo(run.Centroids);
                run.RefreshPanel(problem);
            }
            else
            {
                var rng = new SeededRandom(options.Seed, r);
                SeedPlusPlus(problem, run, ref rng);
            }

            switch (algorithm)
            {
                case KMeansAlgorithm.Hamerly: RunHamerly(problem, run); break;
                case KMeansAlgorithm.Elkan: RunElkan(problem, run); break;
                default: RunLloyd(problem, run); break;
            }

            outcomes[r] = new RestartOutcome(run.Inertia, run.Iterations, run.Converged, run.Evaluations);
            worker.Finish();
            return worker;
        }

        try
        {
            if (parallelRestarts <= 1)
            {
                var worker = new Worker();
                for (int r = 0; r < restarts; r++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Run(r, worker);
                }

                finished.Add(worker);
            }
            else
            {
                Parallel.For(0, restarts, new ParallelOptions { MaxDegreeOfParallelism = parallelRestarts, CancellationToken = cancellationToken },
                    () => new Worker(), (r, _, worker) => Run(r, worker), worker =>
                    {
                        lock (finished)
                        {
                            finished.Add(worker);
                        }
                    });
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        KMeansRun winner = finished.Where(w => w.Best is not null).Select(w => w.Best!)
            .OrderBy(run => run.Inertia).ThenBy(run => run.Restart).First();
        return BuildModel(data, options, outcomes, winner, algorithm, tolerance, threads);
    }

    /// <summary>What the diagnostics keep of each restart.</summary>
    private readonly record struct RestartOutcome(double Inertia, int Iterations, bool Converged, long Evaluations);

    /// <summary>One thread's pair of reusable runs: the current restart and the best it has finished.</summary>
    private sealed class Worker
    {
        private KMeansRun? _current;

        public KMeansRun? Best { get; private set; }

        public KMeansRun Start(KMeansProblem p, int restart)
        {
            _current ??= new KMeansRun(p, restart);
            _current.Reset(restart);
            return _current;
        }

        /// <summary>Keeps the current run if it beats the best (lower inertia; ties: lower restart index).</summary>
        public void Finish()
        {
            var run = _current!;
            if (Best is null || run.Inertia < Best.Inertia || (run.Inertia == Best.Inertia && run.Restart < Best.Restart))
            {
                (_current, Best) = (Best, run);
            }
        }
    }

    private static KMeansAlgorithm Resolve(KMeansAlgorithm algorithm, int columns) => algorithm switch
    {
        // Measured (bench/README.md): the tile kernel makes plain Lloyd faster than both pruned variants on every
        // shape tried (16–128 features, k 8–64), because a pruned row still costs a bound update and breaks the
        // 16-row vector; pruning would pay only for much larger k·D.
        KMeansAlgorithm.Auto => KMeansAlgorithm.Lloyd,
        _ => algorithm,
    };

    /// <summary>Tolerance × mean over features of the (population, unweighted) variance, as scikit-learn's <c>_tolerance</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AbsoluteTolerance(FeatureMatrix data, double tolerance)
    {
        if (tolerance == 0)
        {
            return 0;
        }

        // Column sums and squared deviations in float64, one row at a time (vectorised along the row).
        int n = data.Rows, d = data.Columns;
        var mean = new double[d];
        var m2 = new double[d];
        var deviation = new double[d];
        for (int r = 0; r < n; r++)
        {
            VectorMath.AddScaled(data.Row(r), 1.0, mean);
        }

        for (int f = 0; f < d; f++)
        {
            mean[f] /= n;
        }

        for (int r = 0; r < n; r++)
        {
            ReadOnlySpan<float> row = data.Row(r);
            for (int f = 0; f < d; f++)
            {
                deviation[f] = row[f] - mean[f];
            }

            for (int f = 0; f < d; f++)
            {
                m2[f] = Math.FusedMultiplyAdd(deviation[f], deviation[f], m2[f]);
            }
        }

        return tolerance * m2.Average() / n;
    }

    private static KMeansModel BuildModel(FeatureMatrix data, KMeansOptions options, RestartOutcome[] outcomes, KMeansRun winner,
        KMeansAlgorithm algorithm, double tolerance, int threads)
    {
        var notes = new List<string>();
        for (int r = 0; r < outcomes.Length; r++)
        {
            if (!outcomes[r].Converged)
            {
                notes.Add($"restart {r} did not converge within {options.MaxIterations} iterations (inertia {outcomes[r].Inertia:G6}).");
            }
        }

        if (winner.Relocations.Count > 0)
        {
            notes.Add($"{winner.Relocations.Count} empty cluster(s) were relocated to the farthest rows during the winning restart.");
        }

        var diagnostics = new KMeansDiagnostics(algorithm, KMeansEngine.SegmentLab, winner.Restart,
            outcomes.Select(o => o.Iterations).ToArray(), outcomes.Select(o => o.Converged).ToArray(), winner.Relocations.ToArray(),
            tolerance, winner.StrictConvergence, outcomes.Sum(o => o.Evaluations), threads, notes);
        var centroids = new FeatureMatrix((float[])winner.Centroids.Clone(), options.K, data.Columns, data.ColumnNames);
        return new KMeansModel(centroids, winner.Labels, winner.Inertia, winner.Iterations, winner.Converged,
            outcomes.Select(o => o.Inertia).ToArray(), diagnostics);
    }
}
