namespace SegmentLab.Models;

/// <summary>Summary statistics of one raw clustering input on the training data (part of the data fingerprint).</summary>
public sealed record FeatureSummary
{
    /// <summary>The feature.</summary>
    public required string Feature { get; init; }

    /// <summary>Mean.</summary>
    public required double Mean { get; init; }

    /// <summary>Population standard deviation.</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Smallest value.</summary>
    public required double Min { get; init; }

    /// <summary>Largest value.</summary>
    public required double Max { get; init; }
}
