using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Models;

/// <summary>
/// The parts of a fit that <see cref="SegmentModel.Create"/> turns into a model: the training table and its clustering
/// rows, the fitted transform, PCA and k-means, and optionally the validation report, names and lineage. The pipeline
/// fills it; notebooks that run the steps themselves can too.
/// </summary>
public sealed record SegmentModelInput
{
    /// <summary>The training feature table (raw features, one row per customer).</summary>
    public required FeatureTable Table { get; init; }

    /// <summary>The feature settings the table was built with, cutoff resolved (re-validation rebuilds features with them).</summary>
    public required FeatureSettings Features { get; init; }

    /// <summary>The raw inputs (by name) the transform was fitted on, in order.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The transform fitted on the inputs.</summary>
    public required FeatureTransform Transform { get; init; }

    /// <summary>
    /// The PCA applied after the transform, or null. Pass it through <see cref="SegmentModel.AsStored"/> before projecting
    /// the training rows, so assigning the training customers with the saved model reproduces their labels exactly.
    /// </summary>
    public PcaModel? Pca { get; init; }

    /// <summary>The rows k-means ran on (transformed, projected), one per table row.</summary>
    public required FeatureMatrix Clustered { get; init; }

    /// <summary>The fitted k-means model; its labels (one per table row) become the baseline assignments.</summary>
    public required KMeansModel KMeans { get; init; }

    /// <summary>The segmentation settings used; default the defaults.</summary>
    public SegmentationSettings Segmentation { get; init; } = new();

    /// <summary>The evaluated fit-time validation report (silhouette, lift, verdict), or null.</summary>
    public ValidationReport? Validation { get; init; }

    /// <summary>Segment names by label; default "Segment {id}".</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>One-sentence descriptions by label, or null.</summary>
    public IReadOnlyList<string>? Descriptions { get; init; }

    /// <summary>Stable ids by label (distinct, ≥ 0); default 0..K−1.</summary>
    public IReadOnlyList<int>? SegmentIds { get; init; }

    /// <summary>The id the next new segment gets; default one more than the largest id.</summary>
    public int? NextSegmentId { get; init; }

    /// <summary>The load's data-quality report, for the fingerprint's row counts and date range; or null.</summary>
    public DataQualityReport? Quality { get; init; }

    /// <summary>The relation to a previous model, when refitted with one.</summary>
    public SegmentLineage? Lineage { get; init; }

    /// <summary>When the model was fitted; default now (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
