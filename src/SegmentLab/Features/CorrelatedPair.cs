namespace SegmentLab.Features;

/// <summary>Two inputs whose transformed values are nearly collinear (|r| above the threshold): near-duplicates that double-weight one signal in k-means.</summary>
/// <param name="First">One feature.</param>
/// <param name="Second">The other.</param>
/// <param name="R">Pearson correlation of their transformed values.</param>
public sealed record CorrelatedPair(string First, string Second, double R);
