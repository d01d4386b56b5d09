using System.Text.Json;

namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab demo</c>: the whole pipeline on a generated sample, and the <c>--json</c> summary's schema.</summary>
[Collection(CliSampleCollection.Name)]
public sealed class DemoCommandTests(CliSample sample)
{
    /// <summary>Every key docs/cli-json.md promises, present even when null.</summary>
    internal static readonly string[] SummaryKeys =
    [
        "schemaVersion", "command", "customers", "cutoff", "holdoutEnd", "k", "silhouette", "silhouetteMethod", "verdict", "checks",
        "segments", "kSelection", "drift", "lineage", "outputs", "notes", "seconds",
    ];

    internal static readonly string[] SegmentKeys = ["id", "label", "name", "size", "share", "lift", "silhouette", "previousId"];

    internal static readonly string[] OutputKeys = ["model", "html", "markdown", "json", "assignments"];

    /// <summary>Checks the summary's shape and internal consistency; returns the root for further checks.</summary>
    internal static JsonElement AssertSummary(JsonElement root, string command, int k)
    {
        Assert.Equal(SummaryKeys.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(command, root.GetProperty("command").GetString());
        Assert.Equal(k, root.GetProperty("k").GetInt32());
        Assert.Contains(root.GetProperty("verdict").GetString(), new[] { "pass", "warn", "fail" });
        var segments = root.GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal(k, segments.Length);
        foreach (var s in segments)
        {
            Assert.Equal(SegmentKeys.Order(), s.EnumerateObject().Select(p => p.Name).Order());
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("name").GetString()));
            Assert.Equal(JsonValueKind.Object, s.GetProperty("lift").ValueKind);
        }

        Assert.Equal(k, segments.Select(s => s.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.Equal(root.GetProperty("customers").GetInt32(), segments.Sum(s => s.GetProperty("size").GetInt32()));
        Assert.Equal(1.0, segments.Sum(s => s.GetProperty("share").GetDouble()), 6);
        Assert.Equal(OutputKeys.Order(), root.GetProperty("outputs").EnumerateObject().Select(p => p.Name).Order());
        foreach (var check in root.GetProperty("checks").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("reason").GetString()));
        }

        // The verdict is the worst check.
        string worst = root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("status").GetString()!)
            .OrderBy(s => s switch { "fail" => 0, "warn" => 1, _ => 2 }).FirstOrDefault("pass");
        Assert.Equal(worst, root.GetProperty("verdict").GetString());
        return root;
    }

    [Fact]
    public void Demo_runs_the_pipeline_and_prints_one_json_summary()
    {
        Assert.Equal(0, sample.Demo.ExitCode);
        Assert.Equal("", sample.Demo.Err);
        var root = AssertSummary(sample.Summary, "demo", CliSample.K);
        Assert.InRange(root.GetProperty("customers").GetInt32(), CliSample.Customers / 2, CliSample.Customers);
        Assert.Equal("pass", root.GetProperty("verdict").GetString());

        // A holdout window: lift is measured for every segment on the purchase outcome, and some segment beats 1.
        var lifts = root.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("lift").GetProperty("purchased_in_holdout").GetDouble()).ToArray();
        Assert.Contains(lifts, l => l > 1.1);
        Assert.Contains(lifts, l => l < 0.9);

        var outputs = root.GetProperty("outputs");
        foreach (string key in OutputKeys)
        {
            string path = outputs.GetProperty(key).GetString()!;
            Assert.True(File.Exists(path), $"{key}: {path} is missing");
            Assert.StartsWith(sample.Folder, path, StringComparison.Ordinal);
        }

        Assert.Contains("<html", File.ReadAllText(outputs.GetProperty("html").GetString()!), StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(sample.Config));
    }

    [Fact]
    public void Too_few_customers_is_bad_input() =>
        CliRun.Of("demo", "--customers", "50", "--out", sample.NewFolder()).AssertBadInput("--customers 50");

    [Fact]
    public void A_bad_k_is_bad_input() =>
        CliRun.Of("demo", "--k", "two", "--out", sample.NewFolder()).AssertBadInput("--k 'two'");
}
