namespace SegmentLab.Data;

/// <summary>
/// The <c>features.transforms</c> section: how clustering inputs are transformed. The fitted parameters are stored so
/// new data gets exactly the training-time transform.
/// </summary>
public sealed record TransformSettings
{
    /// <summary>Apply log1p to a non-negative feature whose skewness exceeds this; default 1.0. Use a large value to turn it off.</summary>
    public double SkewThreshold { get; init; } = 1.0;

    /// <summary>Features that always get log1p (when non-negative), whatever their skew; default none.</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>Features that never get log1p; default none.</summary>
    public IReadOnlyList<string> NoLog { get; init; } = [];

    /// <summary>Lower winsorizing quantile; default 0.01. Null turns winsorizing off (with <see cref="WinsorizeUpper"/>).</summary>
    public double? WinsorizeLower { get; init; } = 0.01;

    /// <summary>Upper winsorizing quantile; default 0.99.</summary>
    public double? WinsorizeUpper { get; init; } = 0.99;

    /// <summary><c>standard</c> (mean 0, population standard deviation 1; default), <c>robust</c> (median, IQR) or <c>none</c>.</summary>
    public string Scaling { get; init; } = "standard";

    /// <summary>Pairs of inputs with |Pearson r| above this are reported as near-duplicates; default 0.95.</summary>
    public double CorrelationThreshold { get; init; } = 0.95;
}
