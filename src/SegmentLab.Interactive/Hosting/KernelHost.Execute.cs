using System.Diagnostics;
using System.Text.Json.Nodes;
using SegmentLab.Interactive.Protocol;

namespace SegmentLab.Interactive.Hosting;

/// <summary><c>execute_request</c>: input echo, streamed output, displays, the result, errors, and aborting what queued behind a failure.</summary>
internal sealed partial class KernelHost
{
    private void Execute(JupyterMessage request)
    {
        string code = request.Text("code");
        bool silent = request.Flag("silent", false);
        bool storeHistory = !silent && request.Flag("store_history", true);
        bool stopOnError = request.Flag("stop_on_error", true);
        if (storeHistory)
        {
            _executionCount++;
        }

        int count = _executionCount;
        if (!silent)
        {
            _bus.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        _stdout.SetParent(request);
        _stderr.SetParent(request);
        _stdin.SetRequest(request, request.Flag("allow_stdin", false));
        var outcome = _session.Execute(code, count, new IopubDisplaySink(_bus, request), _stdout);
        EndOutput();

        if (outcome.Ok)
        {
            if (outcome.Result is { } result && !silent)
            {
                _bus.Publish("execute_result", new JsonObject { ["execution_count"] = count, ["data"] = OutputLimits.Cap(result.ToJson()), ["metadata"] = new JsonObject() }, request);
            }

            _bus.Reply(Channel.Shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return;
        }

        var traceback = new JsonArray([.. (outcome.Traceback ?? []).Select(l => (JsonNode?)JsonValue.Create(l))]);
        _bus.Publish("error", new JsonObject { ["ename"] = outcome.EName, ["evalue"] = outcome.EValue, ["traceback"] = traceback }, request);
        if (stopOnError)
        {
            // Like ipykernel's stop_on_error: executions already waiting when this one failed are answered 'aborted'.
            Interlocked.Exchange(ref _abortReceivedBefore, Stopwatch.GetTimestamp());
        }

        _bus.Reply(Channel.Shell, request, "execute_reply", new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = count,
            ["ename"] = outcome.EName,
            ["evalue"] = outcome.EValue,
            ["traceback"] = traceback.DeepClone(),
        });
    }

    private void Abort(JupyterMessage request)
    {
        _bus.Status("busy", request);
        _bus.Reply(Channel.Shell, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
        _bus.Status("idle", request);
    }

    /// <summary>display(x) and handle updates of one request, published on iopub.</summary>
    private sealed class IopubDisplaySink(MessageBus bus, JupyterMessage request) : IDisplaySink
    {
        public void Publish(MimeBundle bundle, string displayId, bool update) =>
            bus.Publish(update ? "update_display_data" : "display_data", new JsonObject
            {
                ["data"] = OutputLimits.Cap(bundle.ToJson()),
                ["metadata"] = new JsonObject(),
                ["transient"] = new JsonObject { ["display_id"] = displayId },
            }, request);
    }
}
