using System.Globalization;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>
/// Builds segment profiles from a feature table, the segment labels and the validation report: sizes, revenue share,
/// feature indexes, categorical over-index, outcome lift, silhouette and stability, and evidence-based names and
/// descriptions (deterministic rules over the RFM and engagement indexes, documented in <c>docs/profiles.md</c>).
/// </summary>
public static partial class SegmentProfiler
{
    /// <summary>Profiles every segment of <paramref name="labels"/>.</summary>
    /// <param name="table">The feature table (raw features, rows = customers) the segments were fitted on.</param>
    /// <param name="labels">Segment id per table row, 0..K−1 (K = the report's segment count when it has one).</param>
    /// <param name="report">
    /// The validation report. Its feature index, categorical index, lift, separation and stability sections are used
    /// when present; feature index rows it lacks are computed from the table, so every numeric feature is profiled.
    /// </param>
    /// <param name="settings">Name overrides and the number of top features; default <see cref="ProfilingSettings"/>.</param>
    /// <param name="silhouette">Per-segment silhouette means, when computed; else the report's separation section is used.</param>
    /// <returns>One profile per segment id; empty segments get size 0, no features and the name "Empty segment".</returns>
    /// <exception cref="ArgumentException">The labels do not match the table's rows, a label is negative, or K disagrees with the report.</exception>
    /// <exception cref="InputException">A name override names a segment that does not exist, or the settings are out of range.</exception>
    public static SegmentProfiles Build(FeatureTable table, IReadOnlyList<int> labels, ValidationReport report,
        ProfilingSettings? settings = null, SilhouetteResult? silhouette = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(report);
        settings ??= new ProfilingSettings();
        ProfilingSettings.Check(settings, null);
        int? reportK = report.Data.SegmentSizes.Count > 0 ? report.Data.SegmentSizes.Count : null;
        int k = SegmentLabels.Count(labels, table.Rows, reportK);
        var overrides = Overrides(settings, k);
        var sizes = SegmentLabels.Sizes(labels, k);
        var revenue = RevenueShares(table, labels, k);
        var featureRows = FeatureRows(table, labels, report, k);
        var keyFeatures = KeyFeatures(table, report);

        var readers = new TraitReader[k];
        var traits = new IReadOnlyList<Trait>[k];
        var bases = new (string Name, string[] Used)[k];
        for (int s = 0; s < k; s++)
        {
            readers[s] = new TraitReader(featureRows[s]);
            traits[s] = sizes[s] == 0 ? [] : readers[s].Traits();
            bases[s] = sizes[s] == 0 ? ("Empty segment", []) : SegmentNamer.BaseName(readers[s]);
        }

        var names = SegmentNamer.Unique(bases, traits, readers, overrides, WithinSd(table, labels));
        var profiles = new SegmentProfile[k];
        for (int s = 0; s < k; s++)
        {
            var rows = featureRows[s];
            var key = rows.Where(r => keyFeatures.Contains(r.Feature) && r.StandardizedDifference is not null).ToArray();
            var profile = new SegmentProfile
            {
                Id = s,
                Name = names[s],
                NameOverridden = overrides.ContainsKey(s),
                Description = "",
                Size = sizes[s],
                Share = table.Rows == 0 ? 0 : (double)sizes[s] / table.Rows,
                RevenueShare = revenue[s],
                Features = rows,
                OverIndexed = key.Where(r => r.StandardizedDifference >= 0.2).OrderByDescending(r => r.StandardizedDifference)
                    .ThenBy(r => r.Feature, StringComparer.Ordinal).Take(settings.TopFeatures).ToArray(),
                UnderIndexed = key.Where(r => r.StandardizedDifference <= -0.2).OrderBy(r => r.StandardizedDifference)
                    .ThenBy(r => r.Feature, StringComparer.Ordinal).Take(settings.TopFeatures).ToArray(),
                TopCategories = TopCategories(report.CategoricalIndex, s, settings.TopFeatures),
                Outcomes = Outcomes(report.Lift, s),
                Silhouette = SilhouetteOf(silhouette, report.Separation, s),
                Stability = report.Stability?.Segments.FirstOrDefault(x => x.Segment == s)?.MeanJaccard,
                StabilityBand = report.Stability?.Segments.FirstOrDefault(x => x.Segment == s)?.Band,
                Traits = traits[s].Select(t => t.Key).ToArray(),
            };
            profiles[s] = profile with
            {
                Description = sizes[s] == 0 ? "No customers were assigned to this segment." : ProfileDescriber.Describe(profile, readers[s]),
            };
        }

        return new SegmentProfiles(profiles, labels.ToArray(), table.Features.Select(f => f.Name).ToArray(), keyFeatures);
    }

    private static Dictionary<int, string> Overrides(ProfilingSettings settings, int k)
    {
        var result = new Dictionary<int, string>();
        foreach (var (key, name) in settings.Names)
        {
            int id = int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
            if (id >= k)
            {
                throw new InputException($"'profiling.names' renames segment {id}, but the model has {k} segments (0..{k - 1}).",
                    fix: "remove the entry or use an id of this model (the report lists them).");
            }

            result[id] = name.Trim();
        }

        return result;
    }

    private static double[] RevenueShares(FeatureTable table, IReadOnlyList<int> labels, int k)
    {
        var shares = new double[k];
        if (!table.Has("monetary"))
        {
            Array.Fill(shares, double.NaN);
            return shares;
        }

        var monetary = table.Numeric("monetary");
        double total = 0;
        for (int i = 0; i < monetary.Length; i++)
        {
            shares[labels[i]] += monetary[i];
            total += monetary[i];
        }

        for (int s = 0; s < k; s++)
        {
            shares[s] = total > 0 ? shares[s] / total : double.NaN;
        }

        return shares;
    }
}
