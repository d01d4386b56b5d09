namespace SegmentLab.Clustering;

/// <summary>
/// How <see cref="KMeans"/> runs its iterations. Every choice gives the same labels, centroids and inertia from the
/// same seed (the pruned algorithms skip only distance computations that provably cannot change an assignment);
/// they differ only in speed.
/// </summary>
public enum KMeansAlgorithm
{
    /// <summary>Picks the fastest for the shape of the data (Hamerly for up to 64 features, Elkan above; see <see cref="KMeans"/>).</summary>
    Auto,

    /// <summary>Plain Lloyd iterations: every row against every centroid, every iteration.</summary>
    Lloyd,

    /// <summary>Lloyd with Hamerly's bounds (one upper and one lower bound per row): best for low dimensions.</summary>
    Hamerly,

    /// <summary>Lloyd with Elkan's bounds (one lower bound per row and centroid): best when distances are costly (many features).</summary>
    Elkan,
}
