using Plotly.NET;
using SegmentLab.Data;
using SegmentLab.Profiling;
using SegmentLab.Validation;
using static SegmentLab.Reporting.Plot;

namespace SegmentLab.Reporting;

/// <summary>
/// The report's charts, one Plotly.NET <see cref="GenericChart"/> per panel, for reuse in notebooks (display them, or
/// combine them with other Plotly.NET charts). Segment colours follow segment ids, the same in every chart. Charts
/// take the results they draw and never recompute them, except the PCA scatter, which fits a 2-component PCA when
/// none is given.
/// </summary>
public static partial class SegmentCharts
{
    /// <summary>
    /// Inertia (elbow marked), mean silhouette, Calinski-Harabasz, Davies-Bouldin and, when computed, the gap statistic
    /// with its standard error, by k, in stacked panels sharing the k axis; the recommended k is a vertical line.
    /// </summary>
    /// <param name="r">The sweep.</param>
    public static GenericChart KSelection(KSelectionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var ks = r.Candidates.Select(c => c.K).ToArray();
        bool gap = r.Candidates.Any(c => c.Gap is not null);
        var panels = new List<(string Title, double?[] Y, int? Marked, double?[]? Error)>
        {
            ("inertia", R(r.Candidates.Select(c => c.Inertia), 2), r.ElbowK, null),
            ("silhouette", R(r.Candidates.Select(c => c.Silhouette)), r.SilhouetteK, null),
            ("Calinski-Harabasz", R(r.Candidates.Select(c => c.CalinskiHarabasz), 1), null, null),
            ("Davies-Bouldin", R(r.Candidates.Select(c => c.DaviesBouldin)), null, null),
        };
        if (gap)
        {
            panels.Add(("gap", r.Candidates.Select(c => c.Gap is { } g ? R(g) : null).ToArray(), r.GapK,
                r.Candidates.Select(c => c.GapStandardError is { } e ? R(e) : null).ToArray()));
        }

        var traces = new List<Trace>();
        var layout = new List<(string, object?)>();
        string[] markNames = ["elbow", "best silhouette", "", "", "gap rule"];
        for (int i = 0; i < panels.Count; i++)
        {
            var (title, y, marked, error) = panels[i];
            string yaxis = i == 0 ? "y" : $"y{i + 1}";
            traces.Add(Trace("scatter", ("x", ks), ("y", y), ("mode", "lines+markers"), ("name", title), ("xaxis", "x"), ("yaxis", yaxis),
                ("line", new { color = Colour(0), width = 2 }), ("showlegend", false),
                ("error_y", error is null ? null : new { type = "data", array = error, visible = true, color = Grey }),
                ("hovertemplate", $"k=%{{x}}<br>{title} %{{y}}<extra></extra>")));
            if (marked is { } k && Array.IndexOf(ks, k) is var at and >= 0)
            {
                traces.Add(Trace("scatter", ("x", new[] { k }), ("y", new[] { y[at] }), ("mode", "markers"), ("name", $"{markNames[i]} k={k}"),
                    ("xaxis", "x"), ("yaxis", yaxis), ("marker", new { color = Colour(2), size = 14, symbol = "star" }),
                    ("hovertemplate", $"{markNames[i]}: k=%{{x}}<extra></extra>")));
            }

            layout.Add(($"yaxis{(i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}", Axis(title)));
        }

        layout.Add(("xaxis", Axis("number of segments k", ("dtick", 1))));
        layout.Add(("grid", new { rows = panels.Count, columns = 1, pattern = "coupled", roworder = "top to bottom", ygap = 0.25 }));
        layout.Add(("shapes", new[] { VLine(r.RecommendedK, Colour(3), "dot") }));
        layout.Add(("annotations", new[]
        {
            new { x = (double)r.RecommendedK, y = 1.0, xref = "x", yref = "paper", text = $"chosen k={r.RecommendedK}", showarrow = false,
                yanchor = "bottom", font = new { color = Colour(3) } },
        }));
        layout.Add(("height", 150 + (170 * panels.Count)));
        layout.Add(("title", Title("Choosing k")));
        layout.Add(("legend", new { orientation = "h", y = 1.08, x = 1, xanchor = "right" }));
        return Chart(traces, [.. layout]);
    }

    /// <summary>
    /// Per-customer silhouette values as filled profiles, sorted within each segment (the classic silhouette plot),
    /// with the mean as a dashed line. Above <paramref name="maxPoints"/> scored customers each segment is thinned to
    /// evenly spaced ranks of its sorted values (in proportion to its size), which keeps the shape exactly.
    /// </summary>
    /// <param name="s">The silhouette (exact or sampled) computed on the rows <paramref name="p"/> labels.</param>
    /// <param name="p">The profiles (names and labels).</param>
    /// <param name="maxPoints">Most points drawn; default 5,000, at least 100.</param>
    /// <exception cref="ArgumentException">The silhouette scored a row the profiles do not have.</exception>
    public static GenericChart Silhouette(SilhouetteResult s, SegmentProfiles p, int maxPoints = 5_000)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 100);
        var bySegment = Enumerable.Range(0, p.Count).Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < s.SampleRows.Count; i++)
        {
            int row = s.SampleRows[i];
            if (row >= p.Labels.Count)
            {
                throw new ArgumentException($"the silhouette scored row {row}, but the profiles label {p.Labels.Count} rows.", nameof(s));
            }

            bySegment[p.Labels[row]].Add(s.Samples[i]);
        }

        int total = s.Samples.Count;
        int gapRows = Math.Max(2, Math.Min(maxPoints, total) / 50);
        var traces = new List<Trace>();
        var tickValues = new List<double>();
        var tickText = new List<string>();
        double y = 0;
        for (int seg = p.Count - 1; seg >= 0; seg--)
        {
            var values = bySegment[seg];
            if (values.Count == 0)
            {
                continue;
            }

            values.Sort();
            int quota = total <= maxPoints ? values.Count : Math.Clamp((int)Math.Round((double)maxPoints * values.Count / total), 2, values.Count);
            var xs = new double?[quota + 2];
            var ys = new double[quota + 2];
            xs[0] = 0;
            ys[0] = y;
            for (int j = 0; j < quota; j++)
            {
                int at = quota == 1 ? 0 : (int)Math.Round((double)j * (values.Count - 1) / (quota - 1));
                xs[j + 1] = R(values[at]);
                ys[j + 1] = y + j;
            }

            xs[^1] = 0;
            ys[^1] = y + quota - 1;
            traces.Add(Trace("scatter", ("x", xs), ("y", ys), ("mode", "lines"), ("fill", "toself"), ("name", Escape(p[seg].Name)),
                ("line", new { color = Colour(seg), width = 0.5 }), ("fillcolor", Colour(seg)),
                ("hovertemplate", $"{Escape(p[seg].Name)}<br>silhouette %{{x:.3f}}<extra></extra>")));
            tickValues.Add(y + ((quota - 1) / 2.0));
            tickText.Add(Escape(p[seg].Name));
            y += quota + gapRows;
        }

        return Chart(traces,
            ("title", Title($"Silhouette per customer (mean {F(s.Mean, "0.000")}, {s.Method.ToString().ToLowerInvariant()})")),
            ("xaxis", Axis("silhouette s(i)", ("range", new[] { Math.Min(-0.2, s.Samples.DefaultIfEmpty(0).Min() - 0.05), 1.0 }))),
            ("yaxis", Axis(null, ("tickvals", tickValues), ("ticktext", tickText), ("showgrid", false), ("zeroline", false))),
            ("shapes", new[] { VLine(s.Mean, Ink) }),
            ("showlegend", false),
            ("height", 120 + (28 * p.Count) + 300));
    }

    /// <summary>Rows loaded, filtered by a rule and rejected as malformed, per input table, as stacked bars.</summary>
    /// <param name="q">The load's data-quality report.</param>
    public static GenericChart DataQuality(DataQualityReport q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var tables = q.Tables.Select(t => t.Table).ToArray();
        (string Name, string Colour, long[] Values)[] parts =
        [
            ("loaded", Colour(0), q.Tables.Select(t => t.RowsLoaded).ToArray()),
            ("filtered", Grey, q.Tables.Select(t => t.RowsFiltered).ToArray()),
            ("rejected", Colour(2), q.Tables.Select(t => t.RowsRejected).ToArray()),
        ];
        var traces = parts.Select(part => (Trace)Trace("bar", ("y", tables), ("x", part.Values), ("name", part.Name), ("orientation", "h"),
            ("marker", new { color = part.Colour }), ("hovertemplate", $"%{{y}}: %{{x:,}} rows {part.Name}<extra></extra>")));
        return Chart(traces,
            ("title", Title("Rows read per table")),
            ("barmode", "stack"),
            ("xaxis", Axis("rows")),
            ("yaxis", Axis(null, ("autorange", "reversed"))),
            ("height", 160 + (40 * tables.Length)));
    }

    /// <summary>Escapes text for plotly's hover templates and labels (HTML-like markup and template braces).</summary>
    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("%{", "%&#123;", StringComparison.Ordinal);
}
