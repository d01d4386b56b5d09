using SegmentLab.Data;
using SegmentLab.Pipeline;
using Spectre.Console;

namespace SegmentLab.Cli.Tests;

/// <summary>The progress display on an interactive console: steps arrive from worker threads; errors pass through unchanged.</summary>
public sealed class CliProgressTests
{
    private static CliMode Interactive(StringWriter writer, bool quiet = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        return new CliMode(console, writer, Json: false, Quiet: quiet);
    }

    [Fact]
    public void Steps_reported_from_worker_threads_show_and_the_result_comes_back()
    {
        var writer = new StringWriter();
        var mode = Interactive(writer);
        Assert.True(mode.Progress);
        int result = CliProgress.Run(mode, p =>
        {
            Assert.NotNull(p);
            Parallel.For(0, 4, i =>
            {
                p!.Report(new PipelineProgress("choose k", i / 4.0));
                p.Report(new PipelineProgress($"step {i}", 1));
            });
            p!.Report(new PipelineProgress("choose k", 1));
            return 42;
        });
        Assert.Equal(42, result);
    }

    [Fact]
    public void Quiet_and_redirected_output_get_no_progress_sink()
    {
        Assert.Null(CliProgress.Run(Interactive(new StringWriter(), quiet: true), p => p));
        var redirected = new CliMode(CliConsole.Create(new StringWriter()), new StringWriter(), Json: false, Quiet: false);
        Assert.False(redirected.Progress);
    }

    [Fact]
    public void Bad_input_inside_the_display_propagates_unchanged()
    {
        var e = Assert.Throws<InputException>(() => CliProgress.Run<int>(Interactive(new StringWriter()), p =>
        {
            p!.Report(new PipelineProgress("load", 0.5));
            throw new InputException("the file is bad.");
        }));
        Assert.Contains("the file is bad.", e.Message);
    }
}
