namespace SegmentLab.Data;

/// <summary>
/// How returns and cancellations are recognised among transaction lines. A line is a return when any enabled rule
/// matches. Returns are kept (features net them off and count them); they are never dropped silently.
/// </summary>
public sealed record CancellationRule
{
    /// <summary>A negative amount (or quantity) marks a return; default true.</summary>
    public bool NegativeAmount { get; init; } = true;

    /// <summary>Order ids starting with this text are cancellations (e.g. <c>C</c> in Online Retail); default null (off).</summary>
    public string? OrderIdPrefix { get; init; }

    /// <summary>A column whose value <c>1</c>, <c>true</c>, <c>yes</c> or <c>y</c> (any case) marks a return; default null (off).</summary>
    public string? FlagColumn { get; init; }
}
