using SegmentLab.Features;

namespace SegmentLab.Validation;

/// <summary>
/// Choosing k: a k-means sweep over a range of k returning, per k, inertia, silhouette, Calinski-Harabasz,
/// Davies-Bouldin and the gap statistic, plus the elbow (kneedle), the gap statistic's choice (firstSEmax) and a
/// recommended k with its reason in words.
/// </summary>
public static partial class KSelection
{
    /// <summary>Fits k-means for every k in <see cref="KSelectionOptions.MinK"/>..<see cref="KSelectionOptions.MaxK"/> and scores each.</summary>
    /// <param name="data">The matrix to cluster (n × D, scaled), every value finite.</param>
    /// <param name="options">The k range and settings; default <see cref="KSelectionOptions"/>' defaults.</param>
    /// <param name="progress">Receives the fraction done, 0..1.</param>
    /// <param name="ct">Cancels between and within fits.</param>
    /// <exception cref="ArgumentException">An option is out of range (the message quotes it).</exception>
    public static KSelectionResult Sweep(FeatureMatrix data, KSelectionOptions? options = null,
        IProgress<double>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException("KSelection.Sweep is being written on wip/sweep.");
}
