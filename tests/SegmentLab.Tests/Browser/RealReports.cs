using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Profiling;
using SegmentLab.Reporting;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Browser;

/// <summary>
/// Report inputs for real-shaped data, built with the library the way the pipeline does (load, features, transform,
/// k-means at a fixed k, validation with few replicates, profiles), so the browser tests do not depend on the pipeline.
/// </summary>
internal static class RealReports
{
    /// <summary>The committed generated sample (data/sample, 5,000 customers) at k = 5.</summary>
    public static SegmentReportData Sample() =>
        Build(SegmentLabConfig.Load(Path.Combine(TestPaths.RepoRoot, "data", "sample", "segmentlab.json")), k: 5, cutoff: null, "Generated sample");

    /// <summary>
    /// Online Retail II at k = 4 with the cutoff moved to 2010-09-01 so a 90-day holdout (to 2010-11-29) gives lift.
    /// </summary>
    public static SegmentReportData OnlineRetail() =>
        Build(SegmentLabConfig.Load(TestPaths.OnlineRetailConfig), k: 4, cutoff: new DateOnly(2010, 9, 1), "Online Retail II");

    private static SegmentReportData Build(SegmentLabConfig config, int k, DateOnly? cutoff, string title)
    {
        using var dir = new TempDir();
        using var data = DataLoader.Load(config, dir.File("rejects.csv"));
        var settings = config.Features with { Cutoff = cutoff ?? config.Features.Cutoff };
        var table = FeatureBuilder.Build(data, settings);
        var raw = table.ToMatrix(settings.Inputs ?? table.DefaultInputs);
        var transform = FeatureTransform.Fit(raw, settings.Transforms);
        var x = transform.Apply(raw);
        var options = new KMeansOptions { K = k, NInit = 3, Seed = 0 };
        var model = KMeans.Fit(x, options);
        var validation = SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table,
            Clustered = x,
            Model = model,
            RefitOptions = options,
            Settings = config.Validation with { StabilityReplicates = 8, LiftReplicates = 200, Seed = 1 },
        });
        var profiles = SegmentProfiler.Build(table, model.Labels, validation.Report, config.Profiling, validation.Silhouette);
        return new SegmentReportData
        {
            Title = title,
            Quality = data.Quality,
            Table = table,
            Transform = transform,
            Clustered = x,
            Model = model,
            Silhouette = validation.Silhouette,
            Profiles = profiles,
            Validation = validation.Report,
            Rfm = validation.Rfm,
        };
    }
}
