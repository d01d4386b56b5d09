using Spectre.Console;

namespace SegmentLab.Cli;

/// <summary>A Spectre.Console console over the writer a command was given (the terminal, or a test's StringWriter).</summary>
internal static class CliConsole
{
    /// <summary>Tests set this to exercise the interactive paths (progress bars) on a captured writer.</summary>
    internal static bool ForceInteractive { get; set; }

    public static IAnsiConsole Create(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ForceInteractive ? InteractionSupport.Yes : terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Logs and pipes have no window to fit: wide enough that tables do not wrap.
            console.Profile.Width = 160;
        }

        return console;
    }
}
