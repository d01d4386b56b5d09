using SegmentLab.Data;
using SegmentLab.Pipeline;
using SegmentLab.Validation;

namespace SegmentLab.Interactive.Tests.Formatting;

/// <summary>
/// The tables notebooks show for the library's results, on one small real run (a 300-customer demo, k swept 2–4):
/// the numbers in the tables are the results' own.
/// </summary>
public sealed class SegmentFormattersTests(SegmentFormattersTests.DemoRun run) : IClassFixture<SegmentFormattersTests.DemoRun>
{
    private readonly FormatterRegistry _registry = FormatterRegistry.CreateDefault();

    [Fact]
    public void ProfilesShowOneRowPerSegmentWithSharesAndTheDescriptionsWhole()
    {
        var profiles = run.Result.Profiles;
        var bundle = _registry.Format(profiles);
        string text = bundle.Text("text/plain")!;
        string html = bundle.Text("text/html")!;
        Assert.StartsWith($"SegmentProfiles: {profiles.Count} segments of {run.Result.Table.Rows:N0} customers", text);
        Assert.Contains("<th>name</th><th>size</th><th>share</th><th>revenue_share</th>", html);
        foreach (var s in profiles.Segments)
        {
            Assert.Contains($"<td style=\"text-align:right\">{s.Size}</td>", html);
            Assert.Contains(s.Share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture), text);
            // Descriptions are sentences: never cut into a cell.
            Assert.Contains($"{s.Id}. {s.Name}: {s.Description}", text);
        }
    }

    [Fact]
    public void TheSweepMarksTheRecommendedKAndGivesTheReason()
    {
        var sweep = run.Result.KSelection!;
        var bundle = _registry.Format(sweep);
        string text = bundle.Text("text/plain")!;
        var lines = text.Split('\n');
        Assert.StartsWith($"k sweep 2–4: recommended k = {sweep.RecommendedK}", lines[0]);
        // Header, then one row per candidate; the arrow on the recommended one only.
        var rows = lines.Skip(2).Take(sweep.Candidates.Count).ToArray();
        Assert.Equal(sweep.Candidates.Count, rows.Count(r => r.Length > 0));
        Assert.Single(rows, r => r.Contains('→'));
        Assert.Matches($@"→\s+{sweep.RecommendedK}\s", rows.Single(r => r.Contains('→')));
        Assert.EndsWith(sweep.Reason, text);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sweep.Reason), bundle.Text("text/html"));
    }

    [Fact]
    public void TheValidationReportShowsItsVerdictAndEveryCheck()
    {
        var report = run.Result.Validation.Report;
        var bundle = _registry.Format(report);
        Assert.Equal(report.ToString(), bundle.Text("text/plain"));
        string html = bundle.Text("text/html")!;
        Assert.Contains($"<b>Validation: {report.Verdict.ToString().ToUpperInvariant()}</b>", html);
        Assert.NotEmpty(report.Checks);
        foreach (var check in report.Checks)
        {
            Assert.Contains($"<td style=\"text-align:left\">{check.Name}</td>", html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(check.Reason), html);
        }

        // The header row, then one row per check.
        Assert.Equal(1 + report.Checks.Count, CountOf(html, "<tr><th>"));
    }

    [Fact]
    public void DataQualityShowsRowsReadAsLoadedFilteredRejected()
    {
        var quality = new DataQualityReport
        {
            Tables =
            [
                new TableQuality
                {
                    Table = "transactions", Files = ["t.csv"], RowsRead = 10, RowsLoaded = 7,
                    FilteredByRule = new Dictionary<string, long> { ["missing customer id"] = 2 },
                    RejectedByReason = new Dictionary<string, long> { ["bad date"] = 1 }, DistinctCustomers = 4,
                    FirstTimestamp = new DateTime(2024, 1, 2), LastTimestamp = new DateTime(2024, 3, 4),
                },
            ],
            RejectsFile = "rejects.csv",
        };
        string text = _registry.Format(quality).Text("text/plain")!;
        Assert.Equal(
            "Data quality: every row read is accounted for\n" +
            "   table         read  loaded  filtered  rejected  customers  first       last      \n" +
            "0  transactions    10       7         2         1          4  2024-01-02  2024-03-04\n\n" +
            "transactions: 2 filtered (missing customer id)\n" +
            "transactions: 1 rejected (bad date)\n" +
            "rejected rows: rejects.csv",
            text);
    }

    [Fact]
    public void ResultsInsideAPipelineResultStillUseTheirOwnFormatters()
    {
        Assert.Equal(typeof(ValidationReport), _registry.FormatterTypeFor(run.Result.Validation.Report.GetType()));
        Assert.Equal(typeof(KSelectionResult), _registry.FormatterTypeFor(typeof(KSelectionResult)));
    }

    private static int CountOf(string s, string part) => (s.Length - s.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>One demo run shared by the tests of the class.</summary>
    public sealed class DemoRun : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("segmentlab-formatters-").FullName;

        public DemoRun() => Result = SegmentationPipeline.Demo(new DemoOptions
        {
            Customers = 300,
            Seed = 7,
            OutputDirectory = _folder,
            Pipeline = new PipelineOptions { MinK = 2, MaxK = 4, NInit = 2, GapStatistic = false, WriteReport = false },
        });

        public PipelineResult Result { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
