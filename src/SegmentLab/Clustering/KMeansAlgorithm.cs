namespace SegmentLab.Clustering;

/// <summary>
/// How <see cref="KMeans"/> runs its iterations. Every choice gives the same labels, centroids and inertia from the
/// same seed (the pruned algorithms skip only distance computations that provably cannot change an assignment);
/// they differ only in speed.
/// </summary>
public enum KMeansAlgorithm
{
    /// <summary>Picks the fastest measured: currently always <see cref="Lloyd"/> (see <see cref="KMeans"/> and bench/README.md).</summary>
    Auto,

    /// <summary>Plain Lloyd iterations: every row against every centroid, every iteration, 16 rows per vector.</summary>
    Lloyd,

    /// <summary>Lloyd with Hamerly's bounds (one upper and one lower bound per row); skips whole 16-row tiles whose rows are all settled.</summary>
    Hamerly,

    /// <summary>Lloyd with Elkan's bounds (one lower bound per row and centroid): fewest distances computed, one pair at a time.</summary>
    Elkan,
}
