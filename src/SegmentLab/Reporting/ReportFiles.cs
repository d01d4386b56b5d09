namespace SegmentLab.Reporting;

/// <summary>The files one <see cref="SegmentReport.Write"/> produced (full paths).</summary>
public sealed record ReportFiles
{
    /// <summary>The self-contained HTML report (<c>segment-report.html</c>).</summary>
    public required string Html { get; init; }

    /// <summary>The Markdown report (<c>segment-report.md</c>).</summary>
    public required string Markdown { get; init; }

    /// <summary>One row per customer: customer_id, segment_id, segment_name, distance_to_centroid, silhouette (<c>assignments.csv</c>).</summary>
    public required string Assignments { get; init; }

    /// <summary>One CSV per segment (<c>segment-&lt;id&gt;-&lt;slug&gt;.csv</c>), in segment order; empty when not requested.</summary>
    public required IReadOnlyList<string> SegmentCsvs { get; init; }

    /// <summary>The validation report as JSON (<c>metrics.json</c>).</summary>
    public required string Metrics { get; init; }

    /// <summary>Every file, HTML first.</summary>
    public IReadOnlyList<string> All => [Html, Markdown, Assignments, .. SegmentCsvs, Metrics];
}
