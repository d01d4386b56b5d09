using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>
/// One segment's response on one holdout outcome, taken from the validation report's lift section: the rate (binary
/// outcomes) or mean (continuous outcomes) and the lift over the population with its confidence interval.
/// </summary>
public sealed record OutcomeProfile
{
    /// <summary>The outcome column, e.g. <c>purchased_in_holdout</c> or <c>holdout_revenue</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>True for a 0/1 outcome (<see cref="Value"/> is a rate), false for a continuous one (a mean).</summary>
    public required bool Binary { get; init; }

    /// <summary>The segment's rate (binary) or mean (continuous).</summary>
    public required double Value { get; init; }

    /// <summary>The population's rate or mean.</summary>
    public required double Overall { get; init; }

    /// <summary>Value / Overall: 1 is average.</summary>
    public required double Lift { get; init; }

    /// <summary>The confidence interval on <see cref="Lift"/> (Wilson for binary, bootstrap for continuous).</summary>
    public required ConfidenceInterval LiftInterval { get; init; }

    /// <summary>True when <see cref="LiftInterval"/> excludes 1.</summary>
    public required bool Significant { get; init; }
}
