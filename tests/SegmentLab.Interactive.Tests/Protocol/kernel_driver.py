#!/usr/bin/env python3
"""Drives the installed segmentlab-csharp kernel with a real Jupyter client (jupyter_client) and prints one JSON
report on stdout. KernelProtocolTests (C#) runs it once and asserts on each part; every scenario records what it saw,
never a verdict, and a scenario that raises records its traceback so the others still report.

Usage: JUPYTER_PATH=<prefix>/share/jupyter python3 kernel_driver.py <kernel-stderr-file>
"""
import json
import os
import socket
import sys
import time
import traceback

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 60


class Client:
    """A BlockingKernelClient wrapper that keeps every message, grouped by the request it answers."""

    def __init__(self, km, kc):
        self.km, self.kc = km, kc
        self.iopub, self.replies, self.all = {}, {}, []
        self.times = {}

    def _pump(self, getter, store, timeout):
        msg = getter(timeout=timeout)
        msg["_at"] = time.monotonic()
        self.all.append(msg)
        parent = msg["parent_header"].get("msg_id")
        store.setdefault(parent, []).append(msg)
        return msg

    def wait_idle(self, msg_id, timeout=TIMEOUT):
        """The iopub messages of one request, through its idle status."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.iopub.get(msg_id, [])
            if any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle" for m in got):
                return got
            self._pump(self.kc.get_iopub_msg, self.iopub, max(0.1, deadline - time.monotonic()))

    def reply(self, msg_id, channel="shell", timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        getter = self.kc.get_shell_msg if channel == "shell" else self.kc.get_control_msg
        while True:
            got = self.replies.get(msg_id)
            if got:
                return got[0]
            self._pump(getter, self.replies, max(0.1, deadline - time.monotonic()))

    def execute(self, code, **kw):
        msg_id = self.kc.execute(code, **kw)
        self.times[msg_id] = time.monotonic()
        return msg_id

    def run(self, code, **kw):
        """Executes and returns {reply, types, outputs} once idle."""
        msg_id = self.execute(code, **kw)
        # iopub first, so each message's arrival time is when it came, not when the reply had been read.
        iopub = self.wait_idle(msg_id)
        reply = self.reply(msg_id)
        return summarize(reply, iopub, self.times[msg_id])


def summarize(reply, iopub, started):
    return {
        "reply": reply["content"],
        "reply_at": reply["_at"] - started,
        "types": [m["msg_type"] if m["msg_type"] != "status" else "status:" + m["content"]["execution_state"] for m in iopub],
        "messages": [{"type": m["msg_type"], "content": m["content"], "at": m["_at"] - started} for m in iopub],
    }


def text_of(result):
    """text/plain of the execute_result, or None."""
    for m in result["messages"]:
        if m["type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


def scenario(report, name):
    def wrap(fn):
        t = time.monotonic()
        try:
            report[name] = fn()
        except Exception:  # noqa: BLE001 - the C# test shows which scenario broke and how
            report[name] = {"driver_error": traceback.format_exc()}
        report.setdefault("seconds", {})[name] = round(time.monotonic() - t, 2)
        return fn
    return wrap


def main():
    stderr_path = sys.argv[1]
    report = {}
    started = time.monotonic()
    # Kept open for the whole run: the kernel writes its log here until it exits.
    kernel_stderr = open(stderr_path, "w")  # noqa: SIM115
    km, kc = start_new_kernel(kernel_name="segmentlab-csharp", startup_timeout=TIMEOUT, stderr=kernel_stderr)
    report["startup_seconds"] = time.monotonic() - started
    c = Client(km, kc)
    # start_new_kernel's readiness probe may leave kernel_info replies behind; drop them.
    time.sleep(0.2)
    for get in (kc.get_shell_msg, kc.get_iopub_msg):
        while True:
            try:
                get(timeout=0.1)
            except Exception:  # queue.Empty
                break

    @scenario(report, "kernel_info")
    def _():
        msg_id = kc.kernel_info()
        reply = c.reply(msg_id)
        iopub = c.wait_idle(msg_id)
        return {"reply": reply["content"], "header": reply["header"], "parent_msg_id": reply["parent_header"].get("msg_id"),
                "request_msg_id": msg_id, "types": summarize(reply, iopub, time.monotonic())["types"]}

    @scenario(report, "execute")
    def _():
        return c.run('int x = 40;\nConsole.WriteLine("hello");\nx + 2')

    @scenario(report, "streaming")
    def _():
        return c.run('for (int i = 0; i < 4; i++) { Console.WriteLine($"tick {i}"); System.Threading.Thread.Sleep(400); }')

    @scenario(report, "error_then_state")
    def _():
        failed = c.run('x = 7;\nthrow new InvalidOperationException("boom");')
        after = c.run("x")
        compile_error = c.run("int y = undefinedName + 1;")
        return {"failed": failed, "after": after, "after_text": text_of(after), "compile_error": compile_error}

    @scenario(report, "abort")
    def _():
        first = c.execute('System.Threading.Thread.Sleep(500);\nthrow new Exception("first fails");')
        second = c.execute("x = 100;")
        third = c.execute("x")
        replies = [c.reply(m)["content"] for m in (first, second, third)]
        for m in (first, second, third):
            c.wait_idle(m)
        after = c.run("x")
        return {"statuses": [r["status"] for r in replies], "after_text": text_of(after)}

    @scenario(report, "interrupt_loop")
    def _():
        msg_id = c.execute("long n = 0;\nwhile (true) { n++; }")
        _wait_for_type(c, msg_id, "execute_input")
        time.sleep(0.7)
        asked = time.monotonic()
        km.interrupt_kernel()
        reply = c.reply(msg_id)
        c.wait_idle(msg_id)
        after = c.run("n > 0")
        return {"reply": reply["content"], "seconds_to_stop": reply["_at"] - asked, "after_text": text_of(after)}

    @scenario(report, "interrupt_sleep")
    def _():
        msg_id = c.execute("System.Threading.Thread.Sleep(30000);")
        _wait_for_type(c, msg_id, "execute_input")
        time.sleep(0.3)
        asked = time.monotonic()
        km.interrupt_kernel()
        reply = c.reply(msg_id)
        c.wait_idle(msg_id)
        return {"reply": reply["content"], "seconds_to_stop": reply["_at"] - asked}

    @scenario(report, "interrupt_goto")
    def _():
        return _interrupt(c, km, "long g = 0;\ntop: g++;\ngoto top;", "g > 0")

    @scenario(report, "interrupt_lambda")
    def _():
        # The loop is LINQ's; only the cell's block lambda runs cell code, so the check inside it is what stops it.
        return _interrupt(c, km, "long hits = 0;\nEnumerable.Repeat(0, int.MaxValue).SelectMany(_ => Enumerable.Repeat(0, int.MaxValue)).Count(_ => { hits++; return true; })", "hits > 0")

    @scenario(report, "interrupt_parallel")
    def _():
        return _interrupt(c, km, "long spins = 0;\nParallel.For(0, 4, i => { while (true) { Interlocked.Increment(ref spins); } });", "spins > 0")

    @scenario(report, "interrupt_async")
    def _():
        return _interrupt(c, km, "long after = 0;\nawait Task.Delay(10);\nwhile (true) { after++; }", "after > 0")

    @scenario(report, "interrupt_with_timer")
    def _():
        # Timer and work-item callbacks with interrupt checks (block lambdas) keep running through the interrupt: an
        # exception on their threads would have no catcher and end the kernel process.
        code = ("long ticks = 0, items = 0;\n"
                "var timer = new System.Threading.Timer(_ => { ticks++; }, null, 0, 1);\n"
                "var stop = false;\n"
                "ThreadPool.QueueUserWorkItem(_ => { while (!Volatile.Read(ref stop)) { items++; } });\n"
                "while (true) { }")
        result = _interrupt(c, km, code, "ticks > 0 && items > 0")
        later = c.run("var before = ticks;\nSystem.Threading.Thread.Sleep(200);\nticks > before")
        c.run("timer.Dispose();\nstop = true;")
        result["timer_still_ticking"] = text_of(later)
        result["alive"] = km.is_alive()
        return result

    @scenario(report, "big_output")
    def _():
        t = time.monotonic()
        printed = c.run('var mb = new string(\'x\', 1_000_000);\nfor (int i = 0; i < 50; i++) Console.Write(mb);\nConsole.WriteLine("the end");')
        seconds = time.monotonic() - t
        streams = [m["content"]["text"] for m in printed["messages"] if m["type"] == "stream"]
        text = "".join(streams)
        shown = c.run("new string('y', 50_000_000)")
        result = next((m["content"]["data"] for m in shown["messages"] if m["type"] == "execute_result"), {})
        after = c.run("6 * 7")
        return {"reply": printed["reply"], "seconds": seconds, "stream_chars": len(text), "x_chars": text.count("x"),
                "tail": text[-400:], "has_the_end": "the end" in text,
                "result_reply": shown["reply"], "result_chars": len(result.get("text/plain", "")),
                "result_tail": result.get("text/plain", "")[-200:], "after_text": text_of(after)}

    @scenario(report, "malformed")
    def _():
        info = km.get_connection_info()
        key = info["key"].encode() if isinstance(info["key"], str) else info["key"]
        session = Session(key=key, signature_scheme=info["signature_scheme"])
        ctx = zmq.Context.instance()

        def signed(header, parent=b"{}", metadata=b"{}", content=b"{}"):
            return [b"<IDS|MSG>", session.sign([header, parent, metadata, content]), header, parent, metadata, content]

        good_header = json.dumps({"msg_id": "m1", "session": "s", "username": "u", "date": "2024-01-01T00:00:00Z",
                                  "msg_type": "execute_request", "version": "5.3"}).encode()
        cases = {
            "one_garbage_frame": [b"\x00\xffnot a message"],
            "no_delimiter": [b"a", b"b", b"c", b"d", b"e", b"f"],
            "too_few_frames": [b"<IDS|MSG>", b"sig", b"{}"],
            "signed_header_not_json": signed(b"{not json"),
            "signed_header_an_array": signed(b"[1, 2]"),
            "signed_without_msg_type": signed(json.dumps({"msg_id": "m2"}).encode()),
            "signed_content_not_utf8": signed(good_header, content=b"\xff\xfe\x00"),
            "signed_execute_without_code": signed(good_header),
            "big_random": [b"<IDS|MSG>"] + [bytes(range(256)) * 256] * 5,
        }
        out = {}
        for label, frames in cases.items():
            sock = ctx.socket(zmq.DEALER)
            sock.linger = 0
            sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
            sock.send_multipart(frames)
            replied = sock.poll(1000) != 0
            reply = None
            if replied:
                parts = sock.recv_multipart()
                idx = parts.index(b"<IDS|MSG>")
                reply = {"msg_type": json.loads(parts[idx + 2])["msg_type"], "content": json.loads(parts[idx + 5])}
            out[label] = {"replied": replied, "reply": reply}
            sock.close()
        after = c.run("6 * 7")
        out["after_text"] = text_of(after)
        return out

    @scenario(report, "client_vanishes")
    def _():
        # Another front end sends a cell and disappears before the answer: the kernel runs it, drops the unroutable
        # reply, and keeps serving everyone else.
        info = km.get_connection_info()
        key = info["key"].encode() if isinstance(info["key"], str) else info["key"]
        session = Session(key=key, signature_scheme=info["signature_scheme"])
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.linger = 0
        sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        session.send(sock, "execute_request", {"code": "var orphan = 5;\nSystem.Threading.Thread.Sleep(300);\nConsole.WriteLine(\"orphan\");",
                                               "silent": False, "store_history": True, "user_expressions": {},
                                               "allow_stdin": True, "stop_on_error": True})
        # Long enough for the request to leave (closing with linger 0 would discard it), short of the cell's end.
        time.sleep(0.15)
        sock.close()
        after = c.run("orphan * 2")
        return {"after_text": text_of(after), "alive": km.is_alive()}

    @scenario(report, "listening")
    def _():
        # Every socket the kernel process listens on, from /proc: all must be on the connection file's IP.
        info = km.get_connection_info()
        pid = km.provisioner.process.pid
        inodes = set()
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        listening = []
        for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
            if not os.path.exists(table):
                continue
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    local, state, inode = parts[1], parts[3], parts[9]
                    if state == "0A" and inode in inodes:
                        listening.append({"address": _address(local, v6), "port": int(local.split(":")[1], 16)})
        ports = [info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")]
        return {"ip": info["ip"], "ports": ports, "listening": listening, "socket_count": len(inodes)}

    @scenario(report, "is_complete")
    def _():
        out = {}
        for code in ["int a = 1;", "if (true) {", "void F() {\n  if (true) {", "int a = ;", "#!python\nprint(1)", ""]:
            msg_id = kc.is_complete(code)
            out[code] = c.reply(msg_id)["content"]
            c.wait_idle(msg_id)
        return out

    @scenario(report, "complete")
    def _():
        c.run("var customers = new List<string> { \"ada\" };")
        out = {}
        for code in ["customers.Cou", "custo", "Math.Sq"]:
            t = time.monotonic()
            msg_id = kc.complete(code, len(code))
            reply = c.reply(msg_id)["content"]
            c.wait_idle(msg_id)
            out[code] = {"reply": reply, "seconds": time.monotonic() - t}
        return out

    @scenario(report, "inspect")
    def _():
        msg_id = kc.inspect("Math.Sqrt", len("Math.Sqrt"))
        reply = c.reply(msg_id)["content"]
        c.wait_idle(msg_id)
        return reply

    @scenario(report, "display")
    def _():
        return c.run('var handle = display("first");\nhandle.Update("second");\ndisplay(new[] { 1, 2, 3 });')

    @scenario(report, "rich")
    def _():
        frame = c.run('new DataFrame(new PrimitiveDataFrameColumn<int>("a", new[] { 1, 2, 3 }), new StringDataFrameColumn("b", new[] { "x", "y", "z" }))')
        chart1 = c.run("Chart.Point<double, double, string>(x: new[] { 1.0, 2.0 }, y: new[] { 3.0, 4.0 })")
        chart2 = c.run("Chart.Column<double, string, string>(values: new[] { 5.0, 6.0 }, Keys: new[] { \"a\", \"b\" })")

        def data(result):
            return next((m["content"]["data"] for m in result["messages"] if m["type"] == "execute_result"), {})

        d1, d2 = data(chart1), data(chart2)
        return {
            "frame": data(frame),
            "frame_reply": frame["reply"],
            "chart1_mimes": sorted(d1.keys()), "chart1_html_length": len(d1.get("text/html", "")),
            "chart1_plotly": d1.get("application/vnd.plotly.v1+json"), "chart1_text": d1.get("text/plain"),
            "chart2_mimes": sorted(d2.keys()), "chart2_html_length": len(d2.get("text/html", "")),
            "chart2_html": d2.get("text/html", ""), "chart2_reply": chart2["reply"],
        }

    @scenario(report, "stdin")
    def _():
        msg_id = c.execute("var name = Console.ReadLine();\nname.ToUpperInvariant()", allow_stdin=True)
        request = kc.get_stdin_msg(timeout=TIMEOUT)
        kc.input("ada")
        reply = c.reply(msg_id)
        iopub = c.wait_idle(msg_id)
        result = summarize(reply, iopub, c.times[msg_id])
        refused = c.run("Console.ReadLine()", allow_stdin=False)
        return {"request": request["content"], "request_parent": request["parent_header"].get("msg_id"), "request_msg_id": msg_id,
                "text": text_of(result), "refused": refused}

    @scenario(report, "magics")
    def _():
        timed = c.run("#!time\nSystem.Threading.Thread.Sleep(100);")
        rejected = c.run("#!fsharp\n1 + 1")
        csharp = c.run("#!csharp\n6 * 7")
        return {"timed": timed, "rejected": rejected, "csharp_text": text_of(csharp)}

    @scenario(report, "silent")
    def _():
        before = c.run("1")["reply"]["execution_count"]
        quiet = c.run('Console.WriteLine("quiet"); 5', silent=True)
        after = c.run("2")["reply"]["execution_count"]
        return {"before": before, "quiet": quiet, "after": after}

    @scenario(report, "comm_and_history")
    def _():
        comm = kc.comm_info()
        comm_reply = c.reply(comm)["content"]
        c.wait_idle(comm)
        history = kc.history()
        history_reply = c.reply(history)["content"]
        c.wait_idle(history)
        return {"comm": comm_reply, "history": history_reply}

    @scenario(report, "bad_signature")
    def _():
        info = km.get_connection_info()
        ctx = zmq.Context.instance()
        results = {}
        for label, key in (("wrong_key", b"not-the-key"), ("unsigned", b"")):
            sock = ctx.socket(zmq.DEALER)
            sock.linger = 0
            sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
            session = Session(key=key, signature_scheme=info["signature_scheme"])
            session.send(sock, "execute_request", {"code": "x = 999;", "silent": False, "store_history": True,
                                                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            results[label] = {"reply_received": sock.poll(1000) != 0}
            sock.close()
        after = c.run("x")
        results["after_text"] = text_of(after)
        return results

    @scenario(report, "heartbeat")
    def _():
        info = km.get_connection_info()
        sock = zmq.Context.instance().socket(zmq.REQ)
        sock.linger = 0
        sock.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
        sock.send(b"ping-123")
        echoed = sock.recv() if sock.poll(5000) else None
        sock.close()
        return {"echo": echoed.decode() if echoed else None, "client_beating": kc.hb_channel.is_beating()}

    @scenario(report, "headers")
    def _():
        ids = [m["header"]["msg_id"] for m in c.all]
        return {"count": len(ids), "unique": len(set(ids)), "versions": sorted({m["header"].get("version") for m in c.all}),
                "without_parent": sum(1 for m in c.all if not m["parent_header"])}

    @scenario(report, "restart_stuck")
    def _():
        # An expression lambda has no statement to hold an interrupt check: this loop ignores the interrupt, and a
        # restart is the way out. The restarted kernel answers and starts from a clean state.
        c.run("var survivor = 1;")
        msg_id = c.execute("Enumerable.Repeat(0, int.MaxValue).SelectMany(_ => Enumerable.Repeat(0, int.MaxValue)).Count(x => x >= 0)")
        _wait_for_type(c, msg_id, "execute_input")
        time.sleep(0.3)
        km.interrupt_kernel()
        time.sleep(2.5)
        stuck = not any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle" for m in c.iopub.get(msg_id, []))
        old_pid = km.provisioner.process.pid
        t = time.monotonic()
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        restart_seconds = time.monotonic() - t
        after = c.run("6 * 7")
        gone = c.run("survivor")
        return {"stuck": stuck, "restart_seconds": restart_seconds, "new_pid": km.provisioner.process.pid != old_pid,
                "after_text": text_of(after), "survivor_reply": gone["reply"]}

    @scenario(report, "shutdown")
    def _():
        # restart=True as a manager's restart sends it: the kernel must echo it and exit (the manager starts the new one).
        msg_id = kc.shutdown(restart=True)
        reply = c.reply(msg_id, channel="control")
        deadline = time.monotonic() + 10
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        process = getattr(km.provisioner, "process", None)
        return {"reply": reply["content"], "exited": not km.is_alive(), "exit_code": process.poll() if process else None}

    try:
        if km.is_alive():
            km.shutdown_kernel(now=True)
    finally:
        kc.stop_channels()
        kernel_stderr.close()
    report["total_seconds"] = time.monotonic() - started
    print(json.dumps(report, default=str))


def _interrupt(c, km, code, check):
    """Runs code, interrupts it once it runs, and checks the state it left with the expression check."""
    msg_id = c.execute(code)
    _wait_for_type(c, msg_id, "execute_input")
    time.sleep(0.7)
    asked = time.monotonic()
    km.interrupt_kernel()
    reply = c.reply(msg_id)
    c.wait_idle(msg_id)
    after = c.run(check)
    return {"reply": reply["content"], "seconds_to_stop": reply["_at"] - asked, "after_text": text_of(after)}


def _address(hex_address, v6):
    raw = bytes.fromhex(hex_address.split(":")[0])
    if not v6:
        return socket.inet_ntop(socket.AF_INET, raw[::-1])
    # /proc prints IPv6 as four little-endian 32-bit words.
    return socket.inet_ntop(socket.AF_INET6, b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))


def _wait_for_type(c, msg_id, msg_type, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while not any(m["msg_type"] == msg_type for m in c.iopub.get(msg_id, [])):
        c._pump(c.kc.get_iopub_msg, c.iopub, max(0.1, deadline - time.monotonic()))


if __name__ == "__main__":
    main()
