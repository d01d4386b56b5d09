using System.Globalization;
using System.Text.RegularExpressions;
using SegmentLab.Reporting;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Reporting;

/// <summary>
/// The files a report writes: names, the assignments and per-segment CSVs checked value by value against the inputs,
/// metrics.json round-tripping the validation report, and atomicity (a failure or cancellation replaces nothing).
/// </summary>
public sealed partial class SegmentReportTests
{
    private static readonly SegmentReportData D = ReportTestData.Data;

    [Fact]
    public void Write_produces_every_output_with_the_prefix()
    {
        using var dir = new TempDir();
        var files = SegmentReport.Write(D, dir.Path, new ReportOptions { FilePrefix = "run-1." });
        Assert.Equal(dir.File("run-1.segment-report.html"), files.Html);
        Assert.Equal(dir.File("run-1.segment-report.md"), files.Markdown);
        Assert.Equal(dir.File("run-1.assignments.csv"), files.Assignments);
        Assert.Equal(dir.File("run-1.metrics.json"), files.Metrics);
        Assert.Equal(4, files.SegmentCsvs.Count);
        for (int s = 0; s < 4; s++)
        {
            string slug = Regex.Replace(D.Profiles[s].Name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
            Assert.Equal(dir.File($"run-1.segment-{s}-{slug}.csv"), files.SegmentCsvs[s]);
        }

        Assert.All(files.All, f => Assert.True(File.Exists(f), f));
        Assert.Equal(files.All.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal));
        Assert.Equal(SegmentReport.ToMarkdown(D), File.ReadAllText(files.Markdown));
    }

    [Fact]
    public void Assignments_list_every_customer_with_segment_name_distance_and_silhouette()
    {
        using var dir = new TempDir();
        var files = SegmentReport.Write(D, dir.Path, new ReportOptions { SegmentCsvs = false });
        Assert.Empty(files.SegmentCsvs);
        var lines = File.ReadAllLines(files.Assignments);
        Assert.Equal("customer_id,segment_id,segment_name,distance_to_centroid,silhouette", lines[0]);
        Assert.Equal(D.Table.Rows + 1, lines.Length);
        var silhouette = D.Silhouette!;
        for (int i = 0; i < D.Table.Rows; i++)
        {
            var cells = lines[i + 1].Split(',');
            int s = D.Model.Labels[i];
            Assert.Equal(D.Table.CustomerIds[i], cells[0]);
            Assert.Equal(s.ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(D.Profiles[s].Name, cells[2]);
            double distance = Math.Sqrt(Enumerable.Range(0, D.Clustered.Columns)
                .Sum(j => Math.Pow(D.Clustered[i, j] - (double)D.Model.Centroids[s, j], 2)));
            Assert.Equal(distance, double.Parse(cells[3], CultureInfo.InvariantCulture), tolerance: 1e-5);
            Assert.Equal(silhouette.Samples[i], double.Parse(cells[4], CultureInfo.InvariantCulture), tolerance: 1e-5);
        }
    }

    [Fact]
    public void Each_segment_csv_holds_exactly_its_customers_with_key_features_and_attributes()
    {
        using var dir = new TempDir();
        var files = SegmentReport.Write(D, dir.Path);
        for (int s = 0; s < 4; s++)
        {
            var lines = File.ReadAllLines(files.SegmentCsvs[s]);
            Assert.Equal("customer_id,segment_id,segment_name,recency_days,frequency,monetary,tenure_days,discount_share,region", lines[0]);
            var expected = Enumerable.Range(0, D.Table.Rows).Where(i => D.Model.Labels[i] == s).ToArray();
            Assert.Equal(expected.Select(i => D.Table.CustomerIds[i]), lines.Skip(1).Select(l => l.Split(',')[0]));
            var first = lines[1].Split(',');
            Assert.Equal(D.Table["monetary"][expected[0]], double.Parse(first[5], CultureInfo.InvariantCulture));
            Assert.Equal(D.Table.Text("region")[expected[0]], first[8]);
        }
    }

    [Fact]
    public void Metrics_json_is_the_validation_report()
    {
        using var dir = new TempDir();
        var files = SegmentReport.Write(D, dir.Path);
        var read = ValidationReport.Load(files.Metrics);
        Assert.Equal(D.Validation.Verdict, read.Verdict);
        Assert.Equal(D.Validation.ToJson(), read.ToJson());
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_report_untouched_and_no_temporary_files()
    {
        using var dir = new TempDir();
        var first = SegmentReport.Write(D, dir.Path);
        var before = first.All.ToDictionary(f => f, File.ReadAllBytes);
        var renamed = D with { Profiles = D.Profiles.WithNames(new Dictionary<int, string> { [0] = "Renamed" }), Title = "Second run" };
        int written = 0;
        var failing = new ReportOptions
        {
            AfterFileWritten = _ =>
            {
                if (++written == 4)
                {
                    throw new IOException("disk full (simulated)");
                }
            },
        };
        var error = Assert.Throws<IOException>(() => SegmentReport.Write(renamed, dir.Path, failing));
        Assert.Equal("disk full (simulated)", error.Message);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal));
        Assert.All(before, p => Assert.Equal(p.Value, File.ReadAllBytes(p.Key)));
    }

    [Fact]
    public void Cancellation_writes_nothing()
    {
        using var dir = new TempDir();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SegmentReport.Write(D, dir.Path, ct: cts.Token));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Segment_csvs_of_an_earlier_run_that_this_run_did_not_write_are_removed()
    {
        using var dir = new TempDir();
        string stale = dir.Write("segment-7-old-name.csv", "customer_id\n");
        string other = dir.Write("segment-notes.csv", "keep me\n");
        string otherPrefix = dir.Write("x.segment-1-kept.csv", "keep me\n");
        SegmentReport.Write(D, dir.Path);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(otherPrefix));
    }

    [Fact]
    public void Mismatched_inputs_and_bad_options_are_refused_with_the_numbers()
    {
        var wrongModel = D with { Model = SegmentLab.Clustering.KMeans.Fit(D.Clustered.SelectRows(Enumerable.Range(0, 100).ToArray()), new SegmentLab.Clustering.KMeansOptions { K = 4, Seed = 1 }) };
        var shape = Assert.Throws<ArgumentException>(() => SegmentReport.ToHtml(wrongModel));
        Assert.Contains("the table has 200 rows", shape.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SegmentReport.ToHtml(D, new ReportOptions { FilePrefix = "a/b" }));
        var small = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentReport.ToHtml(D, new ReportOptions { MaxScatterPoints = 10 }));
        Assert.Contains("MaxScatterPoints=10", small.Message, StringComparison.Ordinal);
    }
}
