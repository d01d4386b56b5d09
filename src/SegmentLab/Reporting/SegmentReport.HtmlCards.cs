using System.Globalization;
using SegmentLab.Profiling;

namespace SegmentLab.Reporting;

public static partial class SegmentReport
{
    private static void HtmlCards(ReportContext ctx, TextWriter w)
    {
        w.WriteLine("<section id=\"profiles\"><h2>Segment cards</h2><div class=\"cards\">");
        foreach (var s in ctx.Profiles.Segments)
        {
            w.WriteLine($"<article class=\"card\" style=\"--c:{Plot.Colour(s.Id)}\" data-segment=\"{s.Id}\">");
            w.WriteLine($"<h3>{H(s.Name)}</h3><div class=\"muted\">segment {s.Id}{(s.NameOverridden ? " · name set by the analyst" : "")}</div>");
            w.WriteLine("<div class=\"kv\">");
            foreach (var (key, value) in KeyNumbers(s))
            {
                w.WriteLine($"<span>{H(key)}</span><span>{H(value)}</span>");
            }

            w.WriteLine("</div>");
            w.WriteLine($"<p>{H(s.Description)}</p>");
            w.WriteLine("</article>");
        }

        w.WriteLine("</div></section>");
    }

    /// <summary>The numbers a card (and the Markdown segment section) lists, as (label, value).</summary>
    private static IEnumerable<(string, string)> KeyNumbers(SegmentProfile s)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("customers", $"{s.Size.ToString("N0", c)} ({ReportTables.Pct(s.Share)})");
        if (!double.IsNaN(s.RevenueShare))
        {
            yield return ("revenue", ReportTables.Pct(s.RevenueShare));
        }

        foreach (var (feature, label) in new[] { ("recency_days", "days since last order"), ("frequency", "orders"), ("monetary", "spend") })
        {
            if (s[feature] is { } r)
            {
                yield return (label, $"median {ProfileDescriber.Number(r.SegmentMedian)} · index {ReportTables.Idx(r)}");
            }
        }

        if (s.OverIndexed.Count > 0)
        {
            yield return ("above average", string.Join(", ", s.OverIndexed.Select(ProfileDescriber.Phrase)));
        }

        if (s.UnderIndexed.Count > 0)
        {
            yield return ("below average", string.Join(", ", s.UnderIndexed.Select(ProfileDescriber.Phrase)));
        }

        if (s.TopCategories.Count > 0)
        {
            yield return ("over-represented", string.Join(", ", s.TopCategories.Select(x => $"{x.Attribute} {x.Value} (index {x.Index.ToString("0", c)})")));
        }

        foreach (var o in s.Outcomes)
        {
            string value = o.Binary ? ReportTables.Pct(o.Value) : o.Value.ToString("N2", c);
            yield return (o.Outcome, $"{value} · lift {o.Lift.ToString("0.00", c)} {o.LiftInterval.ToString("0.00")}");
        }

        if (s.Silhouette is { } sil)
        {
            yield return ("silhouette", sil.ToString("0.00", c));
        }

        if (s.Stability is { } j)
        {
            yield return ("stability", $"Jaccard {j.ToString("0.00", c)} ({ReportTables.Words(s.StabilityBand)})");
        }
    }
}
