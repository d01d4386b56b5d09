namespace SegmentLab.Reporting;

/// <summary>
/// Writes the segment report: one self-contained HTML file (plotly.js embedded once, no network requests), the same
/// story in Markdown, the assignments CSV, one CSV per segment and the validation metrics JSON — all atomically, so a
/// failed run never leaves a half-written report.
/// </summary>
public static partial class SegmentReport
{
    /// <summary>The HTML file's name without prefix.</summary>
    public const string HtmlFileName = "segment-report.html";

    /// <summary>The Markdown file's name without prefix.</summary>
    public const string MarkdownFileName = "segment-report.md";

    /// <summary>The assignments file's name without prefix.</summary>
    public const string AssignmentsFileName = "assignments.csv";

    /// <summary>The metrics file's name without prefix.</summary>
    public const string MetricsFileName = "metrics.json";

    /// <summary>Writes every output into <paramref name="outputDirectory"/> (created when missing).</summary>
    /// <param name="data">What to report.</param>
    /// <param name="outputDirectory">The folder to write to.</param>
    /// <param name="options">File prefix, chart sampling and seed; default <see cref="ReportOptions"/>.</param>
    /// <param name="ct">Cancels before anything is renamed into place.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException">The parts of <paramref name="data"/> disagree in shape, or the options are invalid.</exception>
    public static ReportFiles Write(SegmentReportData data, string outputDirectory, ReportOptions? options = null, CancellationToken ct = default) =>
        throw new NotImplementedException("in progress");

    /// <summary>The HTML report as one self-contained string.</summary>
    /// <exception cref="ArgumentException">The parts of <paramref name="data"/> disagree in shape, or the options are invalid.</exception>
    public static string ToHtml(SegmentReportData data, ReportOptions? o = null) => throw new NotImplementedException("in progress");

    /// <summary>The Markdown report (summary, checks, segment table, per-segment sections, lift and stability tables).</summary>
    /// <exception cref="ArgumentException">The parts of <paramref name="data"/> disagree in shape.</exception>
    public static string ToMarkdown(SegmentReportData data) => throw new NotImplementedException("in progress");
}
