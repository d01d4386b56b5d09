namespace SegmentLab.Validation;

/// <summary>How a <see cref="SilhouetteResult"/> was computed.</summary>
public enum SilhouetteMethod
{
    /// <summary>Every row scored against every row (Rousseeuw's silhouette; scikit-learn's <c>silhouette_score</c>).</summary>
    Exact,

    /// <summary>A stratified, seeded sample of rows scored exactly against all rows, with a confidence interval.</summary>
    Sampled,

    /// <summary>Centroid-based: a = distance to the own centroid, b = distance to the nearest other centroid; O(n·k).</summary>
    Simplified,
}
