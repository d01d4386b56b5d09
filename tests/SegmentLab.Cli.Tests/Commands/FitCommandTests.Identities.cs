using System.Text.Json;
using SegmentLab.Models;

namespace SegmentLab.Cli.Tests.Commands;

public sealed partial class FitCommandTests
{
    /// <summary>
    /// The demo sample without its business buyers (by the generator's truth file), refitted with one segment fewer
    /// against the demo model: the other segments keep their ids and names, one vanishes, and the returning customers
    /// mostly stay in the segment with their old id.
    /// </summary>
    [Fact]
    public void Refit_with_a_persona_removed_keeps_ids_and_names_and_reports_the_vanished_segment()
    {
        string source = Path.Combine(sample.Folder, "data");
        var b2b = File.ReadLines(Path.Combine(source, "truth.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "BulkB2B").Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(b2b);
        string folder = sample.NewFolder();
        foreach (string file in new[] { "transactions.csv", "events.csv", "customers.csv" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(folder, file));
            CliSample.Rewrite(Path.Combine(folder, file), f => b2b.Contains(f[0]) ? null : f);
        }

        File.Copy(sample.Config, Path.Combine(folder, "segmentlab.json"));
        var previous = SegmentModel.Load(sample.Model);
        string refit = Path.Combine(folder, "refit.segmodel.json");
        var run = CliRun.Of("fit", "--config", Path.Combine(folder, "segmentlab.json"), "--k", (CliSample.K - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--previous", sample.Model, "--out", refit, "--json");
        Assert.True(run.ExitCode is 0 or 1, run.Err);
        var root = DemoCommandTests.AssertSummary(JsonDocument.Parse(run.Out).RootElement, "fit", CliSample.K - 1);

        var lineage = root.GetProperty("lineage");
        Assert.Equal(previous.Checksum, lineage.GetProperty("previousChecksum").GetString());
        var kept = lineage.GetProperty("kept").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var vanished = lineage.GetProperty("vanished").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(CliSample.K - 1, kept.Length);
        Assert.Empty(lineage.GetProperty("appeared").EnumerateArray());
        int gone = Assert.Single(vanished);
        Assert.Equal(previous.Segments.Select(s => s.Id).Order(), kept.Append(gone).Order());

        // The vanished segment is the one the business buyers made up: most of its training customers were B2B.
        int goneLabel = previous.LabelOf(gone);
        var goneCustomers = previous.BaselineCustomerIds.Where((_, i) => previous.BaselineLabels[i] == goneLabel).ToArray();
        Assert.True(goneCustomers.Count(b2b.Contains) > goneCustomers.Length / 2, $"segment {gone} '{previous.Segments[goneLabel].Name}' is not mostly B2B");

        // Kept segments keep id and name.
        var model = SegmentModel.Load(refit);
        foreach (var s in model.Segments)
        {
            Assert.Contains(s.Id, kept);
            Assert.Equal(previous.Segments[previous.LabelOf(s.Id)].Name, s.Name);
        }

        foreach (var s in root.GetProperty("segments").EnumerateArray())
        {
            Assert.Equal(s.GetProperty("id").GetInt32(), s.GetProperty("previousId").GetInt32());
        }

        // Migration of returning customers: every kept segment keeps most of its returning customers.
        var migration = lineage.GetProperty("migration");
        var previousIds = migration.GetProperty("previousIds").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var ids = migration.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var counts = migration.GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
        Assert.Equal(model.Training.Customers, migration.GetProperty("returning").GetInt32() + migration.GetProperty("newOnly").GetInt32());
        Assert.Equal(migration.GetProperty("returning").GetInt32(), counts.Sum(r => r.Sum()));
        foreach (int id in kept)
        {
            var row = counts[previousIds.IndexOf(id)];
            Assert.True(row[ids.IndexOf(id)] > row.Sum() / 2, $"segment {id} kept only {row[ids.IndexOf(id)]} of its {row.Sum()} returning customers");
        }
    }
}
