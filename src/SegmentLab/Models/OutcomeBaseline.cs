namespace SegmentLab.Models;

/// <summary>How well the segments separated one binary holdout outcome at fit time, next to the RFM baseline.</summary>
public sealed record OutcomeBaseline
{
    /// <summary>The outcome column.</summary>
    public required string Outcome { get; init; }

    /// <summary>Share of all training customers with the outcome.</summary>
    public required double OverallRate { get; init; }

    /// <summary>Lift of the highest-rate segment.</summary>
    public required double TopSegmentLift { get; init; }

    /// <summary>Gini (accuracy ratio) of the segments' gains curve: 0 random, 1 perfect.</summary>
    public required double Gini { get; init; }

    /// <summary>The RFM baseline's Gini on the same customers, or null.</summary>
    public double? RfmGini { get; init; }
}
