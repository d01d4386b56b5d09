namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab run</c>: the pipeline on the analyst's config, human output and <c>--quiet</c>.</summary>
[Collection(CliSampleCollection.Name)]
public sealed class RunCommandTests(CliSample sample)
{
    [Fact]
    public void Run_prints_the_segment_table_verdict_and_paths_and_saves_report_and_model()
    {
        string folder = sample.NewFolder();
        var run = CliRun.Of("run", "--config", sample.Config, "--k", "4", "--out", folder);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal("", run.Err);
        Assert.Contains("4 segments", run.Out);
        Assert.Contains("│ id │ name", run.Out);
        Assert.Contains("lift purchased_in_holdout", run.Out);
        Assert.Contains("Verdict: PASS", run.Out);
        Assert.Contains("Report: " + Path.Combine(folder, "segment-report.html"), run.Out);
        Assert.Contains("Model: " + Path.Combine(folder, "model.segmodel.json"), run.Out);
        Assert.True(File.Exists(Path.Combine(folder, "segment-report.html")));
        Assert.True(File.Exists(Path.Combine(folder, "model.segmodel.json")));
        Assert.True(File.Exists(Path.Combine(folder, "assignments.csv")));
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal); // no ANSI codes when not a terminal
    }

    [Fact]
    public void Quiet_prints_nothing_and_the_exit_code_says_how_it_went()
    {
        string folder = sample.NewFolder();
        var run = CliRun.Of("run", "--config", sample.Config, "--k", "3", "--out", folder, "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal("", run.Err);
        Assert.True(File.Exists(Path.Combine(folder, "model.segmodel.json")));
    }

    [Fact]
    public void A_config_that_does_not_exist_is_bad_input() =>
        CliRun.Of("run", "--config", Path.Combine(sample.Folder, "nope.json")).AssertBadInput("nope.json", "does not exist");

    [Fact]
    public void A_k_range_out_of_bounds_is_bad_input() =>
        CliRun.Of("run", "--config", sample.Config, "--k", "5..3").AssertBadInput("--k 5..3");

    [Fact]
    public void A_bad_cutoff_is_bad_input() =>
        CliRun.Of("run", "--config", sample.Config, "--cutoff", "2025-02-30").AssertBadInput("--cutoff '2025-02-30'", "yyyy-mm-dd");

    [Fact]
    public void A_missing_previous_model_is_bad_input() =>
        CliRun.Of("run", "--config", sample.Config, "--previous", Path.Combine(sample.Folder, "old.segmodel.json")).AssertBadInput("old.segmodel.json", "does not exist");
}
