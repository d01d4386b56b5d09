using System.Globalization;
using System.Text.Json.Nodes;

namespace SegmentLab.Interactive.Hosting;

/// <summary>
/// Caps on what one cell sends to the notebook. Front ends slow to a crawl (and notebook files balloon) past a few
/// megabytes of text, so a cell that prints 50 MB keeps the first part and a notice instead of freezing the page.
/// </summary>
internal static class OutputLimits
{
    /// <summary>Characters of stdout, and separately of stderr, one request may send (about 10,000 lines of 100).</summary>
    public const int StreamChars = 1_000_000;

    /// <summary>Characters of a displayed value's <c>text/plain</c>.</summary>
    public const int PlainTextChars = 1_000_000;

    /// <summary>Characters of any other text MIME type (HTML, SVG); a chart with plotly.js embedded is about 5 million.</summary>
    public const int RichTextChars = 32_000_000;

    /// <summary>The line a truncated stream ends with.</summary>
    public static string StreamNotice(string name) => string.Create(CultureInfo.InvariantCulture,
        $"\n… [output truncated: this cell's {name} is limited to {StreamChars:N0} characters; the rest is dropped. Write large output to a file instead.]\n");

    /// <summary>The line sent when the cell ends, with how much was dropped.</summary>
    public static string DroppedNotice(string name, long dropped) => string.Create(CultureInfo.InvariantCulture,
        $"[{dropped:N0} more characters of {name} were dropped]\n");

    /// <summary>A display's <c>data</c> within the caps: long text/plain cut with a notice; oversized rich types left out (and said so).</summary>
    public static JsonObject Cap(JsonObject data)
    {
        var dropped = new List<string>();
        foreach (var (mime, node) in data.ToList())
        {
            if (node is not JsonValue value || !value.TryGetValue(out string? text))
            {
                continue;
            }

            if (mime == "text/plain" && text.Length > PlainTextChars)
            {
                data[mime] = text[..PlainTextChars] + string.Create(CultureInfo.InvariantCulture,
                    $"\n… [truncated: {text.Length - PlainTextChars:N0} more characters of {text.Length:N0}]");
            }
            else if (mime != "text/plain" && text.Length > RichTextChars)
            {
                data.Remove(mime);
                dropped.Add(string.Create(CultureInfo.InvariantCulture, $"{mime} ({text.Length:N0} characters)"));
            }
        }

        if (dropped.Count > 0)
        {
            string plain = data["text/plain"] is JsonValue p && p.TryGetValue(out string? s) ? s + "\n" : "";
            data["text/plain"] = plain + $"[not shown, too large for the notebook: {string.Join(", ", dropped)}]";
        }

        return data;
    }
}
