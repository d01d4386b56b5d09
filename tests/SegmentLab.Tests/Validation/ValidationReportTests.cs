using System.Text.Json;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>The report end to end on planted data: every section filled by the real code, evaluated, JSON round trip, text summary.</summary>
public sealed class ValidationReportTests
{
    /// <summary>A full report from planted customers: three segments with different purchase rates and spend.</summary>
    internal static ValidationReport Planted()
    {
        var rng = new Random(17);
        int n = 600;
        var labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        var recency = labels.Select(l => (double)((l * 60) + rng.Next(60))).ToArray();
        var frequency = labels.Select(l => (double)(1 + rng.Next(3 - l, 8 - l))).ToArray();
        var monetary = frequency.Select(f => f * (20 + (rng.NextDouble() * 30))).ToArray();
        var bought = labels.Select(l => rng.NextDouble() < 0.6 - (0.2 * l) ? 1.0 : 0.0).ToArray();
        var revenue = bought.Select((b, i) => b * (50 + (100 * rng.NextDouble())) * (3 - labels[i])).ToArray();
        var region = labels.Select(l => (string?)(rng.NextDouble() < 0.3 + (0.2 * l) ? "North" : "South")).ToArray();
        var raw = FeatureMatrix.FromRows(Enumerable.Range(0, n).Select(i => (IReadOnlyList<double>)[recency[i], frequency[i], monetary[i]]).ToArray(),
            ["recency_days", "frequency", "monetary"]);
        var rfm = RfmBaseline.Score(recency, frequency, monetary);
        var ids = Enumerable.Range(0, n).Select(i => $"c{i}").ToArray();
        var boot = new LiftBootstrapOptions { Replicates = 200 };
        var settings = new ValidationSettings();
        var report = new ValidationReport
        {
            Data = new DataSummary { Customers = n, Cutoff = new DateOnly(2011, 6, 1), HoldoutEnd = new DateOnly(2011, 8, 30), Features = raw.ColumnNames, SegmentSizes = [200, 200, 200] },
            Separation = new SeparationSummary { SilhouetteMean = 0.41, SilhouetteMethod = SilhouetteMethod.Exact, SilhouetteBand = SilhouetteBand.Weak, SilhouetteSegmentMeans = [0.5, 0.4, 0.33], CalinskiHarabasz = 812.5, DaviesBouldin = 0.93 },
            Lift = new LiftSection
            {
                Binary = [OutcomeLift.Binary(labels, bought, "purchased_in_holdout")],
                Continuous = [OutcomeLift.Continuous(labels, revenue, "holdout_revenue", options: boot)],
                BaselineBinary = [OutcomeLift.Binary(rfm.Labels, bought, "purchased_in_holdout", rfm.SegmentNames)],
                BaselineContinuous = [OutcomeLift.Continuous(rfm.Labels, revenue, "holdout_revenue", rfm.SegmentNames, boot)],
            },
            FeatureIndex = FeatureIndex.Compute(raw, labels),
            CategoricalIndex = CategoricalIndex.Compute(new Dictionary<string, IReadOnlyList<string?>> { ["region"] = region }, labels),
            Stability = ClusterStability.Bootstrap(raw, labels, (x, _) => Enumerable.Range(0, x.Rows).Select(i => Math.Min(2, (int)(x[i, 0] / 60))).ToArray(),
                new StabilityOptions { Replicates = 10 }),
            Drift = new DriftReport
            {
                BaselineCustomers = n,
                CurrentCustomers = n,
                Features = Drift.Features(FeatureDistribution.Capture(raw), raw),
                Segments = Drift.SegmentShares(labels, labels, 3),
                Centroids = Drift.Centroids(Drift.SegmentMeans(raw, labels, 3), Drift.SegmentMeans(raw, labels, 3)),
                Assignments = Drift.Assignments(ids, labels, ids, labels),
            },
        };
        return report.Evaluate(settings);
    }

    [Fact]
    public void A_planted_report_passes_its_checks()
    {
        var report = Planted();
        Assert.Equal(ValidationReport.CurrentSchemaVersion, report.SchemaVersion);
        Assert.Contains(report.Checks, c => c.Name == ValidationChecks.Stability && c.Status == CheckStatus.Pass);
        Assert.Contains(report.Checks, c => c.Name == ValidationChecks.OutcomeLift && c.Status == CheckStatus.Pass);
        Assert.All(report.Checks.Where(c => c.Name != ValidationChecks.BaselineComparison), c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.NotEqual(CheckStatus.Fail, report.Verdict);
    }

    [Fact]
    public void Json_round_trips_exactly_with_camel_case_and_string_enums()
    {
        var report = Planted();
        string json = report.ToJson();
        using (var doc = JsonDocument.Parse(json))
        {
            var root = doc.RootElement;
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal(report.Verdict.ToString().ToLowerInvariant(), root.GetProperty("verdict").GetString());
            Assert.Equal("2011-06-01", root.GetProperty("data").GetProperty("cutoff").GetString());
            Assert.Equal("pass", root.GetProperty("checks")[0].GetProperty("status").GetString());
            Assert.True(root.GetProperty("stability").GetProperty("segments")[0].TryGetProperty("band", out var band));
            Assert.Equal(JsonValueKind.String, band.ValueKind);
            Assert.True(root.GetProperty("lift").GetProperty("baselineBinary")[0].GetProperty("segments")[0].TryGetProperty("name", out _));
            Assert.False(root.TryGetProperty("createdAt", out _));   // nulls are omitted
            Assert.True(root.GetProperty("thresholds").TryGetProperty("psiFail", out _));
            Assert.Equal("exact", root.GetProperty("separation").GetProperty("silhouetteMethod").GetString());
            Assert.Equal("weak", root.GetProperty("separation").GetProperty("silhouetteBand").GetString());
        }

        var back = ValidationReport.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(report.Verdict, back.Verdict);
        Assert.Equal(report.Checks, back.Checks);
    }

    [Fact]
    public void Save_and_load_through_a_file()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "out", "validation.json");
        var report = Planted();
        report.Save(path);
        Assert.Equal(report.ToJson(), ValidationReport.Load(path).ToJson());
        Assert.Throws<InputException>(() => ValidationReport.Load(Path.Combine(dir.Path, "missing.json")));
    }

    [Fact]
    public void Newer_schemas_and_non_reports_are_input_errors()
    {
        var json = Planted().ToJson().Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal);
        Assert.Contains("schema version 99", Assert.Throws<InputException>(() => ValidationReport.FromJson(json)).Message);
        Assert.Throws<InputException>(() => ValidationReport.FromJson("{ \"schemaVersion\": 1 }"));
        Assert.Throws<InputException>(() => ValidationReport.FromJson("[1, 2"));
    }

    [Fact]
    public void ToString_summarizes_every_section_and_lists_the_checks()
    {
        var report = Planted();
        string text = report.ToString();
        Assert.StartsWith($"Validation report (schema 1): {report.Verdict.ToString().ToUpperInvariant()}", text);
        Assert.Contains("data: 600 customers, 3 segments (200 / 200 / 200), cutoff 2011-06-01, holdout to 2011-08-30", text);
        Assert.Contains("separation: silhouette 0.410 (exact, weak), CH 812.5, DB 0.930", text);
        Assert.Contains("lift purchased_in_holdout: overall", text);
        Assert.Contains("(RFM: top", text);
        Assert.Contains("stability: 10 resamples", text);
        Assert.Contains("drift: largest PSI 0.000", text);
        Assert.Equal(report.Checks.Count, text.Split('\n').Count(l => l.StartsWith("    ", StringComparison.Ordinal)));
    }
}
