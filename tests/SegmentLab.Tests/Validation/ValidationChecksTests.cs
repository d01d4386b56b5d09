using SegmentLab.Data;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>The checks as a pure function of report data and thresholds: statuses, sentences, verdict.</summary>
public sealed class ValidationChecksTests
{
    private static readonly DataSummary Data = new() { Customers = 1000, SegmentSizes = [400, 300, 290, 10] };

    private static ValidationReport Report() => new() { Data = Data };

    [Fact]
    public void The_verdict_is_the_worst_check()
    {
        ValidationCheck C(CheckStatus s) => new() { Name = "x", Status = s, Reason = "r" };
        Assert.Equal(CheckStatus.Pass, ValidationChecks.Overall([]));
        Assert.Equal(CheckStatus.Pass, ValidationChecks.Overall([C(CheckStatus.Pass)]));
        Assert.Equal(CheckStatus.Warn, ValidationChecks.Overall([C(CheckStatus.Pass), C(CheckStatus.Warn)]));
        Assert.Equal(CheckStatus.Fail, ValidationChecks.Overall([C(CheckStatus.Warn), C(CheckStatus.Fail), C(CheckStatus.Pass)]));
    }

    [Fact]
    public void A_small_segment_warns_and_an_empty_one_fails()
    {
        var checks = ValidationChecks.Evaluate(Report());
        var small = Assert.Single(checks, c => c.Name == ValidationChecks.SegmentSize);
        Assert.Equal(CheckStatus.Warn, small.Status);
        Assert.Equal(3, small.Segment);
        Assert.Equal("segment 3 holds 1% of customers (10), below the 2% minimum", small.Reason);

        var empty = ValidationChecks.Evaluate(new ValidationReport { Data = Data with { SegmentSizes = [500, 500, 0] } });
        Assert.Contains(empty, c => c is { Status: CheckStatus.Fail, Segment: 2, Reason: "segment 2 is empty" });
        var fine = ValidationChecks.Evaluate(new ValidationReport { Data = Data with { SegmentSizes = [500, 500] } });
        Assert.Equal(CheckStatus.Pass, Assert.Single(fine).Status);
    }

    [Theory]
    [InlineData(0.05, CheckStatus.Fail)]
    [InlineData(0.2, CheckStatus.Warn)]
    [InlineData(0.25, CheckStatus.Pass)]
    [InlineData(0.6, CheckStatus.Pass)]
    public void Silhouette_against_its_thresholds(double mean, CheckStatus status)
    {
        var report = Report() with { Separation = new SeparationSummary { SilhouetteMean = mean, SilhouetteMethod = SilhouetteMethod.Exact, SilhouetteBand = SilhouetteBand.Weak } };
        var check = Assert.Single(ValidationChecks.Evaluate(report), c => c.Name == ValidationChecks.Silhouette);
        Assert.Equal(status, check.Status);
        Assert.Equal(mean, check.Value);
    }

    [Fact]
    public void Silhouette_sentences_name_the_figure_the_threshold_and_the_band()
    {
        var report = Report() with { Separation = new SeparationSummary { SilhouetteMean = 0.2149, SilhouetteMethod = SilhouetteMethod.Sampled, SilhouetteBand = SilhouetteBand.NoSubstantialStructure } };
        var check = Assert.Single(ValidationChecks.Evaluate(report), c => c.Name == ValidationChecks.Silhouette);
        Assert.Equal("mean silhouette (sampled) 0.21 < 0.25: little cluster structure (no substantial structure)", check.Reason);
        var strict = ValidationChecks.Evaluate(report, new ValidationSettings { MinSilhouetteWarn = 0.5, MinSilhouetteFail = 0.3 });
        Assert.Equal(CheckStatus.Fail, strict.Single(c => c.Name == ValidationChecks.Silhouette).Status);
    }

    private static StabilityResult Stability(params double[] jaccards) => new()
    {
        Replicates = 100,
        Seed = 0,
        MeanAdjustedRandIndex = 0.8,
        AdjustedRandIndexes = [],
        Segments = jaccards.Select((j, s) => new SegmentStability
        {
            Segment = s, Count = 100, MeanJaccard = j, Band = ClusterStability.Band(j), Dissolved = j < 0.5 ? 70 : 0, Recovered = 0, Jaccards = [],
        }).ToArray(),
    };

    [Fact]
    public void A_dissolved_segment_fails_with_the_issue_s_sentence_and_a_pattern_warns()
    {
        var checks = ValidationChecks.Evaluate(Report() with { Stability = Stability(0.92, 0.68, 0.88, 0.41) })
            .Where(c => c.Name == ValidationChecks.Stability).ToArray();
        Assert.Equal(2, checks.Length);
        Assert.Equal(CheckStatus.Warn, checks[0].Status);
        Assert.Equal("segment 1 is a pattern rather than a stable segment (its exact membership is doubtful): Jaccard 0.68 < 0.75", checks[0].Reason);
        Assert.Equal(CheckStatus.Fail, checks[1].Status);
        Assert.Equal(3, checks[1].Segment);
        Assert.StartsWith("segment 3 dissolved under resampling: Jaccard 0.41 < 0.5", checks[1].Reason);
    }

    [Fact]
    public void A_value_just_under_its_threshold_is_printed_with_the_decimals_that_show_it()
    {
        var check = Assert.Single(ValidationChecks.Evaluate(Report() with { Stability = Stability(0.92, 0.7496) }), c => c.Name == ValidationChecks.Stability);
        Assert.Equal(CheckStatus.Warn, check.Status);
        Assert.EndsWith("Jaccard 0.7496 < 0.75", check.Reason);
    }

    [Fact]
    public void All_stable_segments_give_one_passing_summary()
    {
        var check = Assert.Single(ValidationChecks.Evaluate(Report() with { Stability = Stability(0.92, 0.81, 0.88) }), c => c.Name == ValidationChecks.Stability);
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal("all 3 segments are stable under 100 bootstrap resamples: lowest mean Jaccard 0.81 (segment 1) ≥ 0.75", check.Reason);
    }

    private static BinaryLiftResult Lift(string outcome, double gini, params bool[] significant) => new()
    {
        Outcome = outcome,
        Confidence = 0.95,
        Customers = 1000,
        Positives = 230,
        OverallRate = 0.23,
        Segments = significant.Select((s, i) => new SegmentLift
        {
            Segment = i, Count = 100, Positives = 23, Share = 0.1, Rate = 0.23, RateInterval = new(0.1, 0.3), Lift = 1, LiftInterval = new(0.5, 1.5), Significant = s,
        }).ToArray(),
        Gains = [],
        TopSegmentLift = 2,
        GainsArea = 0.6,
        Gini = gini,
    };

    [Fact]
    public void Lift_needs_a_significant_segment_and_the_baseline_comparison_warns_when_rfm_ranks_better()
    {
        var lift = new LiftSection
        {
            Binary = [Lift("purchased_in_holdout", 0.31, false, true, true), Lift("engaged_in_holdout", 0.2, false, false)],
            BaselineBinary = [Lift("purchased_in_holdout", 0.38, true)],
        };
        var checks = ValidationChecks.Evaluate(Report() with { Lift = lift });
        var purchased = checks.Single(c => c.Name == ValidationChecks.OutcomeLift && c.Subject == "purchased_in_holdout");
        Assert.Equal(CheckStatus.Pass, purchased.Status);
        Assert.Equal("2 of 3 segments differ significantly from the overall purchased_in_holdout rate of 23% (the 95% Wilson interval on their lift excludes 1)", purchased.Reason);
        var engaged = checks.Single(c => c.Name == ValidationChecks.OutcomeLift && c.Subject == "engaged_in_holdout");
        Assert.Equal(CheckStatus.Warn, engaged.Status);
        Assert.Equal("no segment differs significantly from the overall engaged_in_holdout rate of 23%: the segments do not predict engaged_in_holdout", engaged.Reason);
        var comparison = Assert.Single(checks, c => c.Name == ValidationChecks.BaselineComparison);
        Assert.Equal(CheckStatus.Warn, comparison.Status);
        Assert.Equal("the RFM baseline ranks purchased_in_holdout better than the segments: Gini 0.380 vs 0.310", comparison.Reason);

        var strict = ValidationChecks.Evaluate(Report() with { Lift = lift }, new ValidationSettings { RequireSignificantLift = true });
        Assert.Equal(CheckStatus.Fail, strict.Single(c => c.Subject == "engaged_in_holdout").Status);
    }

    [Fact]
    public void Drift_checks_itemize_drifted_features_and_rate_the_mix_centroids_and_returning_customers()
    {
        FeatureDrift F(string name, double psi) => new()
        {
            Feature = name, Psi = psi, Band = Drift.Band(psi), BaselineShares = [], CurrentShares = [], BaselineMean = 0, CurrentMean = 0, MeanShift = 0.8,
        };
        var drift = new DriftReport
        {
            BaselineCustomers = 1000,
            CurrentCustomers = 1100,
            Features = [F("recency_days", 0.31), F("frequency", 0.12), F("monetary", 0.01)],
            Segments = Drift.SegmentSharesFromCounts([500, 500], [450, 550]),
            Centroids = [new() { Segment = 0, Distance = 0.2, LargestFeature = "frequency", LargestFeatureShift = 0.15 }, new() { Segment = 1, Distance = 1.3, LargestFeature = "recency_days", LargestFeatureShift = -1.1 }],
            Assignments = new() { Matched = 900, BaselineOnly = 100, CurrentOnly = 200, AdjustedRandIndex = 0.7, SameSegmentShare = 0.85 },
        };
        var checks = ValidationChecks.Evaluate(Report() with { Drift = drift });
        var features = checks.Where(c => c.Name == ValidationChecks.FeatureDrift).ToArray();
        Assert.Equal(new[] { CheckStatus.Fail, CheckStatus.Warn }, features.Select(c => c.Status));
        Assert.Equal("feature recency_days has drifted significantly: PSI 0.310 ≥ 0.25; its mean moved 0.80 baseline standard deviations", features[0].Reason);
        Assert.Equal(CheckStatus.Pass, checks.Single(c => c.Name == ValidationChecks.SegmentShareDrift).Status);
        var centroid = Assert.Single(checks, c => c.Name == ValidationChecks.CentroidShift);
        Assert.Equal(CheckStatus.Fail, centroid.Status);
        Assert.Equal("segment 1's centre moved 1.30 standard deviations (≥ 1), most along recency_days (-1.10)", centroid.Reason);
        var returning = Assert.Single(checks, c => c.Name == ValidationChecks.AssignmentAgreement);
        Assert.Equal(CheckStatus.Warn, returning.Status);
        Assert.Equal("the 900 customers present in both keep their segments only moderately: adjusted Rand index 0.70 < 0.8", returning.Reason);
    }

    [Fact]
    public void Without_drifted_features_one_check_passes_with_the_largest_psi()
    {
        var drift = new DriftReport
        {
            BaselineCustomers = 10,
            CurrentCustomers = 10,
            Features = [new() { Feature = "a", Psi = 0.02, Band = DriftBand.Stable, BaselineShares = [], CurrentShares = [], BaselineMean = 0, CurrentMean = 0 }],
        };
        var check = Assert.Single(ValidationChecks.Evaluate(Report() with { Drift = drift }), c => c.Name == ValidationChecks.FeatureDrift);
        Assert.Equal("no feature has drifted: largest PSI 0.020 (a) < 0.1", check.Reason);
    }
}
