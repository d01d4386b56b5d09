using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SegmentLab.Clustering;
using SegmentLab.Features;

namespace SegmentLab.Validation;

/// <summary>
/// Choosing k: a k-means sweep over a range of k returning, per k, inertia, silhouette, Calinski-Harabasz,
/// Davies-Bouldin and the gap statistic, plus the elbow (kneedle), the gap statistic's choice (firstSEmax) and a
/// recommended k with its reason in words.
/// </summary>
/// <remarks>
/// <para>Every k is fitted with <see cref="KSelectionOptions.KMeans"/> and <c>Seed = </c><see cref="KSelectionOptions.Seed"/>,
/// so a candidate's model is exactly what <c>KMeans.Fit(data, options.KMeans with { K = k, Seed = options.Seed })</c>
/// returns, and the pipeline can refit the chosen k and get the same segments.</para>
/// <para>Gap statistic: as R's <c>cluster::clusGap(x, kmeans, K.max, B, d.power = 2, spaceH0 = "scaledPCA")</c> (see
/// <see cref="GapStatistic"/>), the reference sets clustered with <see cref="KSelectionOptions.GapReferenceRestarts"/>
/// k-means++ restarts (uniform data has no structure for more restarts to find; this keeps the sweep of a 20,000-row
/// matrix to seconds). <see cref="KSelectionResult.GapK"/> is maxSE's firstSEmax choice; with <c>MinK = 2</c> the rule
/// also sees k = 1 (which costs no fit), as clusGap always does, so it can conclude there are no clusters.</para>
/// <para>Elbow: the kneedle method on (k, inertia) as a convex decreasing curve with sensitivity S = 1 (<see cref="Kneedle"/>).</para>
/// <para>Work runs in parallel as independent items — one per k for the data, one per reference set for the gap —
/// each single-threaded with its own seed, so the result is identical whatever the thread count.</para>
/// </remarks>
public static partial class KSelection
{
    /// <summary>Fits k-means for every k in <see cref="KSelectionOptions.MinK"/>..<see cref="KSelectionOptions.MaxK"/> and scores each.</summary>
    /// <param name="data">The matrix to cluster (n × D, scaled), every value finite, more rows than <see cref="KSelectionOptions.MaxK"/>.</param>
    /// <param name="options">The k range and settings; default <see cref="KSelectionOptions"/>' defaults.</param>
    /// <param name="progress">Receives the fraction done, 0..1, rising, ending at 1 (from worker threads).</param>
    /// <param name="ct">Cancels between and within fits; throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One candidate per k, the elbow, the gap statistic's k, the best silhouette's k and the recommendation.</returns>
    /// <exception cref="ArgumentException">An option is out of range (the message quotes it), e.g. "MaxK=10 must be below the 8 rows".</exception>
    /// <exception cref="Data.InputException">The data holds a NaN or infinite value.</exception>
    public static KSelectionResult Sweep(FeatureMatrix data, KSelectionOptions? options = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new KSelectionOptions();
        Validate(data, options);
        int minK = options.MinK, maxK = options.MaxK, count = maxK - minK + 1;
        int threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        bool gap = options.GapStatistic;
        int references = gap ? options.GapReferences : 0;
        bool withOne = gap && minK == 2;

        (double[] Low, double[] High) box = gap ? GapStatistic.PrincipalBox(data, ct) : ([], []);
        var candidates = new KCandidate[count];
        var referenceLogW = new double[references, count + 1]; // column 0: k = 1
        var items = new List<WorkItem>();
        for (int i = count - 1; i >= 0; i--)
        {
            items.Add(new WorkItem(i, -1, DataCost(data.Rows, minK + i, options)));
        }

        for (int b = 0; b < references; b++)
        {
            items.Add(new WorkItem(-1, b, ReferenceCost(data.Rows, minK, maxK, options)));
        }

        // Biggest first so the last item to finish is a small one.
        items = items.OrderByDescending(w => w.Cost).ThenBy(w => w.Reference).ThenByDescending(w => w.Candidate).ToList();
        int perItemThreads = Math.Max(1, threads / Math.Max(1, items.Count));
        var meter = new ProgressMeter(progress, items.Sum(w => w.Cost), items.Count);
        void Run(WorkItem w)
        {
            if (w.Candidate >= 0)
            {
                candidates[w.Candidate] = FitCandidate(data, minK + w.Candidate, options, perItemThreads, ct);
            }
            else
            {
                var reference = GapStatistic.Reference(box.Low, box.High, data.Rows, options.Seed, w.Reference);
                referenceLogW[w.Reference, 0] = GapStatistic.LogW(GapStatistic.TotalSumOfSquares(reference)) ?? double.NaN;
                for (int i = 0; i < count; i++)
                {
                    int k = minK + i;
                    var fit = KMeans.Fit(reference, options.KMeans with
                    {
                        K = k,
                        NInit = Math.Min(options.GapReferenceRestarts, options.KMeans.NInit),
                        Seed = DeriveSeed(options.Seed, w.Reference, k),
                        MaxDegreeOfParallelism = perItemThreads,
                    }, ct);
                    referenceLogW[w.Reference, i + 1] = GapStatistic.LogW(fit.Inertia) ?? double.NaN;
                }
            }

            meter.Add(w.Cost);
        }

        meter.Start();
        RunAll(items, threads, ct, Run);
        if (gap)
        {
            candidates = AddGap(data, candidates, referenceLogW, withOne, out var gapAtOne);
            var (gapK, noClusters) = ChooseGapK(candidates, gapAtOne);
            return Conclude(candidates, gapK, noClusters, gapAtOne);
        }

        return Conclude(candidates, null, false, null);
    }

    /// <summary>One unit of parallel work: a data fit (Candidate ≥ 0) or a reference set (Reference ≥ 0).</summary>
    private readonly record struct WorkItem(int Candidate, int Reference, double Cost);

    private static KCandidate FitCandidate(FeatureMatrix data, int k, KSelectionOptions options, int threads, CancellationToken ct)
    {
        var model = KMeans.Fit(data, options.KMeans with { K = k, Seed = options.Seed, MaxDegreeOfParallelism = threads }, ct);
        var labels = model.Labels;
        var silhouette = data.Rows <= options.ExactSilhouetteLimit
            ? Silhouette.Exact(data, labels, threads, ct)
            : Silhouette.Sampled(data, labels, options.SilhouetteSampleSize, options.Seed, threads, ct);
        return new KCandidate
        {
            K = k,
            Inertia = model.Inertia,
            Silhouette = silhouette.Mean,
            SilhouetteMethod = silhouette.Method,
            CalinskiHarabasz = ClusterIndices.CalinskiHarabasz(data, labels),
            DaviesBouldin = ClusterIndices.DaviesBouldin(data, labels),
            Model = model,
        };
    }

    /// <summary>Fills each candidate's gap from the reference log W*; returns the gap at k = 1 when asked for.</summary>
    private static KCandidate[] AddGap(FeatureMatrix data, KCandidate[] candidates, double[,] referenceLogW, bool withOne, out GapPoint? atOne)
    {
        int b = referenceLogW.GetLength(0);
        GapPoint? Point(double? logW, int column)
        {
            var values = new double[b];
            for (int r = 0; r < b; r++)
            {
                values[r] = referenceLogW[r, column];
            }

            if (logW is not { } lw || values.Any(v => !double.IsFinite(v)))
            {
                return null;
            }

            var (g, se, expected) = GapStatistic.Summarize(lw, values);
            return new GapPoint(g, se, lw, expected);
        }

        atOne = withOne ? Point(GapStatistic.LogW(GapStatistic.TotalSumOfSquares(data)), 0) : null;
        var result = new KCandidate[candidates.Length];
        for (int i = 0; i < candidates.Length; i++)
        {
            var p = Point(GapStatistic.LogW(candidates[i].Inertia), i + 1);
            result[i] = candidates[i] with { Gap = p?.Gap, GapStandardError = p?.StandardError, LogW = p?.LogW, ExpectedLogW = p?.ExpectedLogW };
        }

        return result;
    }

    /// <summary>Gap_k, SE_k, log W_k and mean log W*_k of one k.</summary>
    internal readonly record struct GapPoint(double Gap, double StandardError, double LogW, double ExpectedLogW);

    /// <summary>firstSEmax over k = 1 (when computed) and the candidates, up to the first k whose gap is undefined.</summary>
    private static (int? GapK, bool NoClusters) ChooseGapK(KCandidate[] candidates, GapPoint? atOne)
    {
        var f = new List<double>();
        var se = new List<double>();
        if (atOne is { } one)
        {
            f.Add(one.Gap);
            se.Add(one.StandardError);
        }

        foreach (var c in candidates)
        {
            if (c.Gap is not { } g || c.GapStandardError is not { } s)
            {
                break;
            }

            f.Add(g);
            se.Add(s);
        }

        if (f.Count == 0)
        {
            return (null, false);
        }

        int at = GapStatistic.FirstSeMax(f, se);
        int k = (atOne is null ? candidates[0].K : 1) + at;
        return k == 1 ? (null, true) : (k, false);
    }

    /// <summary>Seed of the k-means fit of reference set b at k: a SplitMix64 mix of the three, so fits are independent.</summary>
    internal static int DeriveSeed(int seed, int reference, int k)
    {
        ulong z = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)reference << 12) ^ (uint)k ^ 0xD1B54A32D192ED03UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(uint)(z ^ (z >> 31));
    }

    /// <summary>Relative cost of a data fit: restarts × k × n for k-means, plus the silhouette's n² (or sample × n).</summary>
    private static double DataCost(int n, int k, KSelectionOptions o)
    {
        double silhouette = n <= o.ExactSilhouetteLimit ? (double)n * n : (double)Math.Min(n, o.SilhouetteSampleSize) * n;
        return (o.KMeans.NInit * 20.0 * k * n) + (silhouette / 4);
    }

    private static double ReferenceCost(int n, int minK, int maxK, KSelectionOptions o)
    {
        double sum = 0;
        for (int k = minK; k <= maxK; k++)
        {
            sum += Math.Min(o.GapReferenceRestarts, o.KMeans.NInit) * 20.0 * k * n;
        }

        return sum;
    }

    /// <summary>Runs the items on up to <paramref name="threads"/> threads, one item at a time per thread, rethrowing the first failure unwrapped.</summary>
    private static void RunAll(List<WorkItem> items, int threads, CancellationToken ct, Action<WorkItem> body)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        try
        {
            Parallel.ForEach(Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering), parallel, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            var first = e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    /// <summary>Reports the done fraction of the estimated cost, never going backwards, from any thread.</summary>
    private sealed class ProgressMeter(IProgress<double>? progress, double total, int items)
    {
        private readonly object _gate = new();
        private double _done;
        private int _finished;

        public void Start() => progress?.Report(0);

        public void Add(double cost)
        {
            if (progress is null)
            {
                return;
            }

            lock (_gate)
            {
                _done += cost;
                _finished++;
                progress.Report(_finished == items ? 1 : Math.Min(1, _done / total));
            }
        }
    }
}
