using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SegmentLab.Data;
using Spectre.Console;

namespace SegmentLab.Cli.Commands;

/// <summary><c>segmentlab check --config F</c>: loads the configured tables and shows what happened to every row.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config", "-c") { Description = "The segmentlab.json describing the data.", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write rejected rows (default: rejects.csv in the config's output folder)." };
        var json = new Option<bool>("--json") { Description = "Print the data-quality report as JSON." };
        var command = new Command("check", "Load the configured data and report rows read, loaded, filtered and rejected.") { config, rejects, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            using var data = DataLoader.Load(cfg, parse.GetValue(rejects));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(data.Quality, CliJson.Options));
            }
            else
            {
                Print(CliConsole.Create(output), data.Quality);
            }

            return CliApp.Ok;
        });
        return command;
    }

    internal static void Print(IAnsiConsole console, DataQualityReport report)
    {
        var table = new Table().AddColumns("table", "read", "loaded", "filtered", "rejected", "customers", "first", "last");
        foreach (var t in report.Tables)
        {
            table.AddRow(t.Table, N(t.RowsRead), N(t.RowsLoaded), N(t.RowsFiltered), N(t.RowsRejected), N(t.DistinctCustomers),
                t.FirstTimestamp?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "", t.LastTimestamp?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
        }

        console.Write(table);
        foreach (var t in report.Tables)
        {
            foreach (var (rule, count) in t.FilteredByRule)
            {
                console.MarkupLineInterpolated($"{t.Table}: {count:N0} rows filtered ({rule})");
            }

            foreach (var (reason, count) in t.RejectedByReason)
            {
                console.MarkupLineInterpolated($"{t.Table}: {count:N0} rows rejected ({reason})");
            }

            if (t.ReturnLines is { } returns)
            {
                console.MarkupLineInterpolated($"{t.Table}: {returns:N0} return or cancellation lines");
            }
        }

        console.MarkupLineInterpolated($"Rejected rows: {report.RejectsFile}");
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
