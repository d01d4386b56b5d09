using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>
/// Settings of <see cref="KMeans.Fit"/>, with scikit-learn's defaults and meanings (<c>sklearn.cluster.KMeans</c>).
/// Validated once when <see cref="KMeans.Fit"/> is called.
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters, ≥ 1 and at most the number of distinct rows. Default 8.</summary>
    public int K { get; init; } = 8;

    /// <summary>
    /// Number of k-means++ restarts, ≥ 1; the one with the lowest inertia wins (ties: the lowest restart index).
    /// Default 10. Ignored (taken as 1) when <see cref="InitialCentroids"/> is set.
    /// </summary>
    public int NInit { get; init; } = 10;

    /// <summary>Maximum Lloyd iterations per restart, ≥ 1. Default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>
    /// Relative convergence tolerance, ≥ 0. A restart stops when the labels stop changing, or when the sum over
    /// centroids of the squared centroid shift is ≤ <c>Tolerance × mean over features of the feature variance</c>
    /// (unweighted, population variance), as scikit-learn does. Default 1e-4; 0 means "until the labels stop changing".
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>
    /// Seed of every random choice. Restart <c>r</c> draws from its own generator derived from (Seed, r), so results do
    /// not depend on <see cref="MaxDegreeOfParallelism"/>. Default 0.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>
    /// One non-negative, finite weight per row (at least one positive), or null for all 1. A weight of 2 counts the row
    /// twice in the centroids, the inertia and the k-means++ sampling. Default null.
    /// </summary>
    public IReadOnlyList<double>? SampleWeights { get; init; }

    /// <summary>
    /// Starting centroids (K × the data's columns) for a warm start instead of k-means++; then a single run is made.
    /// Default null.
    /// </summary>
    public FeatureMatrix? InitialCentroids { get; init; }

    /// <summary>Iteration strategy; all give the same result. Default <see cref="KMeansAlgorithm.Auto"/>.</summary>
    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Auto;

    /// <summary>Implementation. Default <see cref="KMeansEngine.SegmentLab"/>.</summary>
    public KMeansEngine Engine { get; init; } = KMeansEngine.SegmentLab;

    /// <summary>Most threads to use, ≥ 1, or null for all processors. Results are the same for any value. Default null.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
