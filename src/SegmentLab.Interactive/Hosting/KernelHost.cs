using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SegmentLab.Interactive.Protocol;
using SegmentLab.Interactive.Scripting;

namespace SegmentLab.Interactive.Hosting;

/// <summary>
/// The kernel: sockets, the heartbeat, the C# session and the handlers. Shell requests run one at a time on a worker
/// thread (so control stays responsive to interrupt and shutdown while a cell runs); control requests run on the
/// socket thread. Every request is wrapped in busy/idle status messages on iopub.
/// </summary>
internal sealed partial class KernelHost : IDisposable
{
    private readonly TextWriter _log;
    private readonly KernelSockets _sockets;
    private readonly Heartbeat _heartbeat;
    private readonly MessageBus _bus;
    private readonly ScriptSession _session;
    private readonly IopubStream _stdout;
    private readonly IopubStream _stderr;
    private readonly StdinReader _stdin;
    private readonly BlockingCollection<(JupyterMessage Message, long Received)> _shellQueue = new();
    private readonly Thread _worker;
    private int _executionCount;
    private long _abortReceivedBefore = long.MinValue;
    private volatile bool _shutdownRequested;
    private long _lastActivity = Stopwatch.GetTimestamp();

    public KernelHost(ConnectionFile connection, TextWriter log, string workingDirectory)
    {
        _log = log;
        var signer = MessageSigner.Create(connection.Key, connection.SignatureScheme);
        if (!signer.Enabled)
        {
            _log.WriteLine("[segmentlab-kernel] warning: the connection file has no key, so messages are not authenticated.");
        }

        _sockets = new KernelSockets(connection, signer, log);
        _heartbeat = new Heartbeat(connection, log);
        _bus = new MessageBus(_sockets, new MessageFactory(Guid.NewGuid().ToString("N")));
        _session = new ScriptSession(FormatterRegistry.Default, workingDirectory);
        _stdout = new IopubStream(_bus, "stdout");
        _stderr = new IopubStream(_bus, "stderr");
        _stdin = new StdinReader(_bus, FlushOutput);
        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "segmentlab-kernel cells" };

        _sockets.On(Channel.Shell, m => _shellQueue.Add((m, Stopwatch.GetTimestamp())));
        _sockets.On(Channel.Control, m => Dispatch(Channel.Control, m));
        _sockets.On(Channel.Stdin, m =>
        {
            if (m.MsgType == "input_reply")
            {
                _stdin.Reply(m);
            }
        });
    }

    /// <summary>Console writers and reader the kernel installs while it runs.</summary>
    public (TextWriter Out, TextWriter Error, TextReader In) Console => (_stdout, _stderr, _stdin);

    /// <summary>Serves until a shutdown request (or <see cref="Stop"/>); returns when every reply has been sent.</summary>
    public void Run()
    {
        _heartbeat.Start();
        _worker.Start();
        new Thread(WarmUpCompletionWhenIdle) { IsBackground = true, Name = "segmentlab-kernel warm-up" }.Start();
        _bus.Status("starting", null);
        _log.WriteLine($"[segmentlab-kernel] {KernelInfo.DisplayName} started (pid {Environment.ProcessId}).");
        _sockets.Run();
    }

    /// <summary>Stops serving from any thread (the parent process died).</summary>
    public void Stop() => _sockets.StopNow();

    public void Dispose()
    {
        _shellQueue.CompleteAdding();
        _heartbeat.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
        _sockets.Dispose();
    }

    private void WorkerLoop()
    {
        try
        {
            foreach (var (message, received) in _shellQueue.GetConsumingEnumerable())
            {
                if (message.MsgType == "execute_request" && received <= Interlocked.Read(ref _abortReceivedBefore))
                {
                    Abort(message);
                    continue;
                }

                Dispatch(Channel.Shell, message);
            }
        }
        catch (InvalidOperationException)
        {
            // The queue was completed while waiting: shutting down.
        }
    }

    /// <summary>
    /// Loads the completion services (seconds of CPU, once) during the first pause of two seconds, so the first Tab is
    /// quick without slowing cells: on a two-core machine they would otherwise compete, and a notebook run
    /// back-to-back (nbconvert) never pauses, so never pays.
    /// </summary>
    private void WarmUpCompletionWhenIdle()
    {
        var quiet = TimeSpan.FromSeconds(2);
        while (!_shellQueue.IsAddingCompleted)
        {
            Thread.Sleep(250);
            if (_shellQueue.Count == 0 && !_session.Busy && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) > quiet)
            {
                _session.WarmUpCompletion(_log);
                return;
            }
        }
    }

    private void Dispatch(Channel channel, JupyterMessage message)
    {
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        _bus.Status("busy", message);
        try
        {
            Handle(channel, message);
        }
        catch (Exception e)
        {
            _log.WriteLine($"[segmentlab-kernel] {message.MsgType} failed: {e}");
            if (message.MsgType.EndsWith("_request", StringComparison.Ordinal))
            {
                // Never leave a front end waiting for a reply that will not come.
                _bus.Reply(channel, message, message.MsgType[..^"_request".Length] + "_reply", new JsonObject
                {
                    ["status"] = "error",
                    ["ename"] = e.GetType().Name,
                    ["evalue"] = e.Message,
                    ["traceback"] = new JsonArray(),
                });
            }
        }
        finally
        {
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            _bus.Status("idle", message);
            if (_shutdownRequested)
            {
                _sockets.StopAfterFlush();
            }
        }
    }

    private void Handle(Channel channel, JupyterMessage message)
    {
        switch (message.MsgType)
        {
            case "kernel_info_request":
                KernelInfoReply(channel, message);
                break;
            case "execute_request":
                Execute(message);
                break;
            case "is_complete_request":
                IsComplete(message);
                break;
            case "complete_request":
                Complete(message);
                break;
            case "inspect_request":
                Inspect(message);
                break;
            case "comm_info_request":
                CommInfo(channel, message);
                break;
            case "history_request":
                History(channel, message);
                break;
            case "interrupt_request":
                Interrupt(channel, message);
                break;
            case "shutdown_request":
                Shutdown(channel, message);
                break;
            case "comm_open" or "comm_msg" or "comm_close":
                // No comm targets are registered; front ends cope with silence.
                break;
            default:
                _log.WriteLine($"[segmentlab-kernel] unsupported message type '{message.MsgType}' on {channel.ToString().ToLowerInvariant()}; ignored.");
                break;
        }
    }

    private void FlushOutput()
    {
        _stdout.Flush();
        _stderr.Flush();
    }

    /// <summary>Flushes output at the end of a request, with a count of what the output caps dropped.</summary>
    private void EndOutput()
    {
        _stdout.EndRequest();
        _stderr.EndRequest();
    }
}
