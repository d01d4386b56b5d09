using System.CommandLine;
using System.Diagnostics;
using SegmentLab.Data;
using SegmentLab.Models;
using SegmentLab.Pipeline;
using SegmentLab.Validation;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab run --config C [--k 5 | 2..10] [--out DIR]</c>: the whole pipeline on the analyst's data — features,
/// choose k, fit, validate, profile, report — and the model saved beside the report. Exit 1 when the verdict fails.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CliOptions.Config();
        var k = CliOptions.K();
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the report and model (default: the config's output folder)." };
        var cutoff = CliOptions.Cutoff("Features as of yyyy-mm-dd (overrides features.cutoff).");
        var previous = new Option<string?>("--previous") { Description = "A previous model: matched segments keep its ids and names." };
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command("run", "Segment the customers of your data: features, choose k, fit, validate, profile, report, save the model.")
        {
            config, k, output, cutoff, previous, json, quiet,
        };
        command.SetAction(parse =>
        {
            var mode = Mode(parse, json, quiet);
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            string folder = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : cfg.OutputDirectory;
            Guard.NotAnInput(cfg, Path.Combine(folder, SegmentationPipeline.ModelFileName));
            var options = Options(parse, k, cutoff, previous) with
            {
                OutputDirectory = parse.GetValue(output),
                ModelPath = SegmentationPipeline.ModelFileName,
                Notes = "segmentlab run --config " + parse.GetValue(config),
            };
            return Finish(mode, "run", () => CliProgress.Run(mode, p => SegmentationPipeline.Run(cfg, options with { Progress = p })));
        });
        return command;
    }

    internal static CliMode Mode(ParseResult parse, Option<bool> json, Option<bool> quiet)
    {
        var output = parse.InvocationConfiguration.Output;
        return new CliMode(CliConsole.Create(output), output, parse.GetValue(json), parse.GetValue(quiet));
    }

    /// <summary>The pipeline options the shared switches give: k, cutoff, previous model.</summary>
    internal static PipelineOptions Options(ParseResult parse, Option<string?> k, Option<string?> cutoff, Option<string?> previous)
    {
        var (fixedK, minK, maxK) = CliK.Parse(parse.GetValue(k));
        return new PipelineOptions
        {
            K = fixedK,
            MinK = minK,
            MaxK = maxK,
            Cutoff = parse.GetValue(cutoff) is { } c ? CliDates.Parse(c, "--cutoff") : null,
            Previous = parse.GetValue(previous) is { } p ? SegmentModel.Load(p) : null,
        };
    }

    /// <summary>Runs the fit, prints the summary, and turns the verdict into the exit code.</summary>
    internal static int Finish(CliMode mode, string name, Func<PipelineResult> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        CliPrint.Summary(mode, CliSummary.Of(name, result, clock.Elapsed.TotalSeconds));
        return result.Verdict == CheckStatus.Fail ? CliApp.VerdictFailed : CliApp.Ok;
    }
}
