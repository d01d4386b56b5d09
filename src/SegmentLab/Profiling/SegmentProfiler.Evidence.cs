using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Profiling;

public static partial class SegmentProfiler
{
    /// <summary>
    /// Feature index rows per segment in table order: the report's rows where it has them, computed from the table for
    /// the rest (the report may cover only the clustering inputs).
    /// </summary>
    private static FeatureIndexRow[][] FeatureRows(FeatureTable table, IReadOnlyList<int> labels, ValidationReport report, int k)
    {
        var names = table.Features.Select(f => f.Name).ToArray();
        var have = new Dictionary<(int, string), FeatureIndexRow>();
        foreach (var r in report.FeatureIndex?.Rows ?? [])
        {
            if (r.Segment < k && table.Has(r.Feature))
            {
                have[(r.Segment, r.Feature)] = r;
            }
        }

        var covered = report.FeatureIndex?.Features.ToHashSet(StringComparer.Ordinal) ?? [];
        var missing = names.Where(n => !covered.Contains(n)).ToArray();
        if (missing.Length > 0 && labels.Count > 0)
        {
            var computed = FeatureIndex.Compute(table, labels, missing);
            foreach (var r in computed.Rows)
            {
                have[(r.Segment, r.Feature)] = r;
            }
        }

        var result = new FeatureIndexRow[k][];
        for (int s = 0; s < k; s++)
        {
            result[s] = names.Select(n => have.GetValueOrDefault((s, n))).Where(r => r is not null).Select(r => r!).ToArray();
        }

        return result;
    }

    /// <summary>
    /// A segment's standard deviation of a feature (n denominator), computed on first request and cached: only names
    /// that collide need it.
    /// </summary>
    private static Func<int, string, double> WithinSd(FeatureTable table, IReadOnlyList<int> labels)
    {
        var cache = new Dictionary<(int, string), double>();
        return (segment, feature) =>
        {
            if (!cache.TryGetValue((segment, feature), out double sd))
            {
                var values = table.Numeric(feature);
                double sum = 0, sumSq = 0;
                int n = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    if (labels[i] == segment && double.IsFinite(values[i]))
                    {
                        sum += values[i];
                        sumSq += values[i] * values[i];
                        n++;
                    }
                }

                double mean = n == 0 ? 0 : sum / n;
                sd = n == 0 ? 0 : Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean)));
                cache[(segment, feature)] = sd;
            }

            return sd;
        };
    }

    /// <summary>The features the over/under lists and the heatmap use: the clustering inputs when known, else the table's default inputs.</summary>
    private static string[] KeyFeatures(FeatureTable table, ValidationReport report)
    {
        var inputs = report.Data.Features.Where(table.Has).ToArray();
        return inputs.Length > 0 ? inputs : table.DefaultInputs.ToArray();
    }

    /// <summary>Values over-represented in the segment: index ≥ 125 and at least 5% of the segment, highest index first, per attribute.</summary>
    private static CategoryIndexRow[] TopCategories(CategoricalIndexResult? index, int segment, int top)
    {
        if (index is null)
        {
            return [];
        }

        return index.Rows
            .Where(r => r.Segment == segment && r.Value != CategoricalIndex.Other && r.Index >= 125 && r.ShareInSegment >= 0.05)
            .GroupBy(r => r.Attribute, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(r => r.Index).ThenBy(r => r.Value, StringComparer.Ordinal).Take(top))
            .OrderByDescending(r => r.Index).ThenBy(r => r.Attribute, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal)
            .ToArray();
    }

    private static OutcomeProfile[] Outcomes(LiftSection? lift, int segment)
    {
        if (lift is null)
        {
            return [];
        }

        var result = new List<OutcomeProfile>();
        foreach (var b in lift.Binary)
        {
            if (b[segment] is { } row)
            {
                result.Add(new OutcomeProfile
                {
                    Outcome = b.Outcome, Binary = true, Value = row.Rate, Overall = b.OverallRate, Lift = row.Lift,
                    LiftInterval = row.LiftInterval, Significant = row.Significant,
                });
            }
        }

        foreach (var c in lift.Continuous)
        {
            if (c[segment] is { } row)
            {
                result.Add(new OutcomeProfile
                {
                    Outcome = c.Outcome, Binary = false, Value = row.Mean, Overall = c.OverallMean, Lift = row.Lift,
                    LiftInterval = row.LiftInterval, Significant = row.Significant,
                });
            }
        }

        return result.ToArray();
    }

    private static double? SilhouetteOf(SilhouetteResult? silhouette, SeparationSummary? separation, int segment)
    {
        var means = silhouette?.SegmentMeans ?? separation?.SilhouetteSegmentMeans;
        return means is not null && segment < means.Count && !double.IsNaN(means[segment]) ? means[segment] : null;
    }
}
