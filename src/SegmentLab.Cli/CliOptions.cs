using System.CommandLine;

namespace SegmentLab.Cli;

/// <summary>Options shared by several commands, created fresh per command (an option belongs to one command).</summary>
internal static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on standard output instead of tables (schema: docs/cli-json.md)." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print nothing but errors (for schedulers); the exit code says how it went." };

    public static Option<string> Config(bool required = true) => new("--config", "-c") { Description = "The segmentlab.json describing the data.", Required = required };

    public static Option<string> Model() => new("--model", "-m") { Description = "The saved model (*.segmodel.json, from segmentlab fit or run).", Required = true };

    public static Option<string?> K() => new("--k") { Description = "Number of segments (e.g. 5), or a range to sweep and choose from (e.g. 2..10). Default: the config's segmentation section." };

    public static Option<string?> Cutoff(string description) => new("--cutoff") { Description = description };
}
