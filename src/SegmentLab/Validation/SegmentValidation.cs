using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Validation;

/// <summary>
/// Runs every validation step on a fitted segmentation — separation, outcome lift next to the RFM baseline, feature and
/// categorical indices, bootstrap stability, drift against a baseline — and evaluates the report's checks.
/// </summary>
/// <remarks>
/// <para>Phases and their share of the reported progress: separation (silhouette exact up to
/// <see cref="SegmentValidationInput.ExactSilhouetteLimit"/> rows, else sampled; Calinski-Harabasz; Davies-Bouldin) 15%,
/// outcome lift 15%, feature and categorical indices 5%, stability 60% (per replicate), drift 5%.</para>
/// <para>Large data: the silhouette is sampled above the exact limit, and stability replicates resample a fixed seeded
/// subset of <see cref="ValidationSettings.StabilityMaxRows"/> customers (default 50,000) when there are more.</para>
/// <para>Outcomes: every name in the settings' binary and continuous lists that the table has. A built-in default
/// (purchased_in_holdout, engaged_in_holdout, holdout_revenue) that the table lacks, or on which lift is undefined
/// (nobody bought; a mean of 0), is skipped with a note; any other name must exist. The RFM baseline is scored when
/// the table has recency_days, frequency and monetary, and its lift is computed on the same outcomes.</para>
/// <para>Every resampling step is seeded with the settings' seed; the result is the same whatever the thread count.</para>
/// </remarks>
public static partial class SegmentValidation
{
    /// <summary>The outcome names that are skipped, not refused, when the table lacks them.</summary>
    private static readonly HashSet<string> DefaultOutcomes = new(
        new ValidationSettings().BinaryOutcomes.Concat(new ValidationSettings().ContinuousOutcomes), StringComparer.Ordinal);

    /// <summary>Validates <paramref name="input"/> and returns the evaluated report.</summary>
    /// <param name="input">The table, the clustered matrix, the model and the optional stability / drift parts.</param>
    /// <param name="progress">Receives the fraction done, 0..1, over the phases (from worker threads during stability).</param>
    /// <param name="ct">Cancels between and within phases; throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">The shapes of the parts disagree, or an option is out of range.</exception>
    /// <exception cref="InputException">An outcome the analyst named is not in the table (the message lists those available), or data are not finite.</exception>
    public static SegmentValidationResult Run(SegmentValidationInput input, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (table, x, model, settings) = (input.Table, input.Clustered, input.Model, input.Settings);
        Check(input);
        var notes = new List<string>();
        progress?.Report(0);
        IReadOnlyList<int> labels = input.Labels ?? (model.Labels.Count == x.Rows ? model.Labels : model.Predict(x));
        int k = model.K;

        // Separation.
        var silhouette = x.Rows <= input.ExactSilhouetteLimit
            ? Silhouette.Exact(x, labels, ct)
            : Silhouette.Sampled(x, labels, input.SilhouetteSampleSize, settings.Seed, ct);
        var separation = new SeparationSummary
        {
            SilhouetteMean = silhouette.Mean,
            SilhouetteMethod = silhouette.Method,
            SilhouetteBand = silhouette.Band,
            SilhouetteSampleSize = silhouette.SampleRows.Count,
            SilhouetteLow = silhouette.ConfidenceLow,
            SilhouetteHigh = silhouette.ConfidenceHigh,
            // Null rather than NaN when a segment is empty (JSON holds no NaN; the size check reports the empty segment).
            SilhouetteSegmentMeans = silhouette.SegmentMeans.Count == k && silhouette.SegmentMeans.All(double.IsFinite) ? silhouette.SegmentMeans : null,
            CalinskiHarabasz = ClusterIndices.CalinskiHarabasz(x, labels),
            DaviesBouldin = ClusterIndices.DaviesBouldin(x, labels),
        };
        progress?.Report(0.15);
        ct.ThrowIfCancellationRequested();

        // Outcome lift, with the RFM baseline beside it.
        RfmSegmentation? rfm = null;
        if (table.Has("recency_days") && table.Has("frequency") && table.Has("monetary"))
        {
            rfm = RfmBaseline.Score(table);
        }
        else
        {
            notes.Add("the table lacks recency_days, frequency or monetary; the RFM baseline was skipped.");
        }

        var lift = Lift(table, labels, rfm, settings, notes, ct);
        progress?.Report(0.30);

        // Indices on the raw features and the categorical attributes.
        var featureIndex = table.Features.Count > 0 ? FeatureIndex.Compute(table, labels) : null;
        var categorical = table.Attributes.Count > 0 ? CategoricalIndex.Compute(table, labels, maxValues: settings.MaxCategoryValues) : null;
        progress?.Report(0.35);
        ct.ThrowIfCancellationRequested();

        // Stability.
        StabilityResult? stability = null;
        if (input.RefitOptions is { } refit)
        {
            stability = Stability(x, labels, k, refit, input.StabilityRestarts, settings, p => progress?.Report(0.35 + (0.60 * p)), ct);
        }
        else
        {
            notes.Add("no refit options were given; stability was not measured.");
        }

        progress?.Report(0.95);

        // Drift.
        var drift = DriftAgainstBaseline(input, labels, k);
        var report = new ValidationReport
        {
            Data = DataSummary.From(table, labels, x.ColumnNames, k),
            Separation = separation,
            Lift = lift,
            FeatureIndex = featureIndex,
            CategoricalIndex = categorical,
            Stability = stability,
            Drift = drift,
        }.Evaluate(settings);
        progress?.Report(1);
        return new SegmentValidationResult(report, silhouette, rfm, notes);
    }

    private static void Check(SegmentValidationInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Table, "input.Table");
        ArgumentNullException.ThrowIfNull(input.Clustered, "input.Clustered");
        ArgumentNullException.ThrowIfNull(input.Model, "input.Model");
        ArgumentNullException.ThrowIfNull(input.Settings, "input.Settings");
        if (input.Clustered.Rows != input.Table.Rows)
        {
            throw new ArgumentException($"the clustered matrix has {input.Clustered.Rows} rows but the table has {input.Table.Rows} customers; they must be the same rows.", nameof(input));
        }

        if (input.Clustered.Columns != input.Model.Centroids.Columns)
        {
            throw new ArgumentException($"the clustered matrix has {input.Clustered.Columns} columns but the model's centroids have {input.Model.Centroids.Columns}.", nameof(input));
        }

        if (input.Labels is { } labels)
        {
            SegmentLabels.Count(labels, input.Table.Rows, input.Model.K, "input.Labels");
        }

        if (input.StabilityRestarts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.StabilityRestarts, $"StabilityRestarts={input.StabilityRestarts} must be at least 1.");
        }

        if (input.SilhouetteSampleSize < 1 || input.ExactSilhouetteLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), $"SilhouetteSampleSize={input.SilhouetteSampleSize} must be ≥ 1 and ExactSilhouetteLimit={input.ExactSilhouetteLimit} ≥ 0.");
        }
    }

    private static LiftSection? Lift(FeatureTable table, IReadOnlyList<int> labels, RfmSegmentation? rfm, ValidationSettings settings,
        List<string> notes, CancellationToken ct)
    {
        var binary = new List<BinaryLiftResult>();
        var baselineBinary = new List<BinaryLiftResult>();
        var continuous = new List<ContinuousLiftResult>();
        var baselineContinuous = new List<ContinuousLiftResult>();
        var boot = new LiftBootstrapOptions { Replicates = settings.LiftReplicates, Seed = settings.Seed, Confidence = settings.Confidence };
        foreach (string outcome in settings.BinaryOutcomes)
        {
            if (Outcome(table, outcome, notes) is not { } y)
            {
                continue;
            }

            if (DefaultOutcomes.Contains(outcome) && !y.Any(v => v == 1))
            {
                notes.Add($"nobody has the outcome '{outcome}' (0 for all {y.Count} customers); its lift is undefined and was skipped.");
                continue;
            }

            binary.Add(OutcomeLift.Binary(labels, y, outcome, confidence: settings.Confidence, segmentNames: null));
            if (rfm is not null)
            {
                baselineBinary.Add(OutcomeLift.Binary(rfm.Labels, y, outcome, rfm.SegmentNames, settings.Confidence));
            }
        }

        foreach (string outcome in settings.ContinuousOutcomes)
        {
            ct.ThrowIfCancellationRequested();
            if (Outcome(table, outcome, notes) is not { } y)
            {
                continue;
            }

            if (DefaultOutcomes.Contains(outcome) && !(y.Average() > 0))
            {
                notes.Add($"the outcome '{outcome}' averages {y.Average():0.##} over {y.Count} customers; a mean-ratio lift needs a positive mean and was skipped.");
                continue;
            }

            continuous.Add(OutcomeLift.Continuous(labels, y, outcome, null, boot, ct));
            if (rfm is not null)
            {
                baselineContinuous.Add(OutcomeLift.Continuous(rfm.Labels, y, outcome, rfm.SegmentNames, boot, ct));
            }
        }

        return binary.Count + continuous.Count == 0
            ? null
            : new LiftSection { Binary = binary, Continuous = continuous, BaselineBinary = baselineBinary, BaselineContinuous = baselineContinuous };
    }

    /// <summary>The outcome's values; null (with a note) for a missing default; an <see cref="InputException"/> for a missing name the analyst gave.</summary>
    private static IReadOnlyList<double>? Outcome(FeatureTable table, string name, List<string> notes)
    {
        if (table.Has(name) && (table.Outcomes.Any(o => o.Name == name) || !DefaultOutcomes.Contains(name)))
        {
            return table[name];
        }

        if (DefaultOutcomes.Contains(name))
        {
            notes.Add($"outcome '{name}' is not in the table; skipped.");
            return null;
        }

        string available = table.Outcomes.Count > 0 ? string.Join(", ", table.Outcomes.Select(o => o.Name)) : "none (the table has no holdout window)";
        throw new InputException($"outcome '{name}' (validation settings) is not in the feature table. Available outcomes: {available}.",
            column: name, fix: "name one of the available outcomes in 'validation.binaryOutcomes' / 'validation.continuousOutcomes', or set a holdout window (features.holdoutDays).");
    }

    private static StabilityResult Stability(FeatureMatrix x, IReadOnlyList<int> labels, int k, KMeansOptions refit, int maxRestarts,
        ValidationSettings settings, Action<double> report, CancellationToken ct)
    {
        int replicates = settings.StabilityReplicates, done = 0;
        var gate = new object();
        // Replicates run side by side, so each refit is single-threaded (the result does not depend on it).
        var options = refit with
        {
            K = k,
            NInit = Math.Min(refit.NInit, maxRestarts),
            SampleWeights = null,
            InitialCentroids = null,
            MaxDegreeOfParallelism = 1,
        };
        IReadOnlyList<int> Refit(FeatureMatrix m, CancellationToken token)
        {
            var fitted = KMeans.Fit(m, options, token).Labels;
            lock (gate)
            {
                // Under the lock so the reported fraction never goes backwards.
                report((double)++done / replicates);
            }

            return fitted;
        }

        var stabilityOptions = new StabilityOptions { Replicates = replicates, Seed = settings.Seed, MaxRows = settings.StabilityMaxRows };
        return ClusterStability.Bootstrap(x, labels, Refit, stabilityOptions, ct);
    }
}
