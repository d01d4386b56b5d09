using System.Globalization;
using System.Text;

namespace SegmentLab.Validation;

public sealed partial record ValidationReport
{
    /// <summary>A plain-text summary for notebooks and logs: verdict, one line per section, then every check.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"Validation report (schema {SchemaVersion}): {Verdict.ToString().ToUpperInvariant()}").AppendLine();
        string cutoff = Data.Cutoff is { } d ? $", cutoff {d:yyyy-MM-dd}" : "";
        string holdout = Data.HoldoutEnd is { } h ? $", holdout to {h:yyyy-MM-dd}" : "";
        sb.Append(c, $"  data: {Data.Customers:N0} customers, {Data.SegmentCount} segments ({string.Join(" / ", Data.SegmentSizes.Select(s => s.ToString("N0", c)))}){cutoff}{holdout}").AppendLine();
        if (Separation is { } s)
        {
            var parts = new List<string>();
            if (s.SilhouetteMean is { } m)
            {
                parts.Add(string.Create(c, $"silhouette {m:0.000} ({Camel(s.SilhouetteMethod) ?? "?"}{(s.SilhouetteBand is { } b ? ", " + Camel(b) : "")})"));
            }

            if (s.CalinskiHarabasz is { } ch)
            {
                parts.Add(string.Create(c, $"CH {ch:0.0}"));
            }

            if (s.DaviesBouldin is { } db)
            {
                parts.Add(string.Create(c, $"DB {db:0.000}"));
            }

            sb.Append("  separation: ").AppendJoin(", ", parts).AppendLine();
        }

        foreach (var r in Lift?.Binary ?? [])
        {
            var baseline = Lift!.BaselineBinary.FirstOrDefault(x => x.Outcome == r.Outcome);
            string vs = baseline is null ? "" : string.Create(c, $" (RFM: top {baseline.TopSegmentLift:0.00}×, Gini {baseline.Gini:0.00})");
            sb.Append(c, $"  lift {r.Outcome}: overall {r.OverallRate * 100:0.#}%, top segment {r.TopSegmentLift:0.00}×, Gini {r.Gini:0.00}{vs}").AppendLine();
        }

        foreach (var r in Lift?.Continuous ?? [])
        {
            var top = r.Segments.MaxBy(x => x.Lift);
            sb.Append(c, $"  lift {r.Outcome}: overall mean {r.OverallMean:0.00}, top segment {top?.Lift:0.00}× (segment {top?.Segment})").AppendLine();
        }

        if (Stability is { LeastStable: { } least } st)
        {
            sb.Append(c, $"  stability: {st.Replicates} resamples, lowest mean Jaccard {least.MeanJaccard:0.00} (segment {least.Segment}), mean ARI {st.MeanAdjustedRandIndex:0.00}{(st.SubsetRows is { } m ? $" (on a fixed subset of {m:N0} customers)" : "")}").AppendLine();
        }

        if (Drift is { } dr)
        {
            string most = dr.MostDrifted is { } f ? string.Create(c, $"largest PSI {f.Psi:0.000} ({f.Feature})") : "no features";
            string mix = dr.Segments is { } sg ? string.Create(c, $", segment-share PSI {sg.Psi:0.000}") : "";
            string ari = dr.Assignments?.AdjustedRandIndex is { } a ? string.Create(c, $", returning customers' ARI {a:0.00}") : "";
            sb.Append(c, $"  drift: {most}{mix}{ari}").AppendLine();
        }

        sb.AppendLine("  checks:");
        foreach (var check in Checks)
        {
            sb.Append("    ").Append(check).AppendLine();
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>An enum value as the JSON spells it (camelCase), so the text and the file read alike.</summary>
    private static string? Camel(Enum? value) => value is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
