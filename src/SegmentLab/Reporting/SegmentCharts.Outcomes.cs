using Plotly.NET;
using SegmentLab.Profiling;
using SegmentLab.Validation;
using static SegmentLab.Reporting.Plot;

namespace SegmentLab.Reporting;

public static partial class SegmentCharts
{
    /// <summary>
    /// Holdout outcome lift per segment with its confidence interval as error bars, next to the RFM baseline's segments
    /// (grey), with the no-lift line at 1.
    /// </summary>
    /// <param name="lift">The validation report's lift section.</param>
    /// <param name="p">The profiles (segment names).</param>
    /// <param name="outcome">The outcome; default the first binary outcome, else the first continuous one.</param>
    /// <exception cref="ArgumentException">The section has no such outcome (the message lists those it has).</exception>
    public static GenericChart Lift(LiftSection lift, SegmentProfiles p, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(lift);
        ArgumentNullException.ThrowIfNull(p);
        outcome ??= lift.Binary.Select(b => b.Outcome).Concat(lift.Continuous.Select(c => c.Outcome)).FirstOrDefault()
            ?? throw new ArgumentException("the lift section has no outcomes.", nameof(lift));
        var rows = LiftRows(lift.Binary, lift.Continuous, outcome, n => Escape(p[n].Name))
            ?? throw new ArgumentException($"no outcome '{outcome}' in the lift section; it has: {string.Join(", ", Outcomes(lift))}.", nameof(outcome));
        var baseline = LiftRows(lift.BaselineBinary, lift.BaselineContinuous, outcome, null) ?? [];
        var traces = new List<Trace> { LiftTrace(rows, "segments", rows.Select(r => Colour(r.Segment)).ToArray()) };
        if (baseline.Length > 0)
        {
            var named = baseline.Select(r => r with { Name = $"{lift.BaselineName.ToUpperInvariant()} · {r.Name}" }).ToArray();
            traces.Add(LiftTrace(named, $"{lift.BaselineName.ToUpperInvariant()} baseline", named.Select(_ => Grey).ToArray()));
        }

        bool binary = lift.Binary.Any(b => b.Outcome == outcome);
        return Chart(traces,
            ("title", Title($"Lift on {outcome} ({(binary ? "rate" : "mean")} ÷ overall, with {F(Confidence(lift, outcome), "0%")} intervals)")),
            ("yaxis", Axis("lift (1 = average)", ("rangemode", "tozero"))),
            ("xaxis", Axis(null, ("tickangle", -30))),
            ("shapes", new[] { HLine(1, Ink) }),
            ("height", 480));
    }

    /// <summary>
    /// The cumulative gains curve for a binary outcome — segments targeted in descending rate order, share of customers
    /// reached against share of positives — for the segments and the RFM baseline, with the random diagonal.
    /// </summary>
    /// <param name="lift">The validation report's lift section.</param>
    /// <param name="outcome">A binary outcome; default the first.</param>
    /// <param name="p">The profiles, to name the segments on hover; default "segment 0", "segment 1", ….</param>
    /// <exception cref="ArgumentException">The section has no such binary outcome.</exception>
    public static GenericChart Gains(LiftSection lift, string? outcome = null, SegmentProfiles? p = null)
    {
        ArgumentNullException.ThrowIfNull(lift);
        var result = (outcome is null ? lift.Binary.FirstOrDefault() : lift.Binary.FirstOrDefault(b => b.Outcome == outcome))
            ?? throw new ArgumentException($"no binary outcome{(outcome is null ? "" : $" '{outcome}'")} in the lift section; binary outcomes: {string.Join(", ", lift.Binary.Select(b => b.Outcome))}.", nameof(outcome));
        var traces = new List<Trace>
        {
            Trace("scatter", ("x", new[] { 0.0, 1.0 }), ("y", new[] { 0.0, 1.0 }), ("mode", "lines"), ("name", "random"),
                ("line", new { color = "#bdbdbd", dash = "dash" }), ("hoverinfo", "skip")),
            GainsTrace(result, $"segments (Gini {F(result.Gini, "0.00")})", Colour(0), p),
        };
        if (lift.BaselineBinary.FirstOrDefault(b => b.Outcome == result.Outcome) is { } baseline)
        {
            traces.Add(GainsTrace(baseline, $"{lift.BaselineName.ToUpperInvariant()} baseline (Gini {F(baseline.Gini, "0.00")})", Grey, null));
        }

        return Chart(traces,
            ("title", Title($"Cumulative gains on {result.Outcome}")),
            ("xaxis", Axis("share of customers targeted", ("tickformat", ".0%"), ("range", new[] { 0, 1 }))),
            ("yaxis", Axis($"share of {result.Outcome} reached", ("tickformat", ".0%"), ("range", new[] { 0, 1.02 }))),
            ("height", 460));
    }

    private sealed record LiftRow(int Segment, string Name, double Lift, double Low, double High, string Detail);

    private static LiftRow[]? LiftRows(IReadOnlyList<BinaryLiftResult> binary, IReadOnlyList<ContinuousLiftResult> continuous, string outcome,
        Func<int, string>? name)
    {
        if (binary.FirstOrDefault(b => b.Outcome == outcome) is { } b)
        {
            return b.Segments.Select(s => new LiftRow(s.Segment, name?.Invoke(s.Segment) ?? Escape(s.Name ?? $"segment {s.Segment}"), s.Lift,
                s.LiftInterval.Low, s.LiftInterval.High, $"rate {F(s.Rate, "0.0%")} of {s.Count:N0}")).ToArray();
        }

        if (continuous.FirstOrDefault(c => c.Outcome == outcome) is { } c)
        {
            return c.Segments.Select(s => new LiftRow(s.Segment, name?.Invoke(s.Segment) ?? Escape(s.Name ?? $"segment {s.Segment}"), s.Lift,
                s.LiftInterval.Low, s.LiftInterval.High, $"mean {F(s.Mean, "0.##")} over {s.Count:N0}")).ToArray();
        }

        return null;
    }

    private static Trace LiftTrace(LiftRow[] rows, string name, string[] colours) =>
        Trace("scatter", ("x", rows.Select(r => r.Name).ToArray()), ("y", rows.Select(r => R(r.Lift, 3)).ToArray()), ("mode", "markers"),
            ("name", name), ("marker", new { color = colours, size = 11, symbol = "diamond" }),
            ("error_y", new
            {
                type = "data", symmetric = false, visible = true, color = Ink, thickness = 1.2,
                array = rows.Select(r => R(Math.Max(0, r.High - r.Lift), 3)).ToArray(),
                arrayminus = rows.Select(r => R(Math.Max(0, r.Lift - r.Low), 3)).ToArray(),
            }),
            ("customdata", rows.Select(r => $"[{F(r.Low, "0.00")}, {F(r.High, "0.00")}]; {r.Detail}").ToArray()),
            ("hovertemplate", "%{x}<br>lift %{y:.2f} %{customdata}<extra></extra>"));

    private static Trace GainsTrace(BinaryLiftResult r, string name, string colour, SegmentProfiles? p) =>
        Trace("scatter", ("x", R(r.Gains.Select(g => g.CustomerShare))), ("y", R(r.Gains.Select(g => g.PositiveShare))),
            ("mode", "lines+markers"), ("name", name), ("line", new { color = colour, width = 2.5 }), ("marker", new { size = 7 }),
            ("text", r.Gains.Select(g => Escape(g.Segment is not { } s ? "start" : p is not null && s < p.Count ? p[s].Name : g.Name ?? $"segment {s}")).ToArray()),
            ("hovertemplate", "through %{text}<br>%{x:.0%} of customers, %{y:.0%} of positives<extra></extra>"));

    private static IEnumerable<string> Outcomes(LiftSection lift) => lift.Binary.Select(b => b.Outcome).Concat(lift.Continuous.Select(c => c.Outcome));

    private static double Confidence(LiftSection lift, string outcome) =>
        lift.Binary.FirstOrDefault(b => b.Outcome == outcome)?.Confidence ?? lift.Continuous.FirstOrDefault(c => c.Outcome == outcome)?.Confidence ?? 0.95;
}
