using System.Diagnostics;
using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// Step timings on standard error when the environment variable <c>SEGMENTLAB_TRACE</c> is 1: where a run spends
/// its time, for analysts tuning big loads and for the benchmarks. With <c>SEGMENTLAB_PROFILE</c> set to a folder,
/// DuckDB also writes the operator profile (JSON) of each profiled statement there.
/// </summary>
internal static class StepTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SEGMENTLAB_TRACE") == "1";
    private static readonly string? ProfileFolder = Environment.GetEnvironmentVariable("SEGMENTLAB_PROFILE");

    /// <summary>Times the scope until disposed.</summary>
    public static IDisposable Step(string name) => Enabled ? new Scope(name) : NoScope.Instance;

    /// <summary>Profiles the statements run in the scope into <c>SEGMENTLAB_PROFILE/&lt;name&gt;.json</c>, when that is set.</summary>
    public static IDisposable Profile(DuckDBConnection db, string name)
    {
        if (ProfileFolder is null)
        {
            return NoScope.Instance;
        }

        Directory.CreateDirectory(ProfileFolder);
        RawTable.Execute(db, $"SET enable_profiling = 'json'; SET profiling_output = {SqlText.Literal(Path.Combine(ProfileFolder, name + ".json"))}");
        return new ProfileScope(db);
    }

    private sealed class Scope(string name) : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        // CPU time beside wall time: on a shared machine the wall clock mostly measures the other processes.
        public void Dispose()
        {
            var process = Process.GetCurrentProcess();
            Console.Error.WriteLine(
                $"[trace] {name}: {_clock.Elapsed.TotalMilliseconds:F0} ms (cpu {(process.TotalProcessorTime - _cpu).TotalMilliseconds:F0} ms; " +
                $"process: {(DateTime.Now - process.StartTime).TotalMilliseconds:F0} ms, cpu {process.TotalProcessorTime.TotalMilliseconds:F0} ms; " +
                $"rss {Mb(process.WorkingSet64)} MB, peak rss so far {Mb(process.PeakWorkingSet64)} MB, managed heap {Mb(GC.GetTotalMemory(false))} MB)");
        }

        // Peak so far, not per step: resetting the kernel's high-water mark would also lower what GNU time reports.
        private static long Mb(long bytes) => bytes >> 20;
    }

    private sealed class ProfileScope(DuckDBConnection db) : IDisposable
    {
        public void Dispose() => RawTable.Execute(db, "SET enable_profiling = 'no_output'");
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
