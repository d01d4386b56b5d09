using System.Globalization;
using System.Text;
using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>Writes a profile's one-paragraph description from its numbers; every figure quoted comes from the profile.</summary>
internal static class ProfileDescriber
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Describe(SegmentProfile p, TraitReader t)
    {
        var sb = new StringBuilder();
        sb.Append(C, $"{p.Size:N0} customers ({Percent(p.Share)} of the base)");
        if (!double.IsNaN(p.RevenueShare))
        {
            sb.Append(C, $" bringing {Percent(p.RevenueShare)} of revenue");
        }

        sb.Append('.');
        var rfm = new List<string>();
        if (t.Row("recency_days") is { } r)
        {
            rfm.Add($"last ordered a median of {Number(r.SegmentMedian)} days before the cutoff (recency index {Index(r)})");
        }

        if (t.Row("frequency") is { } f)
        {
            rfm.Add($"placed a median of {Number(f.SegmentMedian)} {(f.SegmentMedian == 1 ? "order" : "orders")} (frequency index {Index(f)})");
        }

        if (t.Row("monetary") is { } m)
        {
            rfm.Add($"spent a median of {Number(m.SegmentMedian)} (monetary index {Index(m)})");
        }

        if (rfm.Count > 0)
        {
            sb.Append(" They ").Append(Join(rfm)).Append('.');
        }

        string[] rfmFeatures = ["recency_days", "frequency", "monetary"];
        var over = p.OverIndexed.Where(x => !rfmFeatures.Contains(x.Feature)).Select(Phrase).ToArray();
        var under = p.UnderIndexed.Where(x => !rfmFeatures.Contains(x.Feature)).Select(Phrase).ToArray();
        if (over.Length > 0 && under.Length > 0)
        {
            sb.Append(C, $" Above average on {Join(over)}; below on {Join(under)}.");
        }
        else if (over.Length > 0)
        {
            sb.Append(C, $" Above average on {Join(over)}.");
        }
        else if (under.Length > 0)
        {
            sb.Append(C, $" Below average on {Join(under)}.");
        }

        var categories = p.TopCategories.Take(2).Select(c => $"{c.Attribute} {c.Value} ({Percent(c.ShareInSegment)} vs {Percent(c.ShareOverall)} overall)").ToArray();
        if (categories.Length > 0)
        {
            sb.Append(C, $" Over-represented: {Join(categories)}.");
        }

        if (p.Outcomes.FirstOrDefault(o => o.Binary) is { } o)
        {
            sb.Append(C, $" In the holdout window {Percent(o.Value)} {Did(o.Outcome)}, {o.Lift.ToString("0.00", C)}× the average {o.LiftInterval.ToString("0.00")}{(o.Significant ? "" : ", not significantly different")}.");
        }
        else if (p.Outcomes.FirstOrDefault() is { } c)
        {
            sb.Append(C, $" In the holdout window their mean {Words(c.Outcome.Replace("holdout_", "", StringComparison.Ordinal))} was {c.Lift.ToString("0.00", C)}× the average {c.LiftInterval.ToString("0.00")}.");
        }

        var quality = new List<string>();
        if (p.Silhouette is { } s)
        {
            quality.Add($"silhouette {s.ToString("0.00", C)}");
        }

        if (p.Stability is { } j)
        {
            quality.Add($"bootstrap Jaccard {j.ToString("0.00", C)} ({BandWords(p.StabilityBand)})");
        }

        if (quality.Count > 0)
        {
            sb.Append(' ').Append(char.ToUpperInvariant(quality[0][0])).Append(string.Join(", ", quality)[1..]).Append('.');
        }

        return sb.ToString();
    }

    /// <summary>"discount share (index 259)".</summary>
    public static string Phrase(FeatureIndexRow r) => r.Index is { } i
        ? $"{Words(r.Feature)} (index {i.ToString("0", C)})"
        : $"{Words(r.Feature)} ({(r.StandardizedDifference ?? 0).ToString("+0.0;−0.0", C)} sd)";

    private static string Did(string outcome) => outcome switch
    {
        "purchased_in_holdout" => "bought",
        "engaged_in_holdout" => "engaged",
        _ => $"had {Words(outcome)}",
    };

    public static string Words(string feature) => feature.Replace('_', ' ');

    public static string Percent(double share) => share switch
    {
        >= 0.1 or 0 => share.ToString("0%", C),
        _ => share.ToString("0.#%", C),
    };

    public static string Number(double x) => Math.Abs(x) >= 100 ? x.ToString("N0", C) : x.ToString("0.##", C);

    private static string Index(FeatureIndexRow r) => r.Index?.ToString("0", C) ?? "n/a";

    private static string BandWords(StabilityBand? band) => band switch
    {
        StabilityBand.HighlyStable => "highly stable",
        StabilityBand.Stable => "stable",
        StabilityBand.Pattern => "a pattern, membership doubtful",
        StabilityBand.Unstable => "unstable",
        StabilityBand.Dissolved => "dissolves under resampling",
        _ => "not assessed",
    };

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
