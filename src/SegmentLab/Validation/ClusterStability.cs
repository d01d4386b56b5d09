using SegmentLab.Features;

namespace SegmentLab.Validation;

/// <summary>
/// Clusterwise stability by bootstrap (Hennig 2007, fpc::clusterboot with bootmethod "boot"): draw n customers with
/// replacement, refit the clustering on the resample, and for each original segment take the Jaccard similarity to its
/// best-matching bootstrap cluster, computed over the resampled customers (with their multiplicity, as clusterboot).
/// Clusterer-agnostic: the caller passes the refit, e.g. k-means with the original options.
/// </summary>
/// <remarks>
/// Large n: with <see cref="StabilityOptions.MaxRows"/> set below n, a fixed random subset of that many distinct rows is
/// drawn once from the seed and the replicates resample it (m rows with replacement from the m-row subset) instead of
/// all n rows, so time and memory per replicate are bounded; the subset is the same whatever the thread count.
/// </remarks>
public static class ClusterStability
{
    /// <summary>Jaccard at or below this counts as the segment dissolving in a replicate (clusterboot's <c>dissolution</c>).</summary>
    public const double DissolvedAt = 0.5;

    /// <summary>Jaccard above this counts as the segment recovered in a replicate (clusterboot's <c>recover</c>).</summary>
    public const double RecoveredAt = 0.75;

    /// <summary>Runs the bootstrap.</summary>
    /// <param name="data">The matrix that was clustered (n × d, transformed).</param>
    /// <param name="labels">The original segment per row, 0..K−1.</param>
    /// <param name="refit">
    /// Clusters a resample (m × d, rows drawn with replacement; m = n, or <see cref="StabilityOptions.MaxRows"/> when n is larger) with the original method and options and returns one
    /// label ≥ 0 per row (any number of clusters). Called from several threads at once unless
    /// <see cref="StabilityOptions.MaxDegreeOfParallelism"/> is 1; must honour the token.
    /// </param>
    /// <param name="options">Replicates (default 100), seed, threads.</param>
    /// <param name="ct">Cancels between and (through <paramref name="refit"/>) within replicates.</param>
    /// <exception cref="ArgumentException">Shapes differ, a label is invalid, an option is out of range, or refit returns the wrong number of labels.</exception>
    public static StabilityResult Bootstrap(FeatureMatrix data, IReadOnlyList<int> labels,
        Func<FeatureMatrix, CancellationToken, IReadOnlyList<int>> refit, StabilityOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(refit);
        options ??= new StabilityOptions();
        if (options.Replicates < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Replicates, $"Replicates={options.Replicates} must be at least 2.");
        }

        Parallelism.Check(options.MaxDegreeOfParallelism, nameof(options.MaxDegreeOfParallelism));
        int n = data.Rows, k = SegmentLabels.Count(labels, n);
        if (n == 0)
        {
            throw new ArgumentException("the data has no rows to resample.", nameof(data));
        }

        if (options.MaxRows is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRows, $"MaxRows={options.MaxRows} must be at least 2 (or null for all rows).");
        }

        int b = options.Replicates;
        int[]? subset = options.MaxRows is { } max && max < n ? Subset(n, max, options.Seed) : null;
        int m = subset?.Length ?? n;
        var jaccard = new double[b * k];
        var ari = new double[b];
        Parallelism.For(b, options.MaxDegreeOfParallelism, ct, r =>
        {
            var rng = new ValidationRng(options.Seed, r);
            var rows = new int[m];
            for (int i = 0; i < m; i++)
            {
                int draw = rng.Next(m);
                rows[i] = subset is null ? draw : subset[draw];
            }

            var fitted = refit(data.SelectRows(rows), ct);
            if (fitted is null || fitted.Count != m)
            {
                throw new ArgumentException($"refit returned {fitted?.Count.ToString() ?? "null"} labels for a resample of {m} rows.", nameof(refit));
            }

            var original = new int[m];
            for (int i = 0; i < m; i++)
            {
                original[i] = labels[rows[i]];
            }

            BestJaccard(original, fitted, k, jaccard.AsSpan(r * k, k));
            ari[r] = Agreement.AdjustedRandIndex(original, fitted);
        });

        var segments = new SegmentStability[k];
        var sizes = SegmentLabels.Sizes(labels, k);
        for (int s = 0; s < k; s++)
        {
            var values = new double[b];
            for (int r = 0; r < b; r++)
            {
                values[r] = jaccard[(r * k) + s];
            }

            double mean = values.Average();
            segments[s] = new SegmentStability
            {
                Segment = s,
                Count = sizes[s],
                MeanJaccard = mean,
                Band = Band(mean),
                Dissolved = values.Count(v => v <= DissolvedAt),
                Recovered = values.Count(v => v > RecoveredAt),
                Jaccards = values,
            };
        }

        return new StabilityResult { Replicates = b, Seed = options.Seed, SubsetRows = subset?.Length, Segments = segments, MeanAdjustedRandIndex = ari.Average(), AdjustedRandIndexes = ari };
    }

    /// <summary>
    /// <paramref name="size"/> distinct rows of 0..n−1, ascending, by a partial Fisher-Yates shuffle from the stream −1 of
    /// the seed (replicates use the streams 0..B−1). Ascending so a replicate's draw i means the same row whatever the order of the shuffle.
    /// </summary>
    internal static int[] Subset(int n, int size, int seed)
    {
        var rng = new ValidationRng(seed, -1);
        var pool = new int[n];
        for (int i = 0; i < n; i++)
        {
            pool[i] = i;
        }

        for (int i = 0; i < size; i++)
        {
            int j = i + rng.Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var chosen = pool[..size];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Hennig's band for a mean Jaccard similarity.</summary>
    public static StabilityBand Band(double meanJaccard) => meanJaccard switch
    {
        < 0.5 => StabilityBand.Dissolved,
        < 0.6 => StabilityBand.Unstable,
        < 0.75 => StabilityBand.Pattern,
        < 0.85 => StabilityBand.Stable,
        _ => StabilityBand.HighlyStable,
    };

    /// <summary>
    /// For each original segment s: max over bootstrap clusters c of |s ∩ c| / |s ∪ c|, over the resampled rows. A segment
    /// absent from the resample scores 0 (clusterboot's zerobyzero = 0).
    /// </summary>
    private static void BestJaccard(int[] original, IReadOnlyList<int> fitted, int k, Span<double> best)
    {
        int clusters = 0;
        for (int i = 0; i < fitted.Count; i++)
        {
            int c = fitted[i];
            if (c < 0)
            {
                throw new ArgumentException($"refit returned the label {c} for row {i}; labels must be ≥ 0.", "refit");
            }

            clusters = Math.Max(clusters, c + 1);
        }

        // Bootstrap labels are cluster ids 0..K'−1 in practice, so a dense K × K' table; remap anything sparse.
        IReadOnlyList<int> ids = fitted;
        if (clusters > Math.Min(fitted.Count, 1 << 16))
        {
            var map = new Dictionary<int, int>();
            var dense = new int[fitted.Count];
            for (int i = 0; i < fitted.Count; i++)
            {
                if (!map.TryGetValue(fitted[i], out int id))
                {
                    map[fitted[i]] = id = map.Count;
                }

                dense[i] = id;
            }

            (ids, clusters) = (dense, map.Count);
        }

        var cells = new int[k * clusters];
        var originalSizes = new int[k];
        var fittedSizes = new int[clusters];
        for (int i = 0; i < original.Length; i++)
        {
            originalSizes[original[i]]++;
            fittedSizes[ids[i]]++;
            cells[(original[i] * clusters) + ids[i]]++;
        }

        for (int s = 0; s < k; s++)
        {
            double max = 0;
            for (int c = 0; c < clusters; c++)
            {
                int both = cells[(s * clusters) + c];
                if (both > 0)
                {
                    max = Math.Max(max, (double)both / (originalSizes[s] + fittedSizes[c] - both));
                }
            }

            best[s] = max;
        }
    }
}
