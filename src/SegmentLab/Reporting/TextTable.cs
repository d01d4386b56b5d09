namespace SegmentLab.Reporting;

/// <summary>A table of already-formatted cells that the HTML and Markdown reports both render, so they tell the same story.</summary>
/// <param name="Headers">Column headers.</param>
/// <param name="Numeric">Per column: right-aligned numbers.</param>
/// <param name="Rows">The rows, each with one cell per header.</param>
internal sealed record TextTable(string[] Headers, bool[] Numeric, IReadOnlyList<string[]> Rows)
{
    /// <summary>Segment id per row when the table lists segments (for colour swatches), else null.</summary>
    public IReadOnlyList<int>? Segments { get; init; }

    /// <summary>The table as GitHub-flavoured Markdown (pipes in cells escaped).</summary>
    public string ToMarkdown()
    {
        static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var lines = new List<string>
        {
            "| " + string.Join(" | ", Headers.Select(Cell)) + " |",
            "|" + string.Join("|", Numeric.Select(n => n ? "---:" : "---")) + "|",
        };
        lines.AddRange(Rows.Select(r => "| " + string.Join(" | ", r.Select(Cell)) + " |"));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The table as an HTML table inside a horizontally scrolling box; segment rows get their colour swatch.</summary>
    public string ToHtml()
    {
        var sb = new System.Text.StringBuilder("<div class=\"scroll\"><table><thead><tr>");
        for (int c = 0; c < Headers.Length; c++)
        {
            sb.Append(Numeric[c] ? "<th class=\"n\">" : "<th>").Append(System.Net.WebUtility.HtmlEncode(Headers[c])).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        for (int r = 0; r < Rows.Count; r++)
        {
            sb.Append("<tr>");
            for (int c = 0; c < Headers.Length; c++)
            {
                // A segment's name reads best on one or two lines, not wrapped word by word.
                sb.Append(Numeric[c] ? "<td class=\"n\">" : c == 1 && Segments is not null ? "<td class=\"name\">" : "<td>");
                if (c == 1 && Segments is not null)
                {
                    sb.Append("<span class=\"swatch\" style=\"--c:").Append(Plot.Colour(Segments[r])).Append("\"></span>");
                }

                sb.Append(System.Net.WebUtility.HtmlEncode(Rows[r][c])).Append("</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table></div>").ToString();
    }
}
