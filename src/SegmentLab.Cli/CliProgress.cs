using SegmentLab.Pipeline;
using Spectre.Console;

namespace SegmentLab.Cli;

/// <summary>Runs a pipeline call under Spectre.Console progress bars (one per step) on an interactive terminal.</summary>
internal static class CliProgress
{
    /// <summary>Runs <paramref name="body"/> with a progress sink when <paramref name="mode"/> shows progress, else with none.</summary>
    /// <remarks>Exceptions thrown inside (bad input included) leave the display and propagate unchanged to <see cref="CliApp"/>.</remarks>
    public static T Run<T>(CliMode mode, Func<IProgress<PipelineProgress>?, T> body)
    {
        if (!mode.Progress)
        {
            return body(null);
        }

        T result = default!;
        mode.Console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var bars = new Bars(ctx);
                result = body(bars);
            });
        return result;
    }

    /// <summary>One task per step, created when the step starts; fractions arrive from worker threads.</summary>
    private sealed class Bars(ProgressContext context) : IProgress<PipelineProgress>
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Report(PipelineProgress value)
        {
            lock (_gate)
            {
                if (!_tasks.TryGetValue(value.Step, out var task))
                {
                    task = context.AddTask(Markup.Escape(value.Step), maxValue: 1);
                    _tasks[value.Step] = task;
                }

                task.Value = Math.Clamp(value.Fraction, 0, 1);
                if (value.Fraction >= 1)
                {
                    task.StopTask();
                }
            }
        }
    }
}
