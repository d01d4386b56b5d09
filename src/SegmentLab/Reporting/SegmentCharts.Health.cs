using System.Globalization;
using Plotly.NET;
using SegmentLab.Profiling;
using SegmentLab.Validation;
using static SegmentLab.Reporting.Plot;

namespace SegmentLab.Reporting;

public static partial class SegmentCharts
{
    /// <summary>
    /// Mean bootstrap Jaccard per segment (bars, whiskers from the 10th to the 90th percentile of the replicates) over
    /// Hennig's bands: below 0.5 dissolved, 0.5–0.6 unstable, 0.6–0.75 a pattern, 0.75–0.85 stable, 0.85 and above highly stable.
    /// </summary>
    /// <param name="s">The stability result.</param>
    /// <param name="p">The profiles (segment names).</param>
    public static GenericChart Stability(StabilityResult s, SegmentProfiles p)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(p);
        var segments = s.Segments.Where(x => x.Segment < p.Count).ToArray();
        var names = segments.Select(x => Escape(p[x.Segment].Name)).ToArray();
        var mean = segments.Select(x => R(x.MeanJaccard, 3)).ToArray();
        var high = segments.Select(x => R(Math.Max(0, Percentile(x.Jaccards, 0.9) - x.MeanJaccard), 3)).ToArray();
        var low = segments.Select(x => R(Math.Max(0, x.MeanJaccard - Percentile(x.Jaccards, 0.1)), 3)).ToArray();
        var trace = Trace("bar", ("x", names), ("y", mean), ("name", "mean Jaccard"),
            ("marker", new { color = segments.Select(x => Colour(x.Segment)).ToArray() }),
            ("error_y", new { type = "data", symmetric = false, array = high, arrayminus = low, visible = true, color = Ink }),
            ("customdata", segments.Select(x => $"{x.Band}; dissolved in {x.Dissolved} of {x.Jaccards.Count} replicates").ToArray()),
            ("hovertemplate", "%{x}<br>mean Jaccard %{y:.2f}<br>%{customdata}<extra></extra>"));
        (double From, double To, string Colour, string Label)[] bands =
        [
            (0, 0.5, "rgba(225,87,89,0.14)", "dissolved"), (0.5, 0.6, "rgba(242,142,43,0.14)", "unstable"),
            (0.6, 0.75, "rgba(237,201,72,0.16)", "pattern"), (0.75, 0.85, "rgba(89,161,79,0.12)", "stable"),
            (0.85, 1.0, "rgba(89,161,79,0.24)", "highly stable"),
        ];
        var shapes = bands.Select(b => (object)new
        {
            type = "rect", xref = "paper", x0 = 0, x1 = 1, yref = "y", y0 = b.From, y1 = b.To, fillcolor = b.Colour, line = new { width = 0 }, layer = "below",
        }).ToArray();
        var annotations = bands.Select(b => (object)new
        {
            xref = "paper", x = 1, xanchor = "right", yref = "y", y = (b.From + b.To) / 2, text = b.Label, showarrow = false,
            font = new { size = 10, color = "#666666" },
        }).ToArray();
        return Chart([trace],
            ("title", Title($"Bootstrap stability: Jaccard per segment ({s.Replicates} replicates, mean ARI {F(s.MeanAdjustedRandIndex, "0.00")})")),
            ("yaxis", Axis("Jaccard", ("range", new[] { 0, 1.02 }))),
            ("xaxis", Axis(null, ("tickangle", -20))),
            ("shapes", shapes), ("annotations", annotations), ("showlegend", false),
            ("height", 420));
    }

    /// <summary>PSI per feature against the baseline (horizontal bars, largest first) with the 0.1 (watch) and 0.25 (act) lines.</summary>
    /// <param name="d">The drift report.</param>
    /// <param name="warn">The warn threshold drawn; default 0.1.</param>
    /// <param name="fail">The fail threshold drawn; default 0.25.</param>
    public static GenericChart Drift(DriftReport d, double warn = 0.1, double fail = 0.25)
    {
        ArgumentNullException.ThrowIfNull(d);
        var features = d.Features.OrderByDescending(f => f.Psi).ThenBy(f => f.Feature, StringComparer.Ordinal).ToArray();
        var trace = Trace("bar", ("y", features.Select(f => Escape(f.Feature)).ToArray()), ("x", features.Select(f => R(f.Psi)).ToArray()),
            ("orientation", "h"), ("name", "PSI"),
            ("marker", new { color = features.Select(f => f.Psi >= fail ? Colour(2) : f.Psi >= warn ? Colour(1) : Colour(0)).ToArray() }),
            ("customdata", features.Select(f => $"mean {F(f.BaselineMean, "0.###")} → {F(f.CurrentMean, "0.###")}").ToArray()),
            ("hovertemplate", "%{y}<br>PSI %{x:.3f}<br>%{customdata}<extra></extra>"));
        return Chart([trace],
            ("title", Title(string.Create(CultureInfo.InvariantCulture, $"Feature drift: PSI against the baseline ({d.BaselineCustomers:N0} → {d.CurrentCustomers:N0} customers)"))),
            ("xaxis", Axis("population stability index", ("rangemode", "tozero"))),
            ("yaxis", Axis(null, ("autorange", "reversed"))),
            ("shapes", new[] { VLine(warn, Colour(1)), VLine(fail, Colour(2)) }),
            ("showlegend", false),
            ("height", 160 + (24 * Math.Max(features.Length, 3))));
    }

    /// <summary>Each segment's share of customers in the baseline and now (grouped bars), with the segment-mix PSI in the title.</summary>
    /// <param name="d">The drift report.</param>
    /// <param name="p">The profiles (segment names).</param>
    /// <exception cref="ArgumentException">The drift report has no segment-mix part.</exception>
    public static GenericChart SegmentShift(DriftReport d, SegmentProfiles p)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(p);
        var mix = d.Segments ?? throw new ArgumentException("the drift report has no segment mix (baseline segment shares were not given).", nameof(d));
        var rows = mix.Segments.Where(s => s.Segment < p.Count).ToArray();
        var names = rows.Select(s => Escape(p[s.Segment].Name)).ToArray();
        return Chart(
            [
                Trace("bar", ("x", names), ("y", R(rows.Select(s => s.BaselineShare))), ("name", "baseline"), ("marker", new { color = Grey }),
                    ("hovertemplate", "%{x}<br>baseline %{y:.1%}<extra></extra>")),
                Trace("bar", ("x", names), ("y", R(rows.Select(s => s.CurrentShare))), ("name", "now"),
                    ("marker", new { color = rows.Select(s => Colour(s.Segment)).ToArray() }),
                    ("customdata", rows.Select(s => $"{(s.Change >= 0 ? "+" : "−")}{F(Math.Abs(s.Change) * 100, "0.0")} points").ToArray()),
                    ("hovertemplate", "%{x}<br>now %{y:.1%} (%{customdata})<extra></extra>")),
            ],
            ("title", Title($"Segment mix: baseline vs now (PSI {F(mix.Psi, "0.000")}, {mix.Band})")),
            ("barmode", "group"),
            ("yaxis", Axis("share of customers", ("tickformat", ".0%"), ("rangemode", "tozero"))),
            ("xaxis", Axis(null, ("tickangle", -20))),
            ("height", 420));
    }

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        double at = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(at);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((at - lo) * (sorted[hi] - sorted[lo]));
    }
}
