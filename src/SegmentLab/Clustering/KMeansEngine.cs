namespace SegmentLab.Clustering;

/// <summary>Which implementation <see cref="KMeans.Fit"/> uses.</summary>
public enum KMeansEngine
{
    /// <summary>SegmentLab's own: scikit-learn semantics, deterministic for any thread count, SIMD kernels.</summary>
    SegmentLab,

    /// <summary>
    /// Microsoft.ML's <c>KMeansTrainer</c> (k-means++ init, Yinyang-accelerated Lloyd). Centroids are read back from
    /// the ML.NET model; labels (nearest centroid) and inertia are computed by SegmentLab. Sample weights, initial
    /// centroids and the tolerance are not honoured (see <see cref="KMeansOptions"/>).
    /// </summary>
    MlNet,
}
