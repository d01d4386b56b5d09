using System.Text.Json.Nodes;

namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab assign</c>: scores customers with a saved model; a damaged or newer model file is refused clearly.</summary>
[Collection(CliSampleCollection.Name)]
public sealed class AssignCommandTests(CliSample sample)
{
    [Fact]
    public void Assign_writes_one_row_per_customer_with_id_and_name()
    {
        string csv = Path.Combine(sample.NewFolder(), "assignments.csv");
        var run = CliRun.Of("assign", "--model", sample.Model, "--config", sample.Config, "--out", csv);
        Assert.True(run.ExitCode == 0, run.Err);
        var rows = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Length, rows.Select(r => r[0]).Distinct().Count());
        var names = sample.Summary.GetProperty("segments").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.GetProperty("name").GetString());
        Assert.All(rows, r => Assert.Equal(names[r[1]], r[2]));
        // Default cutoff: everything known now, i.e. later than the training cutoff, so more customers have history.
        Assert.True(rows.Length > sample.Summary.GetProperty("customers").GetInt32());
        Assert.Contains("Written: " + csv, run.Out);
    }

    [Fact]
    public void Quiet_assign_prints_nothing()
    {
        string csv = Path.Combine(sample.NewFolder(), "a.csv");
        var run = CliRun.Of("assign", "--model", sample.Model, "--config", sample.Config, "--out", csv, "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.True(File.Exists(csv));
    }

    [Fact]
    public void A_tampered_model_is_refused_with_exit_2()
    {
        var json = JsonNode.Parse(File.ReadAllText(sample.Model))!;
        json["model"]!["segments"]![0]!["name"] = "Renamed by hand";
        string tampered = Path.Combine(sample.NewFolder(), "tampered.segmodel.json");
        File.WriteAllText(tampered, json.ToJsonString());
        CliRun.Of("assign", "--model", tampered, "--config", sample.Config).AssertBadInput(tampered, "checksum does not match", "edited or damaged");
    }

    [Fact]
    public void A_model_from_a_newer_segmentlab_is_refused_with_exit_2()
    {
        var json = JsonNode.Parse(File.ReadAllText(sample.Model))!;
        json["schemaVersion"] = 99;
        string newer = Path.Combine(sample.NewFolder(), "newer.segmodel.json");
        File.WriteAllText(newer, json.ToJsonString());
        CliRun.Of("validate", "--model", newer, "--config", sample.Config).AssertBadInput(newer, "schema version 99", "update SegmentLab");
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_exit_2() =>
        CliRun.Of("assign", "--model", sample.Config, "--config", sample.Config).AssertBadInput("not", "model");

    [Fact]
    public void The_model_option_is_required() =>
        CliRun.Of("assign", "--config", sample.Config).AssertBadInput("--model");
}
