using SegmentLab.Data;

namespace SegmentLab.Cli;

/// <summary>Refuses to write an output over one of the analyst's input files.</summary>
internal static class Guard
{
    public static void NotAnInput(SegmentLabConfig config, string output)
    {
        string target = Path.GetFullPath(output);
        var inputs = new TableSource?[] { config.Transactions, config.Events, config.Customers }
            .Where(s => s is not null).Select(s => config.Resolve(s!.Path));
        if (inputs.Any(i => string.Equals(i, target, StringComparison.Ordinal)) || string.Equals(config.SourceFile, target, StringComparison.Ordinal))
        {
            throw new InputException("refusing to overwrite an input file with an output.", file: target, fix: "choose another --out path.");
        }
    }
}
