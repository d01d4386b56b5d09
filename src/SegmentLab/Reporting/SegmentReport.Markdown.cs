using System.Text;

namespace SegmentLab.Reporting;

public static partial class SegmentReport
{
    private static string Markdown(ReportContext ctx)
    {
        var d = ctx.Data;
        var v = d.Validation;
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string Cut(string text) => text.Replace("\n", " ", StringComparison.Ordinal);

        Line($"# {Cut(d.Title)}");
        Line();
        Line($"{d.Table.Rows:N0} customers · {d.Model.K} segments · cutoff {d.Table.Cutoff:yyyy-MM-dd} · validation **{v.Verdict.ToString().ToUpperInvariant()}**");
        Line();
        Line("## Summary");
        Line();
        Line($"- **Data window:** {ctx.DataWindow}");
        Line($"- **Customers:** {d.Table.Rows:N0}");
        Line($"- **Features used:** {ctx.FeaturesUsed}");
        Line($"- **Number of segments:** {ctx.KAndWhy}");
        Line($"- **Verdict:** {v.Verdict.ToString().ToUpperInvariant()} — {VerdictWords(v.Verdict)}");
        Line();
        if (v.Checks.Count > 0)
        {
            Line("### Checks");
            Line();
            md.Append(ReportTables.Checks(v).ToMarkdown());
            Line();
        }

        if (NoteLines(d.Notes) is { Length: > 0 } notes)
        {
            Line("### Notes");
            Line();
            foreach (string note in notes)
            {
                Line($"- {note}");
            }

            Line();
        }

        Line("## Segments");
        Line();
        Line("Index: the segment's mean as a percentage of the population's (100 = average).");
        Line();
        md.Append(ReportTables.Segments(ctx).ToMarkdown());
        Line();
        if (d.Quality is { } q)
        {
            Line("## Data quality");
            Line();
            md.Append(ReportTables.Quality(q).ToMarkdown());
            Line();
        }

        if (d.KSelection is { } r)
        {
            Line("## Choosing k");
            Line();
            md.Append(ReportTables.KSweep(r, d.Model.K).ToMarkdown());
            Line();
        }

        Line("## Segment profiles");
        Line();
        foreach (var s in ctx.Profiles.Segments)
        {
            Line($"### {s.Id}. {Cut(s.Name)}");
            Line();
            Line(s.Description);
            Line();
            foreach (var (key, value) in KeyNumbers(s))
            {
                Line($"- {key}: {value}");
            }

            Line();
        }

        if (ctx.Profiles.KeyFeatures.Count > 0)
        {
            Line("## Feature index");
            Line();
            md.Append(ReportTables.FeatureIndex(ctx.Profiles).ToMarkdown());
            Line();
        }

        if (v.Lift is { } lift && HasLift(lift))
        {
            Line("## Outcome lift in the holdout window");
            Line();
            foreach (string outcome in lift.Binary.Select(b => b.Outcome).Concat(lift.Continuous.Select(c => c.Outcome)))
            {
                Line($"### {outcome}");
                Line();
                if (lift.Binary.FirstOrDefault(b => b.Outcome == outcome) is { } b)
                {
                    string baseline = lift.BaselineBinary.FirstOrDefault(x => x.Outcome == outcome) is { } rb
                        ? $"; {lift.BaselineName.ToUpperInvariant()} baseline: top segment {rb.TopSegmentLift:0.00}×, Gini {rb.Gini:0.00}"
                        : "";
                    Line($"Overall rate {ReportTables.Pct(b.OverallRate)}; top segment {b.TopSegmentLift:0.00}×, Gini {b.Gini:0.00}{baseline}.");
                    Line();
                }

                if (ReportTables.Lift(lift, ctx.Profiles, outcome) is { } table)
                {
                    md.Append(table.ToMarkdown());
                    Line();
                }
            }
        }

        if (v.Stability is { } st)
        {
            Line("## Stability under resampling");
            Line();
            Line($"{st.Replicates} bootstrap replicates (seed {st.Seed}){(st.SubsetRows is null ? "" : "; " + st.ResampledText)}; mean adjusted Rand index {st.MeanAdjustedRandIndex:0.00}.");
            Line();
            md.Append(ReportTables.Stability(st, ctx.Profiles).ToMarkdown());
            Line();
        }

        if (v.Drift is { } dr)
        {
            Line("## Drift against the baseline");
            Line();
            Line($"{dr.BaselineCustomers:N0} baseline customers, {dr.CurrentCustomers:N0} now.");
            Line();
            if (dr.Features.Count > 0)
            {
                md.Append(ReportTables.DriftFeatures(dr).ToMarkdown());
                Line();
            }

            if (dr.Segments is { } mix)
            {
                Line($"Segment mix PSI {mix.Psi:0.000} ({mix.Band}).");
                Line();
                md.Append(ReportTables.DriftSegments(mix, ctx.Profiles).ToMarkdown());
                Line();
            }

            if (dr.Assignments?.AdjustedRandIndex is { } ari)
            {
                Line($"Returning customers' assignments agree with the baseline's: adjusted Rand index {ari:0.00}.");
                Line();
            }
        }

        Line("## PCA loadings");
        Line();
        md.Append(ReportTables.Loadings(ctx.Pca).ToMarkdown());
        return md.ToString();
    }
}
