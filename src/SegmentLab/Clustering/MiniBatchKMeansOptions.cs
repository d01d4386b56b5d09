namespace SegmentLab.Clustering;

/// <summary>
/// Settings of <see cref="MiniBatchKMeans.Fit(IFeatureBatchSource, MiniBatchKMeansOptions, CancellationToken)"/>,
/// with scikit-learn's <c>MiniBatchKMeans</c> defaults and meanings. Validated once when the fit starts.
/// </summary>
public sealed record MiniBatchKMeansOptions
{
    /// <summary>Number of clusters, ≥ 1 and at most the rows of the init sample. Default 8.</summary>
    public int K { get; init; } = 8;

    /// <summary>Rows per mini-batch, ≥ 1. Default 1024 (scikit-learn's).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Most passes over the data, ≥ 1 (scikit-learn's <c>max_iter</c>). Default 100.</summary>
    public int MaxEpochs { get; init; } = 100;

    /// <summary>
    /// Most mini-batch steps, or null for <c>MaxEpochs × rows / BatchSize</c> (scikit-learn's <c>n_steps</c>). Default null.
    /// </summary>
    public int? MaxSteps { get; init; }

    /// <summary>Seed of the init sample, the k-means++ candidates, the batch order and reassignments. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>k-means++ candidates tried on the init sample (best inertia there wins), ≥ 1. Default 3 (scikit-learn's).</summary>
    public int NInit { get; init; } = 3;

    /// <summary>Rows sampled for initialisation, or null for 3 × BatchSize (at least 3 × K), capped at the rows. Default null.</summary>
    public int? InitSize { get; init; }

    /// <summary>
    /// A centroid whose accumulated count falls below this fraction of the largest count is moved to a random row of
    /// the current batch (checked every 10 × K rows, and whenever a centroid has count 0). 0 disables. Default 0.01.
    /// </summary>
    public double ReassignmentRatio { get; init; } = 0.01;

    /// <summary>
    /// Early stop when Σ squared centroid change in one step ≤ Tolerance × mean feature variance (of the init
    /// sample); 0 disables. Default 0 (scikit-learn's).
    /// </summary>
    public double Tolerance { get; init; }

    /// <summary>Early stop after this many steps without improvement of the smoothed batch inertia; null disables. Default 10.</summary>
    public int? MaxNoImprovement { get; init; } = 10;

    /// <summary>Most threads for the closing labelling pass; null for all processors. Results do not depend on it. Default null.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
