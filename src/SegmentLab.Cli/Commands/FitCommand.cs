using System.CommandLine;
using SegmentLab.Data;
using SegmentLab.Pipeline;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab fit --config C [--k 5 | 2..10] [--out model.segmodel.json] [--previous old.segmodel.json]</c>: fits and
/// validates a segmentation and saves the model, without writing the report. Exit 1 when the verdict fails.
/// </summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var config = CliOptions.Config();
        var k = CliOptions.K();
        var output = new Option<string?>("--out", "-o") { Description = "Where to save the model (default: model.segmodel.json in the config's output folder)." };
        var cutoff = CliOptions.Cutoff("Features as of yyyy-mm-dd (overrides features.cutoff).");
        var previous = new Option<string?>("--previous") { Description = "The previous model: segments matched to its segments keep their ids and names; splits, merges, new and vanished segments are reported." };
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command("fit", "Fit segments on your data and save the model (*.segmodel.json) for assign, report and validate.")
        {
            config, k, output, cutoff, previous, json, quiet,
        };
        command.SetAction(parse =>
        {
            var mode = RunCommand.Mode(parse, json, quiet);
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            string target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(cfg.OutputDirectory, SegmentationPipeline.ModelFileName));
            Guard.NotAnInput(cfg, target);
            var options = RunCommand.Options(parse, k, cutoff, previous) with { WriteReport = false, ModelPath = target };
            return RunCommand.Finish(mode, "fit", () => CliProgress.Run(mode, p => SegmentationPipeline.Run(cfg, options with { Progress = p })));
        });
        return command;
    }
}
