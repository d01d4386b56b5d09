using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>
/// Builds segment profiles from a feature table, the segment labels and the validation report: sizes, revenue share,
/// feature indexes, categorical over-index, outcome lift, silhouette and stability, and evidence-based names and
/// descriptions (deterministic rules over the RFM and engagement indexes; see <c>docs/profiles.md</c>).
/// </summary>
public static partial class SegmentProfiler
{
    /// <summary>Profiles every segment of <paramref name="labels"/>.</summary>
    /// <param name="table">The feature table (raw features, rows = customers) the segments were fitted on.</param>
    /// <param name="labels">Segment id per table row, 0..K−1.</param>
    /// <param name="report">The validation report; its feature index, categorical index, lift and stability sections are used when present (the feature index is computed from the table otherwise).</param>
    /// <param name="settings">Name overrides and the number of top features; default <see cref="ProfilingSettings"/>.</param>
    /// <param name="silhouette">Per-segment silhouette means, when computed; else the report's separation section is used.</param>
    /// <exception cref="ArgumentException">The labels do not match the table's rows, or a label is negative.</exception>
    /// <exception cref="Data.InputException">A name override names a segment that does not exist, or settings are out of range.</exception>
    public static SegmentProfiles Build(FeatureTable table, IReadOnlyList<int> labels, ValidationReport report,
        ProfilingSettings? settings = null, SilhouetteResult? silhouette = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(report);
        settings ??= new ProfilingSettings();
        ProfilingSettings.Check(settings, null);
        throw new NotImplementedException("in progress");
    }
}
