namespace SegmentLab.Models;

/// <summary>One segment's result on one binary holdout outcome at fit time (e.g. purchased_in_holdout).</summary>
public sealed record SegmentOutcome
{
    /// <summary>The outcome column.</summary>
    public required string Outcome { get; init; }

    /// <summary>Share of the segment's customers with the outcome.</summary>
    public required double Rate { get; init; }

    /// <summary>Rate / overall rate: 1 is average.</summary>
    public required double Lift { get; init; }

    /// <summary>True when the lift's Wilson interval excludes 1.</summary>
    public required bool Significant { get; init; }
}
