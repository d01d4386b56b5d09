using System.Globalization;
using System.Net;
using SegmentLab.Data;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Interactive.Formatting;

/// <summary>
/// Tables for the library's results a notebook shows most: data quality, the k sweep, segment profiles and the
/// validation report. Each is an HTML table plus an aligned text table, with the sentences that explain it (the sweep's
/// reason, the profiles' descriptions, the report's summary) kept whole rather than cut into cells.
/// </summary>
internal static class SegmentFormatters
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void RegisterAll(FormatterRegistry registry)
    {
        registry.Register<DataQualityReport>(Quality);
        registry.Register<KSelectionResult>(Sweep);
        registry.Register<SegmentProfiles>(Profiles);
        registry.Register<ValidationReport>(Validation);
    }

    /// <summary>One row per table: rows read = loaded + filtered + rejected, customers, the time span.</summary>
    public static MimeBundle Quality(DataQualityReport q)
    {
        var rows = q.Tables.Select(t => new object?[]
        {
            t.Table, t.RowsRead, t.RowsLoaded, t.RowsFiltered, t.RowsRejected, t.DistinctCustomers,
            t.FirstTimestamp?.ToString("yyyy-MM-dd", C), t.LastTimestamp?.ToString("yyyy-MM-dd", C),
        }).ToList();
        var table = new Table(
            $"Data quality: {(q.Balanced ? "every row read is accounted for" : "ROWS UNACCOUNTED FOR")}",
            ["table", "read", "loaded", "filtered", "rejected", "customers", "first", "last"],
            [false, true, true, true, true, true, false, false], rows, rows.Count, more: false);
        var notes = new List<string>();
        foreach (var t in q.Tables)
        {
            notes.AddRange(t.FilteredByRule.Where(r => r.Value > 0).Select(r => string.Create(C, $"{t.Table}: {r.Value:N0} filtered ({r.Key})")));
            notes.AddRange(t.RejectedByReason.Where(r => r.Value > 0).Select(r => string.Create(C, $"{t.Table}: {r.Value:N0} rejected ({r.Key})")));
        }

        if (q.RejectsFile is { } rejects && q.Tables.Any(t => t.RowsRejected > 0))
        {
            notes.Add($"rejected rows: {rejects}");
        }

        return WithNotes(table, notes);
    }

    /// <summary>One row per candidate k with its scores; the recommendation and its reason below.</summary>
    public static MimeBundle Sweep(KSelectionResult r)
    {
        var rows = r.Candidates.Select(k => new object?[]
        {
            k.K == r.RecommendedK ? "→" : "", k.K, Math.Round(k.Inertia, 1), Math.Round(k.Silhouette, 4), Math.Round(k.CalinskiHarabasz, 1),
            Math.Round(k.DaviesBouldin, 4), k.Gap is { } g ? Math.Round(g, 4) : null, k.GapStandardError is { } se ? Math.Round(se, 4) : null,
        }).ToList();
        string Best(int? k) => k?.ToString(C) ?? "none";
        var table = new Table(
            $"k sweep {r.Candidates.Min(k => k.K)}–{r.Candidates.Max(k => k.K)}: recommended k = {r.RecommendedK} (elbow {Best(r.ElbowK)}, silhouette {Best(r.SilhouetteK)}, gap {Best(r.GapK)})",
            ["", "k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "gap", "gap_se"],
            [false, true, true, true, true, true, true, true], rows, rows.Count, more: false);
        return WithNotes(table, [r.Reason]);
    }

    /// <summary>One row per segment: id, name, size, shares, silhouette and stability; each description below.</summary>
    public static MimeBundle Profiles(SegmentProfiles p)
    {
        var rows = p.Segments.Select(s => new object?[]
        {
            s.Id, s.Name, s.Size, s.Share.ToString("P1", C), double.IsNaN(s.RevenueShare) ? "—" : s.RevenueShare.ToString("P1", C),
            s.Silhouette is { } sil ? Math.Round(sil, 3) : null, s.Stability is { } st ? Math.Round(st, 3) : null,
        }).ToList();
        var table = new Table(
            string.Create(C, $"SegmentProfiles: {p.Count} segments of {p.Customers:N0} customers"),
            ["id", "name", "size", "share", "revenue_share", "silhouette", "stability"],
            [true, false, true, true, true, true, true], rows, rows.Count, more: false);
        return WithNotes(table, p.Segments.Select(s => $"{s.Id}. {s.Name}: {s.Description}"));
    }

    /// <summary>The verdict and one line per section (the report's own summary), then a table of every check.</summary>
    public static MimeBundle Validation(ValidationReport report)
    {
        string text = report.ToString();
        // The text form stays the report's own (reasons whole); the summary lines are those before its checks list.
        var summary = text.Split('\n').TakeWhile(l => l.Trim() != "checks:").Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var rows = report.Checks.Select(c => new object?[]
        {
            c.Status.ToString().ToUpperInvariant(), c.Name, c.Segment, c.Subject, c.Value is { } v ? Math.Round(v, 4) : null,
            c.Threshold is { } t ? Math.Round(t, 4) : null, c.Reason,
        }).ToList();
        var table = new Table(null, ["status", "check", "segment", "subject", "value", "threshold", "reason"],
            [false, false, true, false, true, true, false], rows, rows.Count, more: false);
        string html = $"<div class=\"segmentlab-validation\"><p><b>Validation: {report.Verdict.ToString().ToUpperInvariant()}</b></p><ul>"
            + string.Concat(summary.Select(s => "<li>" + WebUtility.HtmlEncode(s) + "</li>")) + "</ul>"
            + table.ToHtml() + "</div>";
        return new MimeBundle().Add("text/html", html).Add("text/plain", text);
    }

    private static MimeBundle WithNotes(Table table, IEnumerable<string> notes)
    {
        var lines = notes.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        string html = table.ToHtml();
        string text = table.ToText();
        if (lines.Count > 0)
        {
            html += "<div class=\"segmentlab-notes\">" + string.Concat(lines.Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>")) + "</div>";
            text += "\n\n" + string.Join("\n", lines);
        }

        return new MimeBundle().Add("text/html", html).Add("text/plain", text);
    }
}
