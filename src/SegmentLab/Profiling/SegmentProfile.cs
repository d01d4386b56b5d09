using System.Globalization;
using System.Text;
using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>
/// Who is in one segment and how they differ: size and share, revenue share, every feature's mean and median against
/// the population (the feature index), the most over- and under-indexed features, over-indexed categorical values,
/// holdout outcome lift, silhouette and bootstrap stability, and a name and a one-paragraph description generated from
/// that evidence (or the analyst's name from <c>profiling.names</c>). Immutable; made by <see cref="SegmentProfiler"/>.
/// </summary>
public sealed record SegmentProfile
{
    /// <summary>The segment id (0-based label).</summary>
    public required int Id { get; init; }

    /// <summary>The name: generated from the evidence (unique within the model) or the configured override.</summary>
    public required string Name { get; init; }

    /// <summary>One paragraph in plain English describing the segment, quoting the indexes it rests on.</summary>
    public required string Description { get; init; }

    /// <summary>True when <see cref="Name"/> came from <c>profiling.names</c> (or <see cref="SegmentProfiles.WithNames"/>) rather than the rules.</summary>
    public bool NameOverridden { get; init; }

    /// <summary>Customers in the segment.</summary>
    public required int Size { get; init; }

    /// <summary>Size / all customers, 0..1.</summary>
    public required double Share { get; init; }

    /// <summary>
    /// The segment's share of total <c>monetary</c> value (net purchase value before the cutoff), 0..1; NaN when the
    /// table has no <c>monetary</c> column or its total is not positive. Negative totals of a segment (returns exceeding
    /// purchases) count as they are, so shares sum to 1.
    /// </summary>
    public required double RevenueShare { get; init; }

    /// <summary>Every profiled feature's index row (segment and population mean and median, index, standardized difference), in table order.</summary>
    public required IReadOnlyList<FeatureIndexRow> Features { get; init; }

    /// <summary>The most over-indexed features (largest positive standardized difference first), at most <see cref="ProfilingSettings.TopFeatures"/>.</summary>
    public required IReadOnlyList<FeatureIndexRow> OverIndexed { get; init; }

    /// <summary>The most under-indexed features (most negative standardized difference first), at most <see cref="ProfilingSettings.TopFeatures"/>.</summary>
    public required IReadOnlyList<FeatureIndexRow> UnderIndexed { get; init; }

    /// <summary>Categorical values over-represented in the segment (index &gt; 100, highest first), at most <see cref="ProfilingSettings.TopFeatures"/> per attribute.</summary>
    public required IReadOnlyList<CategoryIndexRow> TopCategories { get; init; }

    /// <summary>Holdout outcome lift per outcome (binary outcomes first), empty without a holdout.</summary>
    public required IReadOnlyList<OutcomeProfile> Outcomes { get; init; }

    /// <summary>Mean silhouette of the segment's scored customers, or null when no silhouette was given.</summary>
    public double? Silhouette { get; init; }

    /// <summary>Mean bootstrap Jaccard of the segment (Hennig), or null when stability was not run.</summary>
    public double? Stability { get; init; }

    /// <summary>Hennig's band of <see cref="Stability"/>, or null.</summary>
    public StabilityBand? StabilityBand { get; init; }

    /// <summary>The traits the naming rules found, most distinctive first (e.g. <c>lapsed</c>, <c>one-time</c>, <c>low-value</c>).</summary>
    public required IReadOnlyList<string> Traits { get; init; }

    /// <summary>The feature row of <paramref name="feature"/>, or null when it was not profiled.</summary>
    public FeatureIndexRow? this[string feature] => Features.FirstOrDefault(f => f.Feature == feature);

    /// <summary>A few lines: name, size, share, revenue share, top features, description.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"Segment {Id}: {Name} — {Size:N0} customers ({Share:P1})");
        if (!double.IsNaN(RevenueShare))
        {
            sb.Append(c, $", {RevenueShare:P1} of revenue");
        }

        sb.AppendLine();
        if (OverIndexed.Count > 0)
        {
            sb.AppendLine("  over:  " + string.Join(", ", OverIndexed.Select(ProfileText.IndexPhrase)));
        }

        if (UnderIndexed.Count > 0)
        {
            sb.AppendLine("  under: " + string.Join(", ", UnderIndexed.Select(ProfileText.IndexPhrase)));
        }

        sb.Append("  ").Append(Description);
        return sb.ToString();
    }
}
