using System.CommandLine;
using SegmentLab.Pipeline;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab report --model M --config C [--out DIR] [--cutoff D]</c>: writes the segment report of a saved model on
/// the config's data (by default as of the model's training cutoff, which reproduces the fit's report).
/// </summary>
internal static class ReportCommand
{
    public static Command Create() => SavedModelCommand.Create(
        "report",
        "Write the segment report (HTML, Markdown, CSVs, metrics) of a saved model on your data.",
        "Features as of yyyy-mm-dd (default: the model's training cutoff).",
        "Folder for the report (default: the config's output folder).",
        verdictExit: false,
        (model, config, cutoff, options) => SegmentationPipeline.Report(model, config, cutoff, options));
}
