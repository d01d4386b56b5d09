using System.Text.Json.Serialization;

namespace SegmentLab.Validation;

/// <summary>Bootstrap stability of a segmentation (Hennig's clusterboot). Immutable; made by <see cref="ClusterStability.Bootstrap"/>.</summary>
public sealed record StabilityResult
{
    /// <summary>Replicates drawn.</summary>
    public required int Replicates { get; init; }

    /// <summary>The seed the resamples were drawn with.</summary>
    public required int Seed { get; init; }

    /// <summary>
    /// Rows of the fixed random subset every replicate resampled, when the data had more rows than
    /// <see cref="StabilityOptions.MaxRows"/>; null when replicates resampled all rows.
    /// </summary>
    public int? SubsetRows { get; init; }

    /// <summary>One entry per segment id 0..K−1 (<see cref="SegmentStability.Count"/> counts all rows, not the subset).</summary>
    public required IReadOnlyList<SegmentStability> Segments { get; init; }

    /// <summary>Mean over replicates of the adjusted Rand index between the original labels of the resampled customers and their bootstrap labels.</summary>
    public required double MeanAdjustedRandIndex { get; init; }

    /// <summary>The adjusted Rand index in each replicate, in replicate order.</summary>
    public required IReadOnlyList<double> AdjustedRandIndexes { get; init; }

    /// <summary>
    /// What the replicates resampled, for report text: "all customers", or "a fixed random subset of 50,000 customers
    /// (of the N; the cap keeps stability affordable at scale)" style wording with the figures.
    /// </summary>
    [JsonIgnore]
    public string ResampledText => SubsetRows is { } m
        ? $"each replicate resamples a fixed random subset of {m:N0} customers (validation.stabilityMaxRows), not all {Segments.Sum(s => s.Count):N0}"
        : "each replicate resamples all customers";

    /// <summary>The least stable segment (lowest mean Jaccard; lowest id on ties), or null without segments.</summary>
    [JsonIgnore]
    public SegmentStability? LeastStable => Segments.OrderBy(s => s.MeanJaccard).ThenBy(s => s.Segment).FirstOrDefault();
}
