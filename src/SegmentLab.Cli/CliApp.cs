using System.CommandLine;

namespace SegmentLab.Cli;

/// <summary>Builds the <c>segmentlab</c> command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the process's standard output and error.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line writing to the given writers (used in-process by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("SegmentLab: customer segmentation from purchases and engagement.");
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }
}
