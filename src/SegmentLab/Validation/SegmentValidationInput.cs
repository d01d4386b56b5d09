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

    /// <summary>k-means options for the bootstrap refits of the stability check; null skips stability.</summary>
    public KMeansOptions? RefitOptions { get; init; }

    /// <summary>Outcomes, resampling and thresholds (the config's <c>validation</c> section). Default the defaults.</summary>
    public ValidationSettings Settings { get; init; } = new();

    /// <summary>The baseline's feature distribution (raw inputs) for per-feature PSI; null skips feature drift.</summary>
    public FeatureDistribution? BaselineDistribution { get; init; }

    /// <summary>The baseline model's centroids (K × D, in the clustered space) for centroid shift; null skips it.</summary>
    public FeatureMatrix? BaselineCentroids { get; init; }

    /// <summary>The baseline's customer ids and segments, for the agreement of returning customers; null skips it.</summary>
    public (IReadOnlyList<string> Ids, IReadOnlyList<int> Labels)? BaselineAssignments { get; init; }

    /// <summary>The baseline's share of customers per segment id, for the segment mix shift; null skips it.</summary>
    public IReadOnlyList<double>? BaselineSegmentShares { get; init; }
}
