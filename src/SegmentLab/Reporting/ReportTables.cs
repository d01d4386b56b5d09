using System.Globalization;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Reporting;

/// <summary>The report's tables, formatted once for both the HTML and the Markdown.</summary>
internal static class ReportTables
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static TextTable Segments(ReportContext ctx)
    {
        var p = ctx.Profiles;
        var lift = ctx.Data.Validation.Lift;
        string? outcome = lift?.Binary.FirstOrDefault()?.Outcome ?? lift?.Continuous.FirstOrDefault()?.Outcome;
        var headers = new List<string> { "id", "segment", "customers", "share", "revenue", "recency idx", "frequency idx", "monetary idx" };
        if (outcome is not null)
        {
            headers.Add($"lift {outcome} (CI)");
        }

        headers.AddRange(["silhouette", "stability"]);
        var rows = p.Segments.Select(s =>
        {
            var cells = new List<string>
            {
                s.Id.ToString(C), s.Name, s.Size.ToString("N0", C), Pct(s.Share), Pct(s.RevenueShare),
                Idx(s["recency_days"]), Idx(s["frequency"]), Idx(s["monetary"]),
            };
            if (outcome is not null)
            {
                cells.Add(s.Outcomes.FirstOrDefault(o => o.Outcome == outcome) is { } o
                    ? $"{o.Lift.ToString("0.00", C)} {o.LiftInterval.ToString("0.00")}"
                    : "");
            }

            cells.Add(s.Silhouette?.ToString("0.00", C) ?? "");
            cells.Add(s.Stability is { } j ? $"{j.ToString("0.00", C)} {Words(s.StabilityBand)}" : "");
            return cells.ToArray();
        }).ToArray();
        var numeric = headers.Select((h, i) => i is 0 or >= 2 && h != "stability").ToArray();
        return new TextTable([.. headers], numeric, rows) { Segments = p.Segments.Select(s => s.Id).ToArray() };
    }

    public static TextTable Checks(ValidationReport report) =>
        new(["status", "check", "finding"], [false, false, false],
            report.Checks.Select(c => new[] { c.Status.ToString().ToUpperInvariant(), c.Name, c.Reason }).ToArray());

    public static TextTable Quality(DataQualityReport q) =>
        new(["table", "rows read", "loaded", "filtered", "rejected", "customers", "first", "last"],
            [false, true, true, true, true, true, false, false],
            q.Tables.Select(t => new[]
            {
                t.Table, t.RowsRead.ToString("N0", C), t.RowsLoaded.ToString("N0", C),
                t.RowsFiltered.ToString("N0", C) + Rules(t.FilteredByRule), t.RowsRejected.ToString("N0", C) + Rules(t.RejectedByReason),
                t.DistinctCustomers.ToString("N0", C), t.FirstTimestamp?.ToString("yyyy-MM-dd", C) ?? "", t.LastTimestamp?.ToString("yyyy-MM-dd", C) ?? "",
            }).ToArray());

    public static TextTable KSweep(KSelectionResult r, int chosen)
    {
        bool gap = r.Candidates.Any(c => c.Gap is not null);
        var headers = new List<string> { "k", "inertia", "silhouette", "Calinski-Harabasz", "Davies-Bouldin" };
        if (gap)
        {
            headers.Add("gap ± se");
        }

        headers.Add("marks");
        var rows = r.Candidates.Select(c =>
        {
            var marks = new List<string>();
            if (c.K == chosen)
            {
                marks.Add("chosen");
            }

            if (c.K == r.RecommendedK && c.K != chosen)
            {
                marks.Add("recommended");
            }

            if (c.K == r.ElbowK)
            {
                marks.Add("elbow");
            }

            if (c.K == r.SilhouetteK)
            {
                marks.Add("best silhouette");
            }

            if (c.K == r.GapK)
            {
                marks.Add("gap rule");
            }

            var cells = new List<string>
            {
                c.K.ToString(C), c.Inertia.ToString("N1", C), c.Silhouette.ToString("0.000", C), c.CalinskiHarabasz.ToString("N1", C),
                c.DaviesBouldin.ToString("0.000", C),
            };
            if (gap)
            {
                cells.Add(c.Gap is { } g ? $"{g.ToString("0.000", C)} ± {(c.GapStandardError ?? 0).ToString("0.000", C)}" : "");
            }

            cells.Add(string.Join(", ", marks));
            return cells.ToArray();
        }).ToArray();
        return new TextTable([.. headers], headers.Select((h, i) => i < headers.Count - 1).ToArray(), rows);
    }

    public static TextTable FeatureIndex(SegmentProfiles p)
    {
        var features = p.KeyFeatures;
        var present = p.Segments.Where(s => s.Size > 0).ToArray();
        var rows = features.Select(f => new[] { f }.Concat(present.Select(s => Idx(s[f]))).ToArray()).ToArray();
        return new TextTable(["feature", .. present.Select(s => s.Name)], [false, .. present.Select(_ => true)], rows);
    }

    public static TextTable? Lift(LiftSection lift, SegmentProfiles p, string outcome)
    {
        var rows = new List<string[]>();
        if (lift.Binary.FirstOrDefault(b => b.Outcome == outcome) is { } b)
        {
            rows.AddRange(b.Segments.Select(s => Row(p[s.Segment].Name, s.Count, Pct(s.Rate), s.Lift, s.LiftInterval, s.Significant)));
            foreach (var r in lift.BaselineBinary.Where(x => x.Outcome == outcome).SelectMany(x => x.Segments))
            {
                rows.Add(Row($"{lift.BaselineName.ToUpperInvariant()}: {r.Name}", r.Count, Pct(r.Rate), r.Lift, r.LiftInterval, r.Significant));
            }

            return new TextTable(["segment", "customers", "rate", "lift", "interval", "differs"], [false, true, true, true, false, false], rows);
        }

        if (lift.Continuous.FirstOrDefault(c => c.Outcome == outcome) is { } c)
        {
            rows.AddRange(c.Segments.Select(s => Row(p[s.Segment].Name, s.Count, s.Mean.ToString("N2", C), s.Lift, s.LiftInterval, s.Significant)));
            foreach (var r in lift.BaselineContinuous.Where(x => x.Outcome == outcome).SelectMany(x => x.Segments))
            {
                rows.Add(Row($"{lift.BaselineName.ToUpperInvariant()}: {r.Name}", r.Count, r.Mean.ToString("N2", C), r.Lift, r.LiftInterval, r.Significant));
            }

            return new TextTable(["segment", "customers", "mean", "lift", "interval", "differs"], [false, true, true, true, false, false], rows);
        }

        return null;

        static string[] Row(string name, int count, string value, double lift, ConfidenceInterval ci, bool significant) =>
            [name, count.ToString("N0", C), value, lift.ToString("0.00", C), ci.ToString("0.00"), significant ? "yes" : "no"];
    }

    public static TextTable Stability(StabilityResult s, SegmentProfiles p) =>
        new(["segment", "mean Jaccard", "band", "dissolved", "recovered"], [false, true, false, true, true],
            s.Segments.Where(x => x.Segment < p.Count).Select(x => new[]
            {
                p[x.Segment].Name, x.MeanJaccard.ToString("0.00", C), Words(x.Band),
                $"{x.Dissolved} of {x.Jaccards.Count}", $"{x.Recovered} of {x.Jaccards.Count}",
            }).ToArray());

    public static TextTable DriftFeatures(DriftReport d) =>
        new(["feature", "PSI", "band", "baseline mean", "current mean", "shift (sd)"], [false, true, false, true, true, true],
            d.Features.OrderByDescending(f => f.Psi).ThenBy(f => f.Feature, StringComparer.Ordinal).Select(f => new[]
            {
                f.Feature, f.Psi.ToString("0.000", C), f.Band.ToString(), f.BaselineMean.ToString("0.###", C), f.CurrentMean.ToString("0.###", C),
                f.MeanShift?.ToString("+0.00;−0.00;0.00", C) ?? "",
            }).ToArray());

    public static TextTable DriftSegments(SegmentShareDrift mix, SegmentProfiles p) =>
        new(["segment", "baseline", "now", "change (points)"], [false, true, true, true],
            mix.Segments.Where(s => s.Segment < p.Count).Select(s => new[]
            {
                p[s.Segment].Name, Pct(s.BaselineShare), Pct(s.CurrentShare), (s.Change * 100).ToString("+0.0;−0.0;0.0", C),
            }).ToArray());

    public static TextTable Loadings(PcaModel pca)
    {
        int components = Math.Min(2, pca.Components);
        var headers = new List<string> { "feature" };
        for (int c = 0; c < components; c++)
        {
            headers.Add($"PC{c + 1} ({pca.ExplainedVarianceRatio[c].ToString("0%", C)})");
        }

        var rows = Enumerable.Range(0, pca.FeatureNames.Count)
            .Select(f => new[] { pca.FeatureNames[f] }.Concat(Enumerable.Range(0, components).Select(c => pca.Loadings[c, f].ToString("+0.00;−0.00;0.00", C))).ToArray())
            .ToArray();
        return new TextTable([.. headers], headers.Select((_, i) => i > 0).ToArray(), rows);
    }

    public static string Pct(double share) => double.IsFinite(share) ? ProfileDescriber.Percent(share) : "";

    public static string Idx(FeatureIndexRow? r) => r?.Index is { } i ? i.ToString("0", C) : "";

    public static string Words(StabilityBand? band) => band switch
    {
        StabilityBand.HighlyStable => "highly stable",
        StabilityBand.Stable => "stable",
        StabilityBand.Pattern => "pattern",
        StabilityBand.Unstable => "unstable",
        StabilityBand.Dissolved => "dissolved",
        _ => "",
    };

    private static string Rules(IReadOnlyDictionary<string, long> byRule) =>
        byRule.Count == 0 || byRule.Values.Sum() == 0 ? ""
            : " (" + string.Join("; ", byRule.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}: {p.Value.ToString("N0", C)}")) + ")";
}
