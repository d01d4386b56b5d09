using System.CommandLine;
using SegmentLab.Data;
using SegmentLab.Synthetic;
using Spectre.Console;

namespace SegmentLab.Cli.Commands;

/// <summary><c>segmentlab generate --customers N --seed S --out DIR [--start D --end D] [--gzip]</c>: a seeded synthetic sample.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers", "-n") { Description = "Number of customers.", DefaultValueFactory = _ => 5_000 };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed gives byte-identical files.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write into.", Required = true };
        var start = new Option<string?>("--start") { Description = "First day, yyyy-mm-dd (default 2024-01-01)." };
        var end = new Option<string?>("--end") { Description = "Last day, yyyy-mm-dd (default 2025-12-31)." };
        var gzip = new Option<bool>("--gzip") { Description = "Write .csv.gz files." };
        var command = new Command("generate", "Write a realistic, seeded sample from latent personas: transactions, events, customers, truth.")
        {
            customers, seed, output, start, end, gzip,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(customers);
            var options = new GeneratorOptions
            {
                Customers = n >= 1 ? n : throw new InputException($"--customers {n} must be at least 1."),
                Seed = parse.GetValue(seed),
                Compress = parse.GetValue(gzip),
            };
            if (parse.GetValue(start) is { } s)
            {
                options = options with { Start = CliDates.Parse(s, "--start") };
            }

            if (parse.GetValue(end) is { } e)
            {
                options = options with { End = CliDates.Parse(e, "--end") };
            }

            if (options.End < options.Start.AddDays(180))
            {
                throw new InputException($"--start {options.Start:yyyy-MM-dd} and --end {options.End:yyyy-MM-dd} must be at least 180 days apart.");
            }

            var result = SyntheticGenerator.Generate(options, parse.GetValue(output)!);
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            console.MarkupLineInterpolated(
                $"{result.Customers:N0} customers, {result.TransactionRows:N0} transaction rows, {result.EventRows:N0} events in {result.Seconds:F1} s ({(result.TransactionRows + result.EventRows) / Math.Max(result.Seconds, 1e-9) / 1e6:F1} M rows/s)");
            foreach (string file in result.Files)
            {
                console.MarkupLineInterpolated($"  {file}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
