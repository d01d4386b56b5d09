namespace SegmentLab.Clustering;

/// <summary>
/// A cluster that lost all its rows during an iteration and was restarted on the row farthest from its own centroid
/// (scikit-learn's rule); recorded in <see cref="KMeansDiagnostics.Relocations"/>.
/// </summary>
/// <param name="Iteration">1-based iteration in which the cluster was empty.</param>
/// <param name="Cluster">The empty cluster's index.</param>
/// <param name="Row">The training row that became its centroid.</param>
/// <param name="SquaredDistance">That row's squared distance to the centroid it had been assigned to.</param>
public readonly record struct EmptyClusterRelocation(int Iteration, int Cluster, int Row, double SquaredDistance);
