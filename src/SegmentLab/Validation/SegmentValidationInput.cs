using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Validation;

/// <summary>
/// What <see cref="SegmentValidation.Run"/> validates: the feature table, the matrix k-means ran on, the fitted model,
/// and optionally the refit options for stability and the baseline parts for drift.
/// </summary>
public sealed record SegmentValidationInput
{
    /// <summary>The feature table (raw features, outcomes, attributes), one row per customer.</summary>
    public required FeatureTable Table { get; init; }

    /// <summary>The matrix k-means ran on (transformed, n × D), rows in the same order as <see cref="Table"/>.</summary>
    public required FeatureMatrix Clustered { get; init; }

    /// <summary>The fitted model; its <see cref="KMeansModel.Labels"/> are used when they cover the rows, else it predicts them.</summary>
    public required KMeansModel Model { get; init; }

    /// <summary>
    /// k-means options for the bootstrap refits of the stability check (normally the options of the fit); null skips
    /// stability. K is taken from <see cref="Model"/>; sample weights and initial centroids are dropped (a resample has
    /// other rows, and clusterboot refits from scratch); restarts are capped at <see cref="StabilityRestarts"/>.
    /// </summary>
    public KMeansOptions? RefitOptions { get; init; }

    /// <summary>
    /// Most k-means++ restarts per bootstrap refit, ≥ 1; default 3. The bootstrap refits k-means
    /// <see cref="ValidationSettings.StabilityReplicates"/> times (100 by default), so this bounds its cost on large data;
    /// the best of 3 restarts is close to the best of 10 on the segmentations worth validating.
    /// </summary>
    public int StabilityRestarts { get; init; } = 3;

    /// <summary>Up to this many rows the silhouette is exact; above it, sampled. Default 50,000.</summary>
    public int ExactSilhouetteLimit { get; init; } = 50_000;

    /// <summary>Rows scored by the sampled silhouette above <see cref="ExactSilhouetteLimit"/> (stratified, seeded with the settings' seed). Default 10,000.</summary>
    public int SilhouetteSampleSize { get; init; } = 10_000;

    /// <summary>Outcomes, resampling and thresholds (the config's <c>validation</c> section). Default the defaults.</summary>
    public ValidationSettings Settings { get; init; } = new();

    /// <summary>The baseline's feature distribution (raw inputs) for per-feature PSI; null skips feature drift.</summary>
    public FeatureDistribution? BaselineDistribution { get; init; }

    /// <summary>The baseline model's centroids (K × D, in the clustered space) for centroid shift; null skips it.</summary>
    public FeatureMatrix? BaselineCentroids { get; init; }

    /// <summary>The baseline's customer ids and segments, for the agreement of returning customers; null skips it.</summary>
    public (IReadOnlyList<string> Ids, IReadOnlyList<int> Labels)? BaselineAssignments { get; init; }

    /// <summary>
    /// The baseline's share of customers per segment id (K values summing to 1), for the segment mix shift; null skips it.
    /// The report's baseline counts are these shares times the baseline's customers when known (from
    /// <see cref="BaselineDistribution"/> or <see cref="BaselineAssignments"/>), else 0.
    /// </summary>
    public IReadOnlyList<double>? BaselineSegmentShares { get; init; }
}
