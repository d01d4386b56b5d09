using System.Globalization;
using SegmentLab.Data;

namespace SegmentLab.Validation;

/// <summary>
/// Turns a report's figures into pass / warn / fail checks with a sentence each: a pure function of the report data and
/// the thresholds, so it is testable without clustering. Sections that are null produce no checks. Problems are
/// itemized (one check per segment or feature); when there are none, one passing check summarizes the section.
/// </summary>
public static partial class ValidationChecks
{
    /// <summary>Check id: mean silhouette against minSilhouetteWarn / minSilhouetteFail.</summary>
    public const string Silhouette = "silhouette";

    /// <summary>Check id: each segment's share of customers against minSegmentShare (an empty segment fails).</summary>
    public const string SegmentSize = "segmentSize";

    /// <summary>Check id: at least one segment's lift on a binary outcome is significant.</summary>
    public const string OutcomeLift = "outcomeLift";

    /// <summary>Check id: the segments' Gini on a binary outcome is at least the RFM baseline's.</summary>
    public const string BaselineComparison = "baselineComparison";

    /// <summary>Check id: each segment's mean bootstrap Jaccard against stabilityWarn / stabilityFail.</summary>
    public const string Stability = "stability";

    /// <summary>Check id: each feature's PSI against psiWarn / psiFail.</summary>
    public const string FeatureDrift = "featureDrift";

    /// <summary>Check id: the PSI over segment shares against psiWarn / psiFail.</summary>
    public const string SegmentShareDrift = "segmentShareDrift";

    /// <summary>Check id: each segment's centroid shift against centroidShiftWarn / centroidShiftFail.</summary>
    public const string CentroidShift = "centroidShift";

    /// <summary>Check id: the adjusted Rand index of returning customers' assignments against assignmentAriWarn / assignmentAriFail.</summary>
    public const string AssignmentAgreement = "assignmentAgreement";

    /// <summary>Evaluates every check the report's sections allow, in a fixed order (separation, size, lift, stability, drift).</summary>
    /// <param name="report">The report (its <see cref="ValidationReport.Checks"/> are ignored).</param>
    /// <param name="settings">Thresholds; default <see cref="ValidationSettings"/>' defaults.</param>
    public static IReadOnlyList<ValidationCheck> Evaluate(ValidationReport report, ValidationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        settings ??= new ValidationSettings();
        var checks = new List<ValidationCheck>();
        if (report.Separation?.SilhouetteMean is { } silhouette)
        {
            checks.Add(CheckSilhouette(silhouette, report.Separation, settings));
        }

        checks.AddRange(CheckSizes(report.Data, settings));
        if (report.Lift is { } lift)
        {
            checks.AddRange(CheckLift(lift, settings));
        }

        if (report.Stability is { } stability)
        {
            checks.AddRange(CheckStability(stability, settings));
        }

        if (report.Drift is { } drift)
        {
            checks.AddRange(CheckDrift(drift, settings));
        }

        return checks;
    }

    /// <summary>The verdict of a set of checks: fail if any fails, else warn if any warns, else pass (also when there are none).</summary>
    public static CheckStatus Overall(IEnumerable<ValidationCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks.Select(c => c.Status).DefaultIfEmpty(CheckStatus.Pass).Max();
    }

    private static ValidationCheck CheckSilhouette(double mean, SeparationSummary s, ValidationSettings t)
    {
        string how = s.SilhouetteMethod is { } m && m != SilhouetteMethod.Exact ? $" ({m.ToString().ToLowerInvariant()})" : "";
        string band = s.SilhouetteBand is { } b ? $" ({Validation.Silhouette.BandWords(b)})" : "";
        return mean < t.MinSilhouetteFail
            ? Check(Silhouette, CheckStatus.Fail, $"mean silhouette{how} {Below(mean, t.MinSilhouetteFail)} < {T(t.MinSilhouetteFail)}: the segments overlap almost completely", mean, t.MinSilhouetteFail)
            : mean < t.MinSilhouetteWarn
            ? Check(Silhouette, CheckStatus.Warn, $"mean silhouette{how} {Below(mean, t.MinSilhouetteWarn)} < {T(t.MinSilhouetteWarn)}: little cluster structure{band}", mean, t.MinSilhouetteWarn)
            : Check(Silhouette, CheckStatus.Pass, $"mean silhouette{how} {F2(mean)} ≥ {T(t.MinSilhouetteWarn)}{band}", mean, t.MinSilhouetteWarn);
    }

    private static IEnumerable<ValidationCheck> CheckSizes(DataSummary data, ValidationSettings t)
    {
        long n = data.SegmentSizes.Sum(c => (long)c);
        if (n == 0)
        {
            yield break;
        }

        bool any = false;
        for (int s = 0; s < data.SegmentSizes.Count; s++)
        {
            int size = data.SegmentSizes[s];
            double share = (double)size / n;
            if (size == 0)
            {
                any = true;
                yield return Check(SegmentSize, CheckStatus.Fail, $"segment {s} is empty", 0, t.MinSegmentShare, s);
            }
            else if (share < t.MinSegmentShare)
            {
                any = true;
                yield return Check(SegmentSize, CheckStatus.Warn,
                    $"segment {s} holds {P1(share)} of customers ({N0(size)}), below the {P1(t.MinSegmentShare)} minimum", share, t.MinSegmentShare, s);
            }
        }

        if (!any)
        {
            int smallest = Enumerable.Range(0, data.SegmentSizes.Count).MinBy(s => data.SegmentSizes[s]);
            double share = (double)data.SegmentSizes[smallest] / n;
            yield return Check(SegmentSize, CheckStatus.Pass,
                $"every segment holds at least {P1(t.MinSegmentShare)} of customers (smallest: segment {smallest}, {P1(share)})", share, t.MinSegmentShare, smallest);
        }
    }

    private static IEnumerable<ValidationCheck> CheckLift(LiftSection lift, ValidationSettings t)
    {
        foreach (var r in lift.Binary)
        {
            int significant = r.Segments.Count(s => s.Significant);
            string level = P1(r.Confidence);
            yield return significant > 0
                ? Check(OutcomeLift, CheckStatus.Pass,
                    $"{significant} of {r.Segments.Count} segments differ significantly from the overall {r.Outcome} rate of {P1(r.OverallRate)} (the {level} Wilson interval on their lift excludes 1)",
                    significant, 1, subject: r.Outcome)
                : Check(OutcomeLift, t.RequireSignificantLift ? CheckStatus.Fail : CheckStatus.Warn,
                    $"no segment differs significantly from the overall {r.Outcome} rate of {P1(r.OverallRate)}: the segments do not predict {r.Outcome}",
                    0, 1, subject: r.Outcome);

            var baseline = lift.BaselineBinary.FirstOrDefault(b => b.Outcome == r.Outcome);
            if (baseline is not null)
            {
                yield return r.Gini >= baseline.Gini
                    ? Check(BaselineComparison, CheckStatus.Pass,
                        $"the segments rank {r.Outcome} at least as well as the {lift.BaselineName.ToUpperInvariant()} baseline: Gini {F3(r.Gini)} vs {F3(baseline.Gini)}",
                        r.Gini, baseline.Gini, subject: r.Outcome)
                    : Check(BaselineComparison, CheckStatus.Warn,
                        $"the {lift.BaselineName.ToUpperInvariant()} baseline ranks {r.Outcome} better than the segments: Gini {F3(baseline.Gini)} vs {F3(r.Gini)}",
                        r.Gini, baseline.Gini, subject: r.Outcome);
            }
        }
    }

    private static IEnumerable<ValidationCheck> CheckStability(StabilityResult stability, ValidationSettings t)
    {
        bool any = false;
        foreach (var s in stability.Segments)
        {
            double j = s.MeanJaccard;
            if (j < t.StabilityFail)
            {
                any = true;
                yield return Check(Stability, CheckStatus.Fail,
                    $"segment {s.Segment} dissolved under resampling: Jaccard {Below(j, t.StabilityFail)} < {T(t.StabilityFail)} (dissolved in {s.Dissolved} of {stability.Replicates} resamples)",
                    j, t.StabilityFail, s.Segment);
            }
            else if (j < t.StabilityWarn)
            {
                any = true;
                string what = s.Band switch
                {
                    StabilityBand.Pattern => "is a pattern rather than a stable segment (its exact membership is doubtful)",
                    StabilityBand.Dissolved or StabilityBand.Unstable => "is unstable under resampling and should not be trusted",
                    _ => "is less stable under resampling than required",
                };
                yield return Check(Stability, CheckStatus.Warn, $"segment {s.Segment} {what}: Jaccard {Below(j, t.StabilityWarn)} < {T(t.StabilityWarn)}", j, t.StabilityWarn, s.Segment);
            }
        }

        if (!any && stability.LeastStable is { } least)
        {
            yield return Check(Stability, CheckStatus.Pass,
                $"all {stability.Segments.Count} segments are stable under {stability.Replicates} bootstrap resamples: lowest mean Jaccard {F2(least.MeanJaccard)} (segment {least.Segment}) ≥ {T(t.StabilityWarn)}",
                least.MeanJaccard, t.StabilityWarn, least.Segment);
        }
    }

    private static ValidationCheck Check(string name, CheckStatus status, string reason, double? value, double? threshold, int? segment = null, string? subject = null) =>
        new() { Name = name, Status = status, Reason = reason, Value = value, Threshold = threshold, Segment = segment, Subject = subject };

    private static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value known to be below <paramref name="threshold"/>, with as many decimals (2 to 6) as it takes to
    /// read below it: 0.7496 against 0.75 prints "0.7496", never "0.75 &lt; 0.75".</summary>
    private static string Below(double x, double threshold)
    {
        for (int digits = 2; digits < 6; digits++)
        {
            string s = x.ToString("F" + digits, CultureInfo.InvariantCulture);
            if (double.Parse(s, CultureInfo.InvariantCulture) < threshold)
            {
                return s;
            }
        }

        return x.ToString("F6", CultureInfo.InvariantCulture);
    }

    private static string F3(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P1(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string N0(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Signed(double x) => x.ToString("+0.00;-0.00", CultureInfo.InvariantCulture);

    private static string T(double threshold) => threshold.ToString(CultureInfo.InvariantCulture);
}
