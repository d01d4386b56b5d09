namespace SegmentLab.Features;

/// <summary>What <see cref="FeatureBuilder.Export"/> wrote.</summary>
/// <param name="Path">The file written (full path).</param>
/// <param name="Rows">Customers (rows), ordered by customer id.</param>
/// <param name="Cutoff">Features use data strictly before this date.</param>
/// <param name="HoldoutEnd">End (exclusive) of the holdout window of the outcomes; null without one.</param>
/// <param name="Features">The numeric feature columns, in order.</param>
/// <param name="Outcomes">The holdout outcome columns (never clustering inputs).</param>
public sealed record FeatureExport(string Path, int Rows, DateOnly Cutoff, DateOnly? HoldoutEnd, IReadOnlyList<string> Features, IReadOnlyList<string> Outcomes);
