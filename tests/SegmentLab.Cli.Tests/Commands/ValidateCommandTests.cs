using System.Globalization;
using System.Text.Json;
using SegmentLab.Synthetic;

namespace SegmentLab.Cli.Tests.Commands;

/// <summary>
/// <c>segmentlab validate</c>: re-validation of a saved model. On its own training data nothing drifts; on a later
/// generated period the verdict holds, unless a behaviour shift was planted, which the drift check flags with exit 1.
/// </summary>
[Collection(CliSampleCollection.Name)]
public sealed partial class ValidateCommandTests(CliSample sample)
{
    [Fact]
    public void Validating_on_the_training_data_finds_no_drift_and_writes_the_dated_files()
    {
        string folder = sample.NewFolder();
        var run = CliRun.Of("validate", "--model", sample.Model, "--config", sample.Config, "--out", folder, "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        var root = DemoCommandTests.AssertSummary(JsonDocument.Parse(run.Out).RootElement, "validate", CliSample.K);
        // Default cutoff: the model's 90-day holdout before the end of the data, which is the training cutoff here.
        Assert.Equal(sample.Cutoff, root.GetProperty("cutoff").GetString());
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
        var drift = root.GetProperty("drift");
        Assert.Equal(0, drift.GetProperty("maxFeaturePsi").GetDouble(), 6);
        Assert.Equal(0, drift.GetProperty("segmentMixPsi").GetDouble(), 6);
        Assert.Equal(1, drift.GetProperty("returningAdjustedRandIndex").GetDouble(), 6);
        Assert.Equal(sample.Summary.GetProperty("customers").GetInt32(), drift.GetProperty("returningCustomers").GetInt32());
        foreach (string ext in new[] { "html", "md", "json" })
        {
            Assert.True(File.Exists(Path.Combine(folder, $"validation-{sample.Cutoff}.{ext}")), ext);
        }

        Assert.Equal(Path.Combine(folder, $"validation-{sample.Cutoff}.html"), root.GetProperty("outputs").GetProperty("html").GetString());
    }

    [Fact]
    public void A_later_period_holds_and_a_planted_spending_shift_fails_on_drift()
    {
        const string cutoff = "2026-04-02"; // 90 days before the end of the later period
        var later = new GeneratorOptions { Customers = CliSample.Customers, Seed = 43, Start = new(2024, 7, 1), End = new(2026, 6, 30) };
        string steady = sample.Generate(later, cutoff, NewCustomers);
        string shifted = sample.Generate(later, cutoff, folder =>
        {
            NewCustomers(folder);
            // From 2025-10-01 on, every line costs three times as much: customers spend more per order.
            CliSample.Rewrite(Path.Combine(folder, "transactions.csv"), f =>
            {
                if (string.CompareOrdinal(f[2], "2025-10-01") >= 0)
                {
                    f[7] = Triple(f[7]);
                    f[8] = Triple(f[8]);
                }

                return f;
            });
        });

        var ok = CliRun.Of("validate", "--model", sample.Model, "--config", steady, "--cutoff", cutoff, "--json");
        Assert.True(ok.ExitCode == 0, ok.Out + ok.Err);
        var okRoot = DemoCommandTests.AssertSummary(JsonDocument.Parse(ok.Out).RootElement, "validate", CliSample.K);
        Assert.DoesNotContain(Checks(okRoot), c => c.Name == "featureDrift" && c.Status == "fail");

        var bad = CliRun.Of("validate", "--model", sample.Model, "--config", shifted, "--cutoff", cutoff);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Verdict: FAIL", bad.Out);
        Assert.Contains("FAIL featureDrift", bad.Out);
        Assert.Contains("Drift: largest feature PSI", bad.Out);

        var badRoot = JsonDocument.Parse(CliRun.Of("validate", "--model", sample.Model, "--config", shifted, "--cutoff", cutoff, "--json", "--out", sample.NewFolder()).Out).RootElement;
        var failed = Checks(badRoot).Where(c => c.Name == "featureDrift" && c.Status == "fail").Select(c => c.Subject).ToArray();
        Assert.Contains(failed, f => f is "monetary" or "avg_order_value");
        Assert.True(badRoot.GetProperty("drift").GetProperty("maxFeaturePsi").GetDouble() > 0.25);
    }

    [Fact]
    public void Quiet_validate_prints_nothing()
    {
        var run = CliRun.Of("validate", "--model", sample.Model, "--config", sample.Config, "--out", sample.NewFolder(), "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal("", run.Err);
    }

    private static (string Name, string Status, string? Subject)[] Checks(JsonElement root) =>
        root.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("subject").GetString())).ToArray();

    /// <summary>Other customers than the training sample's (the generator numbers customers from C0000001 whatever the seed).</summary>
    private static void NewCustomers(string folder)
    {
        foreach (string file in new[] { "transactions.csv", "events.csv", "customers.csv" })
        {
            CliSample.Rewrite(Path.Combine(folder, file), f =>
            {
                f[0] = "L" + f[0];
                return f;
            });
        }
    }

    private static string Triple(string value) =>
        (double.Parse(value, CultureInfo.InvariantCulture) * 3).ToString("0.##", CultureInfo.InvariantCulture);
}
