using SegmentLab.Data;

namespace SegmentLab.Cli;

/// <summary>Refuses to write an output over one of the analyst's input files.</summary>
internal static class Guard
{
    public static void NotAnInput(SegmentLabConfig config, string output)
    {
        string target = Path.GetFullPath(output);
        if (config.IsInput(target))
        {
            throw new InputException("refusing to overwrite an input file with an output.", file: target, fix: "choose another --out path.");
        }
    }
}
