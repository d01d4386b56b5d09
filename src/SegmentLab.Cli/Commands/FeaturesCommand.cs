using System.CommandLine;
using System.Diagnostics;
using SegmentLab.Data;
using SegmentLab.Features;
using Spectre.Console;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab features</c>: <c>--list</c> prints the catalog; <c>--config F [--cutoff D] [--out FILE]</c> builds one
/// row per customer and writes CSV or Parquet; <c>--explain-sql</c> prints the generated SQL.
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var list = new Option<bool>("--list") { Description = "Print the feature catalog (name, family, unit, meaning, edge cases)." };
        var config = new Option<string?>("--config", "-c") { Description = "The segmentlab.json describing the data." };
        var cutoff = new Option<string?>("--cutoff") { Description = "As-of date yyyy-mm-dd (overrides features.cutoff)." };
        var holdout = new Option<int?>("--holdout-days") { Description = "Holdout window in days (overrides features.holdoutDays)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the table to this .csv or .parquet file." };
        var explain = new Option<bool>("--explain-sql") { Description = "Print the SQL that builds the features." };
        var command = new Command("features", "Engineer one row of features per customer, as of a cutoff.") { list, config, cutoff, holdout, output, explain };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var console = CliConsole.Create(stdout);
            if (parse.GetValue(list))
            {
                PrintCatalog(console);
                return CliApp.Ok;
            }

            string path = parse.GetValue(config) ?? throw new InputException("give --config segmentlab.json (or --list for the catalog).");
            var clock = Stopwatch.StartNew();
            var cfg = SegmentLabConfig.Load(path);
            var settings = cfg.Features;
            if (parse.GetValue(cutoff) is { } c)
            {
                settings = settings with { Cutoff = CliDates.Parse(c, "--cutoff") };
            }

            if (parse.GetValue(holdout) is { } h)
            {
                settings = settings with { HoldoutDays = h >= 0 ? h : throw new InputException($"--holdout-days {h} must be 0 or more.") };
            }

            using var data = DataLoader.Load(cfg);
            if (parse.GetValue(explain))
            {
                stdout.WriteLine(FeatureBuilder.ExplainSql(data, settings));
                return CliApp.Ok;
            }

            string? target = parse.GetValue(output);
            if (target is not null)
            {
                // Straight from DuckDB to the file: the values never pass through .NET.
                Guard.NotAnInput(cfg, target);
                var export = FeatureBuilder.Export(data, target, settings);
                console.MarkupLineInterpolated($"{export.Rows:N0} customers × {export.Features.Count} features (+{export.Outcomes.Count} outcomes) as of {export.Cutoff:yyyy-MM-dd} in {clock.Elapsed.TotalSeconds:F2} s");
                console.MarkupLineInterpolated($"Written: {export.Path}");
                return CliApp.Ok;
            }

            var table = FeatureBuilder.Build(data, settings);
            console.MarkupLineInterpolated($"{table.Rows:N0} customers × {table.Features.Count} features (+{table.Outcomes.Count} outcomes) as of {table.Cutoff:yyyy-MM-dd} in {clock.Elapsed.TotalSeconds:F2} s");

            return CliApp.Ok;
        });
        return command;
    }

    private static void PrintCatalog(IAnsiConsole console)
    {
        var table = new Table().AddColumns("feature", "family", "unit", "meaning", "edge cases");
        foreach (var f in FeatureCatalog.All)
        {
            table.AddRow(Markup.Escape(f.Name), f.Family.ToString(), Markup.Escape(f.Unit), Markup.Escape(f.Description), Markup.Escape(f.Choice));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{FeatureCatalog.All.Count} entries; names in <…> expand per data set (categories, channels, event types, attributes).");
    }
}
