using System.Globalization;
using System.Text.Json;
using SegmentLab.Models;

namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab fit</c>: saves a model that loads back and scores exactly as at training.</summary>
[Collection(CliSampleCollection.Name)]
public sealed partial class FitCommandTests(CliSample sample)
{
    [Fact]
    public void Fit_json_summary_names_the_model_and_no_report()
    {
        string model = Path.Combine(sample.NewFolder(), "m.segmodel.json");
        var run = CliRun.Of("fit", "--config", sample.Config, "--k", "5", "--out", model, "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        var root = DemoCommandTests.AssertSummary(JsonDocument.Parse(run.Out).RootElement, "fit", 5);
        Assert.Equal(model, root.GetProperty("outputs").GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("outputs").GetProperty("html").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("kSelection").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lineage").ValueKind);

        // Same data, same settings: the same model content (the checksum excludes the creation time).
        Assert.Equal(SegmentModel.Load(sample.Model).Checksum, SegmentModel.Load(model).Checksum);
    }

    [Fact]
    public void Fit_save_load_assign_gives_the_training_labels()
    {
        string folder = sample.NewFolder();
        string model = Path.Combine(folder, "m.segmodel.json");
        Assert.Equal(0, CliRun.Of("fit", "--config", sample.Config, "--k", "4", "--out", model, "--quiet").ExitCode);
        var loaded = SegmentModel.Load(model);
        Assert.Equal(4, loaded.K);

        string csv = Path.Combine(folder, "a.csv");
        var assign = CliRun.Of("assign", "--model", model, "--config", sample.Config, "--cutoff", sample.Cutoff, "--out", csv);
        Assert.True(assign.ExitCode == 0, assign.Err);
        var rows = File.ReadAllLines(csv);
        Assert.Equal("customer_id,segment_id,segment_name,distance", rows[0]);
        var scored = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(f => f[0], f => int.Parse(f[1], CultureInfo.InvariantCulture));
        Assert.Equal(loaded.BaselineCustomerIds.Count, scored.Count);
        for (int i = 0; i < loaded.BaselineCustomerIds.Count; i++)
        {
            Assert.Equal(loaded.Segments[loaded.BaselineLabels[i]].Id, scored[loaded.BaselineCustomerIds[i]]);
        }

        Assert.Contains($"{scored.Count:N0} customers assigned as of {sample.Cutoff}", assign.Out);
    }

    [Fact]
    public void A_k_range_sweeps_and_reports_the_choice()
    {
        string model = Path.Combine(sample.NewFolder(), "m.segmodel.json");
        var run = CliRun.Of("fit", "--config", sample.Config, "--k", "3..5", "--out", model, "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var selection = root.GetProperty("kSelection");
        int k = selection.GetProperty("recommendedK").GetInt32();
        Assert.InRange(k, 3, 5);
        DemoCommandTests.AssertSummary(root, "fit", k);
        Assert.Contains($"k = {k}", selection.GetProperty("reason").GetString());
    }

    [Fact]
    public void Saving_the_model_over_an_input_file_is_refused()
    {
        string transactions = Path.Combine(sample.Folder, "data", "transactions.csv");
        long before = new FileInfo(transactions).Length;
        CliRun.Of("fit", "--config", sample.Config, "--k", "3", "--out", transactions).AssertBadInput("refusing to overwrite an input file");
        Assert.Equal(before, new FileInfo(transactions).Length);
    }

    [Fact]
    public void An_output_path_that_cannot_be_written_is_bad_input_without_a_stack_trace()
    {
        string file = Path.Combine(sample.NewFolder(), "a-file");
        File.WriteAllText(file, "in the way");
        CliRun.Of("fit", "--config", sample.Config, "--k", "3", "--out", Path.Combine(file, "m.segmodel.json")).AssertBadInput("a-file");
    }
}
