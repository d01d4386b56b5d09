using System.Text;
using System.Text.Json.Nodes;
using SegmentLab.Interactive.Protocol;

namespace SegmentLab.Interactive.Hosting;

/// <summary>
/// Console.Out / Console.Error while the kernel runs: text is buffered and sent as <c>stream</c> messages every 100 ms
/// (and at once past 32 KB, and when the cell ends), so a long cell's output appears as it is written.
/// Output written between cells goes to the last request. Each request's output is capped at
/// <see cref="OutputLimits.StreamChars"/>: the rest is counted, not sent, and a notice says so.
/// </summary>
internal sealed class IopubStream : TextWriter
{
    private const int FlushAtChars = 32 * 1024;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly MessageBus _bus;
    private readonly string _name;
    private readonly object _gate = new();
    private readonly StringBuilder _buffer = new();
    private readonly Timer _timer;
    private JupyterMessage? _parent;
    private long _accepted;
    private bool _truncated;
    private long _dropped;

    /// <param name="bus">Where stream messages go.</param>
    /// <param name="name"><c>stdout</c> or <c>stderr</c>.</param>
    public IopubStream(MessageBus bus, string name)
    {
        _bus = bus;
        _name = name;
        _timer = new Timer(_ => Flush(), null, Interval, Interval);
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Sets the request later output belongs to, sending what was written for the previous one first.</summary>
    public void SetParent(JupyterMessage parent)
    {
        lock (_gate)
        {
            FlushLocked();
            _parent = parent;
            _accepted = 0;
            _truncated = false;
            _dropped = 0;
        }
    }

    /// <summary>Sends what is buffered and, when the request's output was truncated, how much was dropped.</summary>
    public void EndRequest()
    {
        lock (_gate)
        {
            FlushLocked();
            if (_dropped > 0)
            {
                _bus.Publish("stream", new JsonObject { ["name"] = _name, ["text"] = OutputLimits.DroppedNotice(_name, _dropped) }, _parent);
                _dropped = 0;
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            Append(new ReadOnlySpan<char>(in value));
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            Append(buffer.AsSpan(index, count));
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            Append(buffer);
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
            Flush();
        }

        base.Dispose(disposing);
    }

    /// <summary>Buffers what fits under the request's cap; counts the rest, with a notice the moment the cap is reached.</summary>
    private void Append(ReadOnlySpan<char> text)
    {
        long room = OutputLimits.StreamChars - _accepted;
        if (text.Length <= room)
        {
            _buffer.Append(text);
            _accepted += text.Length;
        }
        else
        {
            if (!_truncated)
            {
                // The first write past the cap: what still fits, then the notice, once per request.
                _buffer.Append(text[..(int)room]).Append(OutputLimits.StreamNotice(_name));
                _accepted += room;
                _truncated = true;
            }

            _dropped += text.Length - room;
        }

        FlushIfLarge();
    }

    private void FlushIfLarge()
    {
        if (_buffer.Length >= FlushAtChars)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        string text = _buffer.ToString();
        _buffer.Clear();
        _bus.Publish("stream", new JsonObject { ["name"] = _name, ["text"] = text }, _parent);
    }
}
