using Spectre.Console;

namespace SegmentLab.Cli;

/// <summary>How a command reports: tables for people, one JSON object for programs, or nothing for schedulers.</summary>
internal sealed record CliMode(IAnsiConsole Console, TextWriter Out, bool Json, bool Quiet)
{
    /// <summary>Human output (tables, paths): neither --json nor --quiet.</summary>
    public bool Human => !Json && !Quiet;

    /// <summary>Progress bars: human output on an interactive terminal.</summary>
    public bool Progress => Human && Console.Profile.Capabilities.Interactive;
}
