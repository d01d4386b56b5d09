using Plotly.NET;

namespace SegmentLab.Reporting;

public static partial class SegmentReport
{
    private static void HtmlSummary(ReportContext ctx, TextWriter w)
    {
        var d = ctx.Data;
        w.WriteLine("<section id=\"summary\"><h2>Summary</h2><dl class=\"facts\">");
        w.WriteLine($"<dt>Data window</dt><dd>{H(ctx.DataWindow)}</dd>");
        w.WriteLine($"<dt>Customers</dt><dd>{d.Table.Rows:N0}</dd>");
        w.WriteLine($"<dt>Features used</dt><dd>{H(ctx.FeaturesUsed)}</dd>");
        w.WriteLine($"<dt>Number of segments</dt><dd>{H(ctx.KAndWhy)}</dd>");
        w.WriteLine($"<dt>Verdict</dt><dd>{Badge(d.Validation.Verdict)} {H(VerdictWords(d.Validation.Verdict))}</dd>");
        w.WriteLine("</dl>");
        if (d.Validation.Checks.Count > 0)
        {
            w.WriteLine("<h3>Checks</h3>");
            w.WriteLine(ReportTables.Checks(d.Validation).ToHtml());
        }

        if (NoteLines(d.Notes) is { Length: > 0 } notes)
        {
            w.WriteLine("<h3>Notes</h3><ul class=\"muted\">");
            foreach (string note in notes)
            {
                w.WriteLine($"<li>{H(note)}</li>");
            }

            w.WriteLine("</ul>");
        }

        w.WriteLine("</section>");
    }

    private static void HtmlSegments(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        w.WriteLine("<section id=\"segments\"><h2>Segments</h2>");
        w.WriteLine("<p class=\"muted\">Index: the segment's mean as a percentage of the population's (100 = average, 200 = twice). Names are generated from these indexes unless set in <code>profiling.names</code>.</p>");
        w.WriteLine(ReportTables.Segments(ctx).ToHtml());
        w.WriteLine(Chart("size", "Segment size and revenue share"));
        charts.Add(("chart-size", SegmentCharts.SizeAndRevenue(ctx.Profiles)));
        if (ctx.Profiles.KeyFeatures.Count > 0)
        {
            w.WriteLine(Chart("heatmap", "Feature index by segment"));
            charts.Add(("chart-heatmap", SegmentCharts.ProfileHeatmap(ctx.Profiles)));
        }

        w.WriteLine("</section>");
    }

    private static void HtmlQuality(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        if (ctx.Data.Quality is not { } q)
        {
            return;
        }

        w.WriteLine("<section id=\"quality\"><h2>Data quality</h2>");
        w.WriteLine("<p class=\"muted\">Every row read is loaded, filtered by a rule, or rejected as malformed (rows read = loaded + filtered + rejected).</p>");
        w.WriteLine(ReportTables.Quality(q).ToHtml());
        if (q.RejectsFile is not null)
        {
            w.WriteLine($"<p class=\"muted\">Rejected rows: {H(q.RejectsFile)}</p>");
        }

        w.WriteLine(Chart("quality", "Rows per table"));
        charts.Add(("chart-quality", SegmentCharts.DataQuality(q)));
        w.WriteLine("</section>");
    }

    private static void HtmlKSelection(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        if (ctx.Data.KSelection is not { } r)
        {
            return;
        }

        w.WriteLine("<section id=\"k-selection\"><h2>Choosing k</h2>");
        w.WriteLine($"<p>{H(ctx.KAndWhy)}</p>");
        w.WriteLine(Chart("kselection", "Inertia, silhouette, Calinski-Harabasz, Davies-Bouldin and gap by k"));
        charts.Add(("chart-kselection", SegmentCharts.KSelection(r)));
        w.WriteLine(ReportTables.KSweep(r, ctx.Data.Model.K).ToHtml());
        w.WriteLine("</section>");
    }

    private static void HtmlScatter(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        var pca = ctx.Pca;
        w.WriteLine("<section id=\"pca\"><h2>Segments on the principal components</h2>");
        w.WriteLine("<p class=\"muted\">Each dot is a customer (hover for the id); crosses are segment centres; arrows are the features with the longest loadings.</p>");
        w.WriteLine(Chart("pca", "Customers on the first two principal components"));
        charts.Add(("chart-pca", SegmentCharts.PcaScatter(ctx.Data.Clustered, ctx.Profiles, ctx.Data.Table.CustomerIds, pca,
            ctx.Options.MaxScatterPoints, ctx.Options.Seed)));
        w.WriteLine("<h3>Loadings</h3>");
        w.WriteLine(ReportTables.Loadings(pca).ToHtml());
        w.WriteLine("</section>");
    }

    private static void HtmlSilhouette(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        if (ctx.Data.Silhouette is not { } s)
        {
            return;
        }

        w.WriteLine("<section id=\"silhouette\"><h2>Silhouette</h2>");
        w.WriteLine($"<p class=\"muted\">Mean silhouette {s.Mean:0.000} ({H(s.Band.ToString())}, {H(s.Method.ToString().ToLowerInvariant())}); values near 1 sit well inside their segment, near 0 on a border, below 0 closer to another segment.</p>");
        w.WriteLine(Chart("silhouette", "Silhouette per customer"));
        charts.Add(("chart-silhouette", SegmentCharts.Silhouette(s, ctx.Profiles, ctx.Options.MaxSilhouettePoints)));
        w.WriteLine("</section>");
    }

    private static void HtmlLift(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        if (ctx.Data.Validation.Lift is not { } lift || !HasLift(lift))
        {
            return;
        }

        w.WriteLine("<section id=\"lift\"><h2>Outcome lift in the holdout window</h2>");
        w.WriteLine("<p class=\"muted\">What customers did after the cutoff, by segment, next to the RFM rule segments computed on the same customers. Error bars are confidence intervals.</p>");
        foreach (string outcome in lift.Binary.Select(b => b.Outcome).Concat(lift.Continuous.Select(c => c.Outcome)))
        {
            string id = "lift-" + ReportContext.Slug(outcome);
            w.WriteLine($"<h3>{H(outcome)}</h3>");
            w.WriteLine(Chart(id, $"Lift on {outcome}"));
            charts.Add(($"chart-{id}", SegmentCharts.Lift(lift, ctx.Profiles, outcome)));
            if (lift.Binary.Any(b => b.Outcome == outcome))
            {
                string gains = "gains-" + ReportContext.Slug(outcome);
                w.WriteLine(Chart(gains, $"Cumulative gains on {outcome}"));
                charts.Add(($"chart-{gains}", SegmentCharts.Gains(lift, outcome, ctx.Profiles)));
            }

            if (ReportTables.Lift(lift, ctx.Profiles, outcome) is { } table)
            {
                w.WriteLine(table.ToHtml());
            }
        }

        w.WriteLine("</section>");
    }

    private static void HtmlHealth(ReportContext ctx, TextWriter w, List<(string, GenericChart)> charts)
    {
        var v = ctx.Data.Validation;
        if (v.Stability is { } s)
        {
            w.WriteLine("<section id=\"stability\"><h2>Stability under resampling</h2>");
            w.WriteLine($"<p class=\"muted\">Each segment's mean Jaccard similarity to its best match when k-means is refitted on bootstrap resamples (Hennig): 0.75 or more is stable, below 0.5 the segment dissolves{(s.SubsetRows is null ? "" : "; " + H(s.ResampledText))}.</p>");
            w.WriteLine(Chart("stability", "Jaccard per segment"));
            charts.Add(("chart-stability", SegmentCharts.Stability(s, ctx.Profiles)));
            w.WriteLine(ReportTables.Stability(s, ctx.Profiles).ToHtml());
            w.WriteLine("</section>");
        }

        if (v.Drift is not { } d)
        {
            return;
        }

        w.WriteLine("<section id=\"drift\"><h2>Drift against the baseline</h2>");
        w.WriteLine($"<p class=\"muted\">{d.BaselineCustomers:N0} baseline customers, {d.CurrentCustomers:N0} now. PSI below {v.Thresholds.PsiWarn:0.##} is stable, from {v.Thresholds.PsiFail:0.##} a significant shift.</p>");
        if (d.Features.Count > 0)
        {
            w.WriteLine(Chart("drift", "PSI per feature"));
            charts.Add(("chart-drift", SegmentCharts.Drift(d, v.Thresholds.PsiWarn, v.Thresholds.PsiFail)));
            w.WriteLine(ReportTables.DriftFeatures(d).ToHtml());
        }

        if (d.Segments is { } mix)
        {
            w.WriteLine(Chart("mix", "Segment shares, baseline and now"));
            charts.Add(("chart-mix", SegmentCharts.SegmentShift(d, ctx.Profiles)));
            w.WriteLine(ReportTables.DriftSegments(mix, ctx.Profiles).ToHtml());
        }

        if (d.Assignments?.AdjustedRandIndex is { } ari)
        {
            w.WriteLine($"<p>Returning customers' assignments agree with the baseline's: adjusted Rand index {ari:0.00}.</p>");
        }

        w.WriteLine("</section>");
    }

    /// <summary>The notes, one per non-blank line, trimmed.</summary>
    private static string[] NoteLines(string? notes) =>
        (notes ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static string VerdictWords(Validation.CheckStatus verdict) => verdict switch
    {
        Validation.CheckStatus.Pass => "every check is within its thresholds.",
        Validation.CheckStatus.Warn => "worth a look before acting on the segments (see the checks).",
        _ => "the segments should not be acted on as they are (see the failed checks).",
    };
}
