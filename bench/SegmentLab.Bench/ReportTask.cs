using System.Diagnostics;
using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Profiling;
using SegmentLab.Reporting;
using SegmentLab.Synthetic;
using SegmentLab.Validation;

namespace SegmentLab.Bench;

/// <summary>
/// The <c>report</c> task: <c>report --customers N [--seed S] [--dir DIR] [--k K]</c>. Generates a synthetic sample
/// of N customers into DIR/data (reused when already there), builds its features (cutoff 2025-10-03, 90-day holdout),
/// fits k-means and validates as the demo does (fewer stability replicates: they are not what is measured), then
/// times the two report steps: <c>profile_seconds</c> (SegmentProfiler.Build) and <c>report_seconds</c>
/// (SegmentReport.Write: HTML, Markdown, assignments, one CSV per segment, metrics.json, all atomic), and prints the
/// HTML's size. One JSON line, like the other tasks.
/// </summary>
public static class ReportTask
{
    private const string Config = """
        {
          "transactions": { "path": "transactions.csv", "cancellations": { "negativeAmount": true } },
          "events": { "path": "events.csv" },
          "customers": { "path": "customers.csv", "ignore": ["signup_date"] },
          "features": { "cutoff": "2025-10-03", "holdoutDays": 90 }
        }
        """;

    public static int Run(string[] args)
    {
        int customers = Int(args, "--customers", 135_000);
        int k = Int(args, "--k", 6);
        long seed = Int(args, "--seed", 42);
        string dir = Path.GetFullPath(Value(args, "--dir") ?? Path.Combine("bench", "results", $"report-{customers}"));
        string data = Path.Combine(dir, "data");
        string configPath = Path.Combine(data, "segmentlab.json");
        var total = Stopwatch.StartNew();
        if (!File.Exists(configPath))
        {
            SyntheticGenerator.Generate(new GeneratorOptions { Customers = customers, Seed = seed }, data);
            File.WriteAllText(configPath, Config);
        }

        var config = SegmentLabConfig.Load(configPath);
        using var loaded = DataLoader.Load(config, Path.Combine(dir, "rejects.csv"));
        var table = FeatureBuilder.Build(loaded, config.Features);
        var raw = table.ToMatrix(table.DefaultInputs);
        var transform = FeatureTransform.Fit(raw, config.Features.Transforms);
        var x = transform.Apply(raw);
        var options = new KMeansOptions { K = k, NInit = 2, Seed = 0 };
        var model = KMeans.Fit(x, options);
        var validation = SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table, Clustered = x, Model = model, RefitOptions = options,
            Settings = config.Validation with { StabilityReplicates = 5, LiftReplicates = 200 },
        });
        double setup = total.Elapsed.TotalSeconds;

        var sw = Stopwatch.StartNew();
        var profiles = SegmentProfiler.Build(table, model.Labels, validation.Report, config.Profiling, validation.Silhouette);
        double profile = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var files = SegmentReport.Write(new SegmentReportData
        {
            Title = $"Report benchmark ({table.Rows:N0} customers)",
            Quality = loaded.Quality, Table = table, Transform = transform, Clustered = x, Model = model,
            Silhouette = validation.Silhouette, Profiles = profiles, Validation = validation.Report, Rfm = validation.Rfm,
        }, Path.Combine(dir, "report"));
        double report = sw.Elapsed.TotalSeconds;
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "report",
            ["customers"] = table.Rows,
            ["k"] = k,
            ["profile_seconds"] = Math.Round(profile, 3),
            ["report_seconds"] = Math.Round(report, 3),
            ["total_seconds"] = Math.Round(profile + report, 3),
            ["html_bytes"] = new FileInfo(files.Html).Length,
            ["files"] = files.All.Count,
            ["setup_seconds"] = Math.Round(setup, 1),
            ["names"] = profiles.Names,
        }));
        return 0;
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
