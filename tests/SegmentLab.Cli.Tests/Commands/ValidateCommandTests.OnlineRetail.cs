using System.Text.Json;
using SegmentLab.Tests;

namespace SegmentLab.Cli.Tests.Commands;

public sealed partial class ValidateCommandTests
{
    /// <summary>The README's Online Retail II recipe: fit on the first half-year, re-validate at the end of the year.</summary>
    [SkippableOnlineRetailFact]
    public void Fit_at_june_and_validate_at_year_end_flags_the_drift_and_explains_the_longer_history()
    {
        using var dir = new TempDir();
        string model = dir.File("model.segmodel.json");
        var fit = CliRun.Of("fit", "--config", TestPaths.OnlineRetailConfig, "--cutoff", "2010-06-01", "--out", model, "--json");
        Assert.True(fit.ExitCode == 0, fit.Err);
        var fitted = JsonDocument.Parse(fit.Out).RootElement;
        Assert.Equal(2_703, fitted.GetProperty("customers").GetInt32());
        Assert.NotEqual("fail", fitted.GetProperty("verdict").GetString());
        // The holdout (June to August) has data: lift separates the segments.
        var lifts = fitted.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("lift").GetProperty("purchased_in_holdout").GetDouble()).ToArray();
        Assert.True(lifts.Max() > 1.3 && lifts.Min() < 0.8, string.Join(", ", lifts));

        var validate = CliRun.Of("validate", "--model", model, "--config", TestPaths.OnlineRetailConfig, "--cutoff", "2010-12-10", "--out", dir.Path, "--json");
        Assert.Equal(1, validate.ExitCode);
        var root = DemoCommandTests.AssertSummary(JsonDocument.Parse(validate.Out).RootElement, "validate", fitted.GetProperty("k").GetInt32());
        Assert.Equal(4_312, root.GetProperty("customers").GetInt32()); // the dataset's reference RFM customer count
        Assert.Equal("tenure_days", root.GetProperty("drift").GetProperty("mostDriftedFeature").GetString());
        Assert.Equal(2_703, root.GetProperty("drift").GetProperty("returningCustomers").GetInt32());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("spans 374 days, against 182 days", StringComparison.Ordinal));
        Assert.True(File.Exists(dir.File("validation-2010-12-10.html")));
    }
}
