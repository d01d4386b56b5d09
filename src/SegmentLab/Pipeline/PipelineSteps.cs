using System.Diagnostics;
using SegmentLab.Data;

namespace SegmentLab.Pipeline;

/// <summary>Times the steps of a run and reports their progress; one instance per run.</summary>
internal sealed class PipelineSteps
{
    private readonly IProgress<PipelineProgress>? _progress;
    private readonly List<StepTiming> _timings = [];
    private readonly CancellationToken _ct;

    public PipelineSteps(IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        _progress = progress;
        _ct = ct;
    }

    public IReadOnlyList<StepTiming> Timings => _timings;

    /// <summary>Runs one step: reports 0, runs it with a fraction reporter, reports 1, records the time.</summary>
    public T Run<T>(string step, Func<IProgress<double>, T> body)
    {
        _ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        _progress?.Report(new PipelineProgress(step, 0));
        T result;
        using (StepTrace.Step("pipeline: " + step))
        {
            result = body(new Fraction(this, step));
        }

        _progress?.Report(new PipelineProgress(step, 1));
        _timings.Add(new StepTiming(step, clock.Elapsed.TotalSeconds));
        return result;
    }

    /// <summary>Runs a step that reports no fractions.</summary>
    public T Run<T>(string step, Func<T> body) => Run(step, _ => body());

    /// <summary>Forwards a step's 0..1 fractions, never backwards (work items finish out of order).</summary>
    private sealed class Fraction(PipelineSteps owner, string step) : IProgress<double>
    {
        private readonly object _gate = new();
        private double _last;

        public void Report(double value)
        {
            lock (_gate)
            {
                if (value <= _last || owner._progress is null)
                {
                    return;
                }

                _last = Math.Min(1, value);
                owner._progress.Report(new PipelineProgress(step, _last));
            }
        }
    }
}
