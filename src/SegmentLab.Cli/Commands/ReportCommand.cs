using System.CommandLine;
using System.Diagnostics;
using SegmentLab.Data;
using SegmentLab.Models;
using SegmentLab.Pipeline;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab report --model M --config C [--out DIR] [--cutoff D]</c>: writes the segment report of a saved model on
/// the config's data (by default as of the model's training cutoff, which reproduces the fit's report).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var model = CliOptions.Model();
        var config = CliOptions.Config();
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the report (default: the config's output folder)." };
        var cutoff = CliOptions.Cutoff("Features as of yyyy-mm-dd (default: the model's training cutoff).");
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command("report", "Write the segment report (HTML, Markdown, CSVs, metrics) of a saved model on your data.")
        {
            model, config, output, cutoff, json, quiet,
        };
        command.SetAction(parse =>
        {
            var mode = RunCommand.Mode(parse, json, quiet);
            var m = SegmentModel.Load(parse.GetValue(model)!);
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            DateOnly? at = parse.GetValue(cutoff) is { } c ? CliDates.Parse(c, "--cutoff") : null;
            var options = new PipelineOptions { OutputDirectory = parse.GetValue(output), Notes = $"segmentlab report --model {parse.GetValue(model)}" };
            var clock = Stopwatch.StartNew();
            var result = CliProgress.Run(mode, p => SegmentationPipeline.Report(m, cfg, at, options with { Progress = p }));
            CliPrint.Summary(mode, CliSummary.Of("report", result, clock.Elapsed.TotalSeconds));
            return CliApp.Ok;
        });
        return command;
    }
}
