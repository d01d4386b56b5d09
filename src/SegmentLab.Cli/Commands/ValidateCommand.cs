using System.CommandLine;
using System.Diagnostics;
using SegmentLab.Data;
using SegmentLab.Models;
using SegmentLab.Pipeline;
using SegmentLab.Validation;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab validate --model M --config C [--cutoff D] [--out DIR]</c>: re-validates a saved model on the data the
/// config describes (drift against the training baseline, lift on the new holdout, stability) and writes
/// <c>validation-&lt;cutoff&gt;.html/.md/.json</c>. Exit 1 when a check fails, so it can gate a scheduled job.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var model = CliOptions.Model();
        var config = CliOptions.Config();
        var cutoff = CliOptions.Cutoff("Features as of yyyy-mm-dd (default: the model's holdout length before the end of the data, so the latest window measures lift).");
        var output = new Option<string?>("--out", "-o") { Description = "Folder for validation-<cutoff>.html/.md/.json (default: the config's output folder)." };
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command("validate", "Re-validate a saved model on new data: drift, lift, stability; exit code 1 when a check fails.")
        {
            model, config, cutoff, output, json, quiet,
        };
        command.SetAction(parse =>
        {
            var mode = RunCommand.Mode(parse, json, quiet);
            var m = SegmentModel.Load(parse.GetValue(model)!);
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            DateOnly? at = parse.GetValue(cutoff) is { } c ? CliDates.Parse(c, "--cutoff") : null;
            var options = new PipelineOptions { OutputDirectory = parse.GetValue(output), Notes = $"segmentlab validate --model {parse.GetValue(model)} --config {parse.GetValue(config)}" };
            var clock = Stopwatch.StartNew();
            var result = CliProgress.Run(mode, p => SegmentationPipeline.Validate(m, cfg, at, options with { Progress = p }));
            CliPrint.Summary(mode, CliSummary.Of("validate", result, clock.Elapsed.TotalSeconds));
            return result.Verdict == CheckStatus.Fail ? CliApp.VerdictFailed : CliApp.Ok;
        });
        return command;
    }
}
