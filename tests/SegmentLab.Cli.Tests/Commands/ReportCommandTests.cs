namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab report</c>: the standard report files of a saved model on the config's data.</summary>
[Collection(CliSampleCollection.Name)]
public sealed class ReportCommandTests(CliSample sample)
{
    [Fact]
    public void Report_reproduces_the_fit_segments_at_the_training_cutoff()
    {
        string folder = sample.NewFolder();
        var run = CliRun.Of("report", "--model", sample.Model, "--config", sample.Config, "--out", folder, "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        var root = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        DemoCommandTests.AssertSummary(root, "report", CliSample.K);
        Assert.Equal(sample.Cutoff, root.GetProperty("cutoff").GetString());
        // Same data, same cutoff, same model: the same segment sizes as the fit.
        Assert.Equal(
            sample.Summary.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("size").GetInt32()),
            root.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("size").GetInt32()));
        foreach (string file in new[] { "segment-report.html", "segment-report.md", "assignments.csv", "metrics.json" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
    }
}
