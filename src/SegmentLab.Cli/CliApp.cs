using System.CommandLine;
using SegmentLab.Data;

namespace SegmentLab.Cli;

/// <summary>Builds the <c>segmentlab</c> command tree and runs it. Exit codes: 0 ok, 1 validation verdict fail, 2 bad input or usage.</summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when a validation verdict fails.</summary>
    public const int VerdictFailed = 1;

    /// <summary>Exit code for bad input or usage.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for an unexpected failure inside SegmentLab (a bug): the message, and the stack trace only with SEGMENTLAB_TRACE=1.</summary>
    public const int InternalError = 3;

    /// <summary>Runs the command line with the process's standard output and error.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line writing to the given writers (used in-process by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("SegmentLab: customer segmentation from purchases and engagement.");
        // Subcommands: each lives in Commands/ and only parses options and calls the library.
        root.Subcommands.Add(Commands.CheckCommand.Create());
        root.Subcommands.Add(Commands.FeaturesCommand.Create());
        root.Subcommands.Add(Commands.GenerateCommand.Create());
        root.Subcommands.Add(Commands.DemoCommand.Create());
        root.Subcommands.Add(Commands.RunCommand.Create());
        root.Subcommands.Add(Commands.FitCommand.Create());
        root.Subcommands.Add(Commands.AssignCommand.Create());
        root.Subcommands.Add(Commands.ReportCommand.Create());
        root.Subcommands.Add(Commands.ValidateCommand.Create());
        root.Subcommands.Add(Commands.InitCommand.Create());
        root.Subcommands.Add(Commands.KernelCommand.Create());

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"segmentlab: {error.Message}");
            }

            stderr.WriteLine("Run 'segmentlab --help' for usage.");
            return BadInput;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(config);
        }
        catch (InputException e)
        {
            // Bad input is the analyst's to fix: say what and where, never a stack trace.
            stderr.WriteLine($"segmentlab: {e.Message}");
            return BadInput;
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"segmentlab: {e.Message}");
            return BadInput;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(x => x is InputException or ArgumentException))
        {
            // Parallel work (and progress callbacks run on worker threads) may wrap bad input: report each once.
            foreach (string message in e.Flatten().InnerExceptions.Select(x => x.Message).Distinct())
            {
                stderr.WriteLine($"segmentlab: {message}");
            }

            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read or written (permissions, full disk, a folder in the way) is the analyst's to fix.
            stderr.WriteLine($"segmentlab: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("segmentlab: cancelled.");
            return BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"segmentlab: unexpected error ({e.GetType().Name}): {e.Message}");
            stderr.WriteLine(Environment.GetEnvironmentVariable("SEGMENTLAB_TRACE") == "1"
                ? e.ToString()
                : "This is a bug in SegmentLab; rerun with SEGMENTLAB_TRACE=1 for the details to report.");
            return InternalError;
        }
    }
}
