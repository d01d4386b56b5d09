using System.CommandLine;
using System.Diagnostics;
using SegmentLab.Data;
using SegmentLab.Models;
using SegmentLab.Pipeline;
using SegmentLab.Validation;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// The shape <c>report</c> and <c>validate</c> share: <c>--model M --config C [--cutoff D] [--out DIR] [--json] [--quiet]</c>,
/// one library call on the saved model and the config's data, then the summary.
/// </summary>
internal static class SavedModelCommand
{
    /// <summary>The library call: model, config, cutoff (null = its default), options.</summary>
    public delegate RevalidationResult Body(SegmentModel model, SegmentLabConfig config, DateOnly? cutoff, PipelineOptions options);

    /// <param name="name">Command name (also the summary's <c>command</c>).</param>
    /// <param name="description">Help text.</param>
    /// <param name="cutoffHelp">What the default cutoff is.</param>
    /// <param name="outHelp">What goes into the output folder.</param>
    /// <param name="verdictExit">Exit 1 when the verdict fails (validate), else always 0 (report).</param>
    /// <param name="body">The library call.</param>
    public static Command Create(string name, string description, string cutoffHelp, string outHelp, bool verdictExit, Body body)
    {
        var model = CliOptions.Model();
        var config = CliOptions.Config();
        var cutoff = CliOptions.Cutoff(cutoffHelp);
        var output = new Option<string?>("--out", "-o") { Description = outHelp };
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command(name, description) { model, config, cutoff, output, json, quiet };
        command.SetAction(parse =>
        {
            var mode = RunCommand.Mode(parse, json, quiet);
            var m = SegmentModel.Load(parse.GetValue(model)!);
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            DateOnly? at = parse.GetValue(cutoff) is { } c ? CliDates.Parse(c, "--cutoff") : null;
            var options = new PipelineOptions
            {
                OutputDirectory = parse.GetValue(output),
                Notes = $"segmentlab {name} --model {parse.GetValue(model)} --config {parse.GetValue(config)}",
            };
            var clock = Stopwatch.StartNew();
            var result = CliProgress.Run(mode, p => body(m, cfg, at, options with { Progress = p }));
            CliPrint.Summary(mode, CliSummary.Of(name, result, clock.Elapsed.TotalSeconds));
            return verdictExit && result.Verdict == CheckStatus.Fail ? CliApp.VerdictFailed : CliApp.Ok;
        });
        return command;
    }
}
