using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SegmentLab.Data;

/// <summary>
/// Temporary files of atomic writes: named <c>.NAME.PID.GUID.tmp</c> beside the target, deleted when the process exits
/// (Ctrl+C, SIGTERM) and, after a hard kill that left one behind, swept by the next write of the same target.
/// </summary>
public static partial class AtomicFile
{
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);
    private static int _hooked;

    // Kept alive for the life of the process (a collected registration stops handling the signal).
    private static PosixSignalRegistration[] Signals = [];

    /// <summary>A fresh temp path beside <paramref name="full"/>, registered for clean-up; stale temps of dead processes are swept first.</summary>
    internal static string NewTemp(string full)
    {
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        SweepStale(full);
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            // A normal exit and a termination signal (the process still ends: the handler does not cancel it) delete what
            // is being written; a hard kill is handled by SweepStale. Ctrl+C is left to the command's own cancellation.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteLive();
            if (!OperatingSystem.IsWindows())
            {
                Signals = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DeleteLive()), PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => DeleteLive())];
            }
        }

        // Same folder, so the rename is on one file system and atomic; a leading dot keeps it out of globs.
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Live[temp] = 0;
        return temp;
    }

    /// <summary>The temp file was renamed into place or deleted: no longer ours to clean up.</summary>
    internal static void Forget(string temp) => Live.TryRemove(temp, out _);

    /// <summary>Deletes temp files for <paramref name="full"/> left by processes that no longer run (killed mid-write).</summary>
    internal static void SweepStale(string full)
    {
        string dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            return;
        }

        string prefix = $".{Path.GetFileName(full)}.";
        foreach (string temp in Directory.EnumerateFiles(dir, prefix + "*.tmp"))
        {
            string[] parts = Path.GetFileName(temp)[prefix.Length..].Split('.');
            if (parts.Length == 3 && int.TryParse(parts[0], out int pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>True when a process with id <paramref name="pid"/> runs (ours, or one that took a dead process's id).</summary>
    internal static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteLive()
    {
        foreach (string temp in Live.Keys)
        {
            TryDelete(temp);
        }
    }
}
