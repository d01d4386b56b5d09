namespace SegmentLab.Models;

/// <summary>
/// A new segment that two or more previous segments mostly went into: each previous segment listed sends more than half
/// of its returning customers to it and provides at least a tenth of its returning customers.
/// </summary>
public sealed record SegmentMerge
{
    /// <summary>The new segment's id.</summary>
    public required int Id { get; init; }

    /// <summary>The previous segments' ids, largest share first.</summary>
    public required IReadOnlyList<int> PreviousIds { get; init; }

    /// <summary>Share of the new segment's returning customers from each previous segment, in the order of <see cref="PreviousIds"/>.</summary>
    public required IReadOnlyList<double> Shares { get; init; }
}
