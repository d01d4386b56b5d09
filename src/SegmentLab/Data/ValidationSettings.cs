namespace SegmentLab.Data;

/// <summary>
/// The <c>validation</c> section of <c>segmentlab.json</c>: which outcomes lift is measured on, how many resamples, and
/// the thresholds that turn each validation figure into pass / warn / fail. A figure below a <c>…Warn</c> threshold
/// warns, below a <c>…Fail</c> threshold fails (above, for PSI and centroid shift). Defaults are documented in
/// <c>docs/validation-report.md</c> with their sources.
/// </summary>
public sealed record ValidationSettings
{
    /// <summary>Binary (0/1) outcome columns for lift; default purchased_in_holdout and engaged_in_holdout (those absent from the data are skipped).</summary>
    public IReadOnlyList<string> BinaryOutcomes { get; init; } = ["purchased_in_holdout", "engaged_in_holdout"];

    /// <summary>Continuous outcome columns for mean-ratio lift; default holdout_revenue.</summary>
    public IReadOnlyList<string> ContinuousOutcomes { get; init; } = ["holdout_revenue"];

    /// <summary>Confidence level of the lift intervals; default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Bootstrap replicates for continuous-outcome lift intervals; default 1000.</summary>
    public int LiftReplicates { get; init; } = 1000;

    /// <summary>Bootstrap replicates for segment stability; default 100 (Hennig).</summary>
    public int StabilityReplicates { get; init; } = 100;

    /// <summary>
    /// Most rows a stability replicate resamples; default 50,000. With more customers than this, a fixed random subset of
    /// this many (drawn once from <see cref="Seed"/>) is what the replicates resample and refit, so stability costs the
    /// same at a million customers as at 50,000; the report says so. Smaller caps lower weak segments' Jaccards (on the
    /// 1M soak, 0.67 at 20,000 against 0.88 at 50,000). At least 100; set it above the customer count to resample every
    /// customer, as clusterboot does.
    /// </summary>
    public int StabilityMaxRows { get; init; } = 50_000;

    /// <summary>Seed of every resampling step; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Most common values kept per attribute in the categorical over-index (the rest pooled); default 20.</summary>
    public int MaxCategoryValues { get; init; } = 20;

    /// <summary>Mean silhouette below this warns; default 0.25 (Kaufman &amp; Rousseeuw: no substantial structure).</summary>
    public double MinSilhouetteWarn { get; init; } = 0.25;

    /// <summary>Mean silhouette below this fails; default 0.10.</summary>
    public double MinSilhouetteFail { get; init; } = 0.10;

    /// <summary>A segment's mean bootstrap Jaccard below this warns; default 0.75 (Hennig: stable at 0.75 or more).</summary>
    public double StabilityWarn { get; init; } = 0.75;

    /// <summary>A segment's mean bootstrap Jaccard below this fails; default 0.5 (Hennig: dissolved).</summary>
    public double StabilityFail { get; init; } = 0.5;

    /// <summary>A segment smaller than this share of customers warns; default 0.02 (2%).</summary>
    public double MinSegmentShare { get; init; } = 0.02;

    /// <summary>When true, a binary outcome on which no segment's lift is significant fails instead of warning; default false.</summary>
    public bool RequireSignificantLift { get; init; }

    /// <summary>PSI (per feature and over segments) at or above this warns; default 0.1.</summary>
    public double PsiWarn { get; init; } = 0.1;

    /// <summary>PSI at or above this fails; default 0.25.</summary>
    public double PsiFail { get; init; } = 0.25;

    /// <summary>A centroid shift (standardized units) at or above this warns; default 0.5.</summary>
    public double CentroidShiftWarn { get; init; } = 0.5;

    /// <summary>A centroid shift at or above this fails; default 1.0.</summary>
    public double CentroidShiftFail { get; init; } = 1.0;

    /// <summary>Adjusted Rand index of returning customers' assignments below this warns; default 0.80 (Steinley 2004: good recovery).</summary>
    public double AssignmentAriWarn { get; init; } = 0.80;

    /// <summary>Adjusted Rand index below this fails; default 0.65 (Steinley 2004: below is poor recovery).</summary>
    public double AssignmentAriFail { get; init; } = 0.65;

    /// <summary>Checks the section; the messages name the key and the value.</summary>
    /// <exception cref="InputException">The section is null, a setting is out of range, or a warn/fail pair is in the wrong order.</exception>
    internal static void Check(ValidationSettings? settings, string file)
    {
        if (settings is null)
        {
            throw new InputException("'validation' is null; it must be an object { … } or left out for the defaults.", file: file);
        }

        settings.Check(file);
    }

    private void Check(string file)
    {
        void Fail(string message) => throw new InputException(message, file: file);

        if (BinaryOutcomes is null || ContinuousOutcomes is null)
        {
            Fail("'validation.binaryOutcomes' and 'validation.continuousOutcomes' must be lists of column names (possibly empty), not null.");
        }

        if (Confidence is not (> 0.5 and < 1))
        {
            Fail($"'validation.confidence' is {Confidence}; it must be between 0.5 and 1 (0.95 means 95%).");
        }

        if (LiftReplicates is < 10 or > 100_000)
        {
            Fail($"'validation.liftReplicates' is {LiftReplicates}; it must be between 10 and 100000.");
        }

        if (StabilityReplicates is < 2 or > 10_000)
        {
            Fail($"'validation.stabilityReplicates' is {StabilityReplicates}; it must be between 2 and 10000.");
        }

        if (StabilityMaxRows < 100)
        {
            Fail($"'validation.stabilityMaxRows' is {StabilityMaxRows}; it must be at least 100 (set it above the customer count to resample every customer).");
        }

        if (MaxCategoryValues < 1)
        {
            Fail($"'validation.maxCategoryValues' is {MaxCategoryValues}; it must be at least 1.");
        }

        if (MinSegmentShare is < 0 or >= 1)
        {
            Fail($"'validation.minSegmentShare' is {MinSegmentShare}; it must be a share in [0, 1).");
        }

        Order("minSilhouetteFail", MinSilhouetteFail, "minSilhouetteWarn", MinSilhouetteWarn, -1, 1);
        Order("stabilityFail", StabilityFail, "stabilityWarn", StabilityWarn, 0, 1);
        Order("assignmentAriFail", AssignmentAriFail, "assignmentAriWarn", AssignmentAriWarn, -1, 1);
        Order("psiWarn", PsiWarn, "psiFail", PsiFail, 0, double.MaxValue);
        Order("centroidShiftWarn", CentroidShiftWarn, "centroidShiftFail", CentroidShiftFail, 0, double.MaxValue);

        void Order(string lowKey, double low, string highKey, double high, double min, double max)
        {
            if (!(min <= low && low <= high && high <= max))
            {
                Fail($"'validation.{lowKey}' ({low}) must be ≤ 'validation.{highKey}' ({high}), both within [{min}, {(max == double.MaxValue ? "∞" : max)}].");
            }
        }
    }
}
