using System.Diagnostics;

namespace SegmentLab.Data;

/// <summary>
/// Step timings on standard error when the environment variable <c>SEGMENTLAB_TRACE</c> is 1: where a run spends
/// its time, for analysts tuning big loads and for the benchmarks.
/// </summary>
internal static class StepTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SEGMENTLAB_TRACE") == "1";

    /// <summary>Times the scope until disposed.</summary>
    public static IDisposable Step(string name) => Enabled ? new Scope(name) : NoScope.Instance;

    private sealed class Scope(string name) : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Dispose() => Console.Error.WriteLine($"[trace] {name}: {_clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
