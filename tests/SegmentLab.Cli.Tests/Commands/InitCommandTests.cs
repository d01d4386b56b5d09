namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab init</c>: a starter config from the analyst's files that <c>check</c> accepts as written.</summary>
[Collection(CliSampleCollection.Name)]
public sealed class InitCommandTests(CliSample sample)
{
    private string[] DataFiles => new[] { "transactions.csv", "events.csv", "customers.csv" }.Select(f => Path.Combine(sample.Folder, "data", f)).ToArray();

    [Fact]
    public void Init_guesses_the_tables_and_columns_and_check_accepts_the_config()
    {
        string config = Path.Combine(sample.NewFolder(), "segmentlab.json");
        var run = CliRun.Of(["init", .. DataFiles, "--out", config]);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("transactions", run.Out);
        Assert.Contains("customerId = customer_id", run.Out);
        Assert.Contains("Written: " + config, run.Out);
        string text = File.ReadAllText(config);
        Assert.Contains("\"orderId\": \"order_id\"", text);
        Assert.Contains("\"eventType\": \"event_type\"", text);
        Assert.Contains("//", text); // commented: says what it guessed

        var check = CliRun.Of("check", "--config", config);
        Assert.True(check.ExitCode == 0, check.Err);
    }

    [Fact]
    public void Init_does_not_overwrite_a_config_without_force()
    {
        string config = Path.Combine(sample.NewFolder(), "segmentlab.json");
        File.WriteAllText(config, "{}");
        CliRun.Of(["init", DataFiles[0], "--out", config]).AssertBadInput("already exists", "--force");
        Assert.Equal("{}", File.ReadAllText(config));
    }

    [Fact]
    public void Init_of_a_missing_file_is_bad_input() =>
        CliRun.Of("init", Path.Combine(sample.Folder, "nope.csv"), "--out", Path.Combine(sample.NewFolder(), "c.json")).AssertBadInput("nope.csv");
}
