namespace SegmentLab.Models;

/// <summary>
/// One segment of a <see cref="SegmentModel"/>: its stable id and name, and what it looked like at fit time. The
/// segment's position in <see cref="SegmentModel.Segments"/> is its label (the centroid row); <see cref="Id"/> is the
/// identity that survives refits (<c>fit --previous</c>) and is what marketing tools should store.
/// </summary>
public sealed record ModelSegment
{
    /// <summary>Stable segment id (0, 1, … on a first fit; kept across refits when the segment is matched).</summary>
    public required int Id { get; init; }

    /// <summary>Segment name (from profiling, the config's <c>profiling.names</c>, or the previous model).</summary>
    public required string Name { get; init; }

    /// <summary>One-sentence description from profiling, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Training customers in the segment.</summary>
    public required int Size { get; init; }

    /// <summary>Size / training customers.</summary>
    public required double Share { get; init; }

    /// <summary>Mean silhouette of the segment's training customers, or null when not computed.</summary>
    public double? Silhouette { get; init; }

    /// <summary>Lift on each binary holdout outcome at fit time (empty without a holdout).</summary>
    public IReadOnlyList<SegmentOutcome> Outcomes { get; init; } = [];

    /// <summary>The segment's id in the previous model when this one was matched to it on a refit; else null.</summary>
    public int? PreviousId { get; init; }
}
