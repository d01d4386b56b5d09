using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SegmentLab.Interactive;

/// <summary>
/// The kernel's interrupt (Jupyter's stop button) as seen by running code. The kernel inserts a call to
/// <see cref="ThrowIfRequested"/> at the top of every loop body and method body of a cell, so even <c>while (true) { }</c>
/// stops; long library operations take <see cref="Token"/> (in a cell: <c>Cancellation</c>). The interrupt is raised
/// only in the cell's own flow — its thread, tasks (<c>Task.Run</c>, <c>Parallel.For</c>) and async continuations,
/// where the exception ends up in a task the cell awaits — never in threads the cell started itself, timer or
/// thread-pool callbacks, or <c>async void</c> methods: an exception there would have no one to catch it and would
/// end the kernel process (as in Python, where KeyboardInterrupt reaches the main thread only).
/// </summary>
public static class KernelInterrupt
{
    private static readonly object Gate = new();
    private static volatile bool s_requested;
    private static CancellationTokenSource? s_current;
    private static Thread? s_cellThread;

    /// <summary>The running cell's token: cancelled when the user interrupts; <see cref="CancellationToken.None"/> between cells.</summary>
    public static CancellationToken Token
    {
        get
        {
            lock (Gate)
            {
                return s_current?.Token ?? CancellationToken.None;
            }
        }
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell has been interrupted. Costs one volatile read otherwise.</summary>
    /// <exception cref="OperationCanceledException">The user interrupted the cell and this code runs in the cell's flow.</exception>
    public static void ThrowIfRequested()
    {
        if (s_requested)
        {
            ThrowOnCellFlow();
        }
    }

    /// <summary>Starts a cell on the current thread; returns its token source.</summary>
    internal static CancellationTokenSource Begin()
    {
        var source = new CancellationTokenSource();
        lock (Gate)
        {
            s_current = source;
            s_cellThread = Thread.CurrentThread;
            s_requested = false;
        }

        return source;
    }

    /// <summary>Marks the running cell interrupted and cancels its token (callbacks run on the thread pool, not the caller).</summary>
    internal static bool Request()
    {
        CancellationTokenSource? source;
        lock (Gate)
        {
            source = s_current;
            if (source is null)
            {
                return false;
            }

            s_requested = true;
        }

        _ = Task.Run(() =>
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The cell ended meanwhile.
            }
            catch (AggregateException)
            {
                // A callback the cell registered threw; the cell sees the cancellation anyway.
            }
        });
        return true;
    }

    /// <summary>Ends the cell that <paramref name="source"/> belongs to.</summary>
    internal static void End(CancellationTokenSource source)
    {
        lock (Gate)
        {
            if (ReferenceEquals(s_current, source))
            {
                s_current = null;
                s_cellThread = null;
                s_requested = false;
            }
        }
    }

    private static void ThrowOnCellFlow()
    {
        CancellationToken token;
        bool cellThread;
        lock (Gate)
        {
            if (s_current is null || !(Thread.CurrentThread == s_cellThread || Thread.CurrentThread.IsThreadPoolThread))
            {
                return;
            }

            token = s_current.Token;
            cellThread = Thread.CurrentThread == s_cellThread;
        }

        if (cellThread || ATaskWouldCatch())
        {
            throw new OperationCanceledException("The cell was interrupted.", token);
        }
    }

    /// <summary>
    /// True when an exception thrown here on a pool thread lands in a task: inside a task's delegate, or inside an async
    /// method returning a task (the nearest async state machine on the stack is not <c>async void</c>). False in timer
    /// and work-item callbacks, where it would be unhandled and end the process. Walks the stack, so it runs only once
    /// an interrupt has been requested.
    /// </summary>
    internal static bool ATaskWouldCatch()
    {
        if (Task.CurrentId is not null)
        {
            return true;
        }

        foreach (var frame in new StackTrace(1, fNeedFileInfo: false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            if (type is not null && typeof(IAsyncStateMachine).IsAssignableFrom(type))
            {
                // The compiler names the builder field <>t__builder; async void uses AsyncVoidMethodBuilder.
                var builder = type.GetField("<>t__builder", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.FieldType;
                return builder is not null && builder != typeof(AsyncVoidMethodBuilder);
            }
        }

        return false;
    }
}
