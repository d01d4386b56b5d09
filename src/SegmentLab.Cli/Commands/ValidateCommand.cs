using System.CommandLine;
using SegmentLab.Pipeline;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab validate --model M --config C [--cutoff D] [--out DIR]</c>: re-validates a saved model on the data the
/// config describes (drift against the training baseline, lift on the new holdout, stability) and writes
/// <c>validation-&lt;cutoff&gt;.html/.md/.json</c>. Exit 1 when a check fails, so it can gate a scheduled job.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create() => SavedModelCommand.Create(
        "validate",
        "Re-validate a saved model on new data: drift, lift, stability; exit code 1 when a check fails.",
        "Features as of yyyy-mm-dd (default: the model's holdout length before the end of the data, so the latest window measures lift).",
        "Folder for validation-<cutoff>.html/.md/.json (default: the config's output folder).",
        verdictExit: true,
        (model, config, cutoff, options) => SegmentationPipeline.Validate(model, config, cutoff, options));
}
