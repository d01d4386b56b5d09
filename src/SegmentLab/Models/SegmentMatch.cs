namespace SegmentLab.Models;

/// <summary>One segment of a refit and the previous segment it was matched to, if any.</summary>
public sealed record SegmentMatch
{
    /// <summary>The new segment's label (position in the new model).</summary>
    public required int Label { get; init; }

    /// <summary>The new segment's stable id: the previous id when kept, a fresh id when appeared.</summary>
    public required int Id { get; init; }

    /// <summary>Kept (matched within the distance) or appeared.</summary>
    public required SegmentChange Change { get; init; }

    /// <summary>The previous segment it was paired with by the assignment, or null when there was none to pair (more new segments than old).</summary>
    public int? PreviousId { get; init; }

    /// <summary>The previous segment's name, or null.</summary>
    public string? PreviousName { get; init; }

    /// <summary>
    /// Distance between the new segment's centre and the paired previous centroid, in the previous model's clustering
    /// space (training standard deviations), or null when unpaired.
    /// </summary>
    public double? Distance { get; init; }
}
