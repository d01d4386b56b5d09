namespace SegmentLab.Models;

/// <summary>
/// A previous segment whose returning customers now make up most of two or more new segments: each new segment listed
/// draws more than half of its returning customers from it and receives at least a tenth of its returning customers.
/// </summary>
public sealed record SegmentSplit
{
    /// <summary>The previous segment's id.</summary>
    public required int PreviousId { get; init; }

    /// <summary>The previous segment's name.</summary>
    public required string PreviousName { get; init; }

    /// <summary>The new segments' ids, largest share first.</summary>
    public required IReadOnlyList<int> Ids { get; init; }

    /// <summary>Share of the previous segment's returning customers in each new segment, in the order of <see cref="Ids"/>.</summary>
    public required IReadOnlyList<double> Shares { get; init; }
}
