using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>
/// The committed generated sample (data/sample) segmented at an earlier cutoff (2025-07-05) and re-validated at the
/// configured later one (2025-10-03), as the re-validation workflow does: built once for the class.
/// </summary>
public sealed class SampleValidation
{
    public static readonly DateOnly EarlyCutoff = new(2025, 7, 5);

    public SampleValidation()
    {
        using var dir = new TempDir();
        var config = SegmentLabConfig.Load(Path.Combine(TestPaths.RepoRoot, "data", "sample", "segmentlab.json"));
        using var data = DataLoader.Load(config, dir.File("rejects.csv"));
        Early = FeatureBuilder.Build(data, config.Features with { Cutoff = EarlyCutoff });
        Late = FeatureBuilder.Build(data, config.Features);
        EarlyRaw = Early.ToMatrix();
        Transform = FeatureTransform.Fit(EarlyRaw, config.Features.Transforms);
        EarlyX = Transform.Apply(EarlyRaw);
        Model = KMeans.Fit(EarlyX, Refit);
        LateX = Transform.Apply(Late.ToMatrix(EarlyRaw.ColumnNames));
    }

    public static KMeansOptions Refit { get; } = new() { K = 6, NInit = 3, Seed = 0 };

    public static ValidationSettings Settings { get; } = new() { StabilityReplicates = 20, LiftReplicates = 200, Seed = 2 };

    public FeatureTable Early { get; }

    public FeatureTable Late { get; }

    public FeatureMatrix EarlyRaw { get; }

    public FeatureTransform Transform { get; }

    public FeatureMatrix EarlyX { get; }

    public FeatureMatrix LateX { get; }

    public KMeansModel Model { get; }

    /// <summary>Re-validation input: the late customers against the early model and its baseline parts.</summary>
    public SegmentValidationInput Revalidation(FeatureTable table, FeatureMatrix x) => new()
    {
        Table = table,
        Clustered = x,
        Model = KMeansModel.FromCentroids(Model.Centroids),
        RefitOptions = Refit,
        Settings = Settings,
        BaselineDistribution = FeatureDistribution.Capture(EarlyRaw),
        BaselineCentroids = Model.Centroids,
        BaselineAssignments = (Early.CustomerIds, Model.Labels),
        BaselineSegmentShares = SegmentLabels.Sizes(Model.Labels, Model.K).Select(c => (double)c / Early.Rows).ToArray(),
    };
}

/// <summary>Issue 5's "done when": a ValidationReport for the generated sample shows lift, stability and drift sections with verdicts.</summary>
public sealed class SegmentValidationSampleTests(SampleValidation sample) : IClassFixture<SampleValidation>
{
    [Fact]
    public void The_report_for_the_generated_sample_has_lift_stability_and_drift_sections_with_verdicts()
    {
        var result = SegmentValidation.Run(sample.Revalidation(sample.Late, sample.LateX));
        var report = result.Report;

        // Lift: both binary outcomes and holdout revenue, for the segments and for the RFM baseline.
        Assert.Equal(["purchased_in_holdout", "engaged_in_holdout"], report.Lift!.Binary.Select(b => b.Outcome));
        Assert.Equal(["holdout_revenue"], report.Lift.Continuous.Select(b => b.Outcome));
        Assert.Equal(["purchased_in_holdout", "engaged_in_holdout"], report.Lift.BaselineBinary.Select(b => b.Outcome));
        Assert.Equal(["holdout_revenue"], report.Lift.BaselineContinuous.Select(b => b.Outcome));
        Assert.NotNull(result.Rfm);
        Assert.Equal(2, report.Checks.Count(c => c.Name == ValidationChecks.OutcomeLift));
        Assert.Equal(2, report.Checks.Count(c => c.Name == ValidationChecks.BaselineComparison));
        // The personas differ in how often they buy: some segment's purchase rate differs significantly.
        Assert.Contains(report.Checks, c => c.Name == ValidationChecks.OutcomeLift && c.Subject == "purchased_in_holdout" && c.Status == CheckStatus.Pass);

        // Stability: one entry per segment, checks with a status each.
        Assert.Equal(6, report.Stability!.Segments.Count);
        Assert.Equal(20, report.Stability.Replicates);
        Assert.Contains(report.Checks, c => c.Name == ValidationChecks.Stability);

        // Drift: every part, each with its checks.
        var drift = report.Drift!;
        Assert.Equal(sample.Early.Rows, drift.BaselineCustomers);
        Assert.Equal(sample.Late.Rows, drift.CurrentCustomers);
        Assert.Equal(sample.EarlyRaw.ColumnNames, drift.Features.Select(f => f.Feature));
        Assert.Equal(6, drift.Segments!.Segments.Count);
        Assert.Equal(6, drift.Centroids!.Count);
        Assert.True(drift.Assignments!.Matched > 0);
        foreach (string name in new[] { ValidationChecks.FeatureDrift, ValidationChecks.SegmentShareDrift, ValidationChecks.CentroidShift, ValidationChecks.AssignmentAgreement })
        {
            Assert.Contains(report.Checks, c => c.Name == name);
        }

        // Three months on, recency has moved for everyone: its PSI is flagged.
        Assert.Contains(report.Checks, c => c.Name == ValidationChecks.FeatureDrift && c.Subject == "recency_days" && c.Status != CheckStatus.Pass);

        // Verdicts: every check has a reason, and the overall verdict is what the checks say, in the JSON too.
        Assert.All(report.Checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        Assert.Equal(ValidationChecks.Overall(report.Checks), report.Verdict);
        Assert.Contains($"\"verdict\": \"{report.Verdict.ToString().ToLowerInvariant()}\"", report.ToJson());
        Assert.Contains("drift", report.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_baseline_against_itself_shows_no_drift()
    {
        var result = SegmentValidation.Run(sample.Revalidation(sample.Early, sample.EarlyX) with { RefitOptions = null, Settings = SampleValidation.Settings with { LiftReplicates = 10 } });
        var drift = result.Report.Drift!;
        Assert.All(drift.Features, f => Assert.Equal(0, f.Psi, 12));
        Assert.Equal(0, drift.Segments!.Psi, 12);
        Assert.Equal(1, drift.Assignments!.AdjustedRandIndex!.Value, 12);
        Assert.All(drift.Centroids!, c => Assert.InRange(c.Distance, 0, 1e-4));
        Assert.All(result.Report.Checks.Where(c => c.Name is ValidationChecks.FeatureDrift or ValidationChecks.SegmentShareDrift
            or ValidationChecks.CentroidShift or ValidationChecks.AssignmentAgreement), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }
}
