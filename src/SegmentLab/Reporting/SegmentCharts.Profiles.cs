using Plotly.NET;
using SegmentLab.Profiling;
using static SegmentLab.Reporting.Plot;

namespace SegmentLab.Reporting;

public static partial class SegmentCharts
{
    /// <summary>
    /// The feature index (segment mean / population mean × 100) per segment and feature as a heatmap: the cells show
    /// the index, the colour its log₂ ratio to 100 (clipped at ¼× and 4×, so 50 and 200 are equally strong), red above
    /// average and blue below. Cells whose index is undefined (population mean ≤ 0) are blank.
    /// </summary>
    /// <param name="p">The profiles.</param>
    /// <param name="features">Features to show, in order; default <see cref="SegmentProfiles.KeyFeatures"/>.</param>
    public static GenericChart ProfileHeatmap(SegmentProfiles p, IEnumerable<string>? features = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var names = (features ?? p.KeyFeatures).ToArray();
        var segments = p.Segments.Where(s => s.Size > 0).ToArray();
        var z = new double?[segments.Length][];
        var text = new string[segments.Length][];
        var hover = new string[segments.Length][];
        for (int i = 0; i < segments.Length; i++)
        {
            z[i] = new double?[names.Length];
            text[i] = new string[names.Length];
            hover[i] = new string[names.Length];
            for (int j = 0; j < names.Length; j++)
            {
                var row = segments[i][names[j]];
                double? index = row?.Index;
                z[i][j] = index is { } x ? R(Math.Clamp(Math.Log2(Math.Max(x, 1e-9) / 100), -2, 2), 3) : null;
                text[i][j] = index is { } t ? F(t, "0") : "";
                hover[i][j] = row is null ? "not profiled"
                    : $"mean {F(row.SegmentMean, "0.###")} vs {F(row.PopulationMean, "0.###")}; median {F(row.SegmentMedian, "0.###")} vs {F(row.PopulationMedian, "0.###")}";
            }
        }

        var trace = Trace("heatmap", ("z", z), ("x", names), ("y", segments.Select(s => Escape(s.Name)).ToArray()),
            ("text", text), ("texttemplate", "%{text}"), ("customdata", hover),
            ("colorscale", new object[] { new object[] { 0, "#2166ac" }, new object[] { 0.5, "#f7f7f7" }, new object[] { 1, "#b2182b" } }),
            ("zmin", -2), ("zmid", 0), ("zmax", 2), ("xgap", 1), ("ygap", 1),
            ("colorbar", new { title = new { text = "index" }, tickvals = new[] { -2, -1, 0, 1, 2 }, ticktext = new[] { "25", "50", "100", "200", "400" } }),
            ("hovertemplate", "%{y} · %{x}<br>index %{text}<br>%{customdata}<extra></extra>"));
        return Chart([trace],
            ("title", Title("Feature index by segment (100 = population average)")),
            ("xaxis", Axis(null, ("tickangle", -35), ("side", "bottom"))),
            ("yaxis", Axis(null, ("autorange", "reversed"))),
            ("margin", new { l = 220, r = 20, t = 40, b = 120 }),
            ("height", 220 + (34 * segments.Length)));
    }

    /// <summary>Each segment's share of customers next to its share of revenue (monetary), as grouped bars.</summary>
    /// <param name="p">The profiles.</param>
    public static GenericChart SizeAndRevenue(SegmentProfiles p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var names = p.Segments.Select(s => Escape(s.Name)).ToArray();
        var traces = new List<Trace>
        {
            Trace("bar", ("x", names), ("y", R(p.Segments.Select(s => s.Share))), ("name", "share of customers"),
                ("marker", new { color = p.Segments.Select(s => Colour(s.Id)).ToArray() }),
                ("text", p.Segments.Select(s => F(s.Share, "0%")).ToArray()), ("textposition", "outside"),
                ("hovertemplate", "%{x}<br>%{y:.1%} of customers<extra></extra>")),
        };
        if (p.Segments.Any(s => !double.IsNaN(s.RevenueShare)))
        {
            traces.Add(Trace("bar", ("x", names), ("y", R(p.Segments.Select(s => s.RevenueShare))), ("name", "share of revenue"),
                ("marker", new { color = p.Segments.Select(s => Colour(s.Id)).ToArray(), pattern = new { shape = "/", fgcolor = "#ffffff" }, opacity = 0.75 }),
                ("text", p.Segments.Select(s => double.IsNaN(s.RevenueShare) ? "" : F(s.RevenueShare, "0%")).ToArray()), ("textposition", "outside"),
                ("hovertemplate", "%{x}<br>%{y:.1%} of revenue<extra></extra>")));
        }

        return Chart(traces,
            ("title", Title("Segment size and revenue share (hatched: revenue)")),
            ("barmode", "group"),
            ("yaxis", Axis("share", ("tickformat", ".0%"), ("rangemode", "tozero"))),
            ("xaxis", Axis(null, ("tickangle", -20))),
            ("height", 440));
    }
}
