using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Reporting;

/// <summary>
/// Everything a segment report draws from: the feature table, the matrix k-means ran on and the model, the profiles and
/// the evaluated validation report, plus the optional parts (data quality, transform, PCA, silhouette, k selection, RFM
/// baseline, notes) whose panels appear only when given. Rows of <see cref="Table"/> and <see cref="Clustered"/> are the
/// same customers in the same order; <see cref="KMeansModel.Labels"/> of <see cref="Model"/> label them.
/// </summary>
public sealed record SegmentReportData
{
    /// <summary>The report's title; default "Customer segments".</summary>
    public string Title { get; init; } = "Customer segments";

    /// <summary>Row accounting of the load (rows read / loaded / filtered / rejected per table), or null to leave the panel out.</summary>
    public DataQualityReport? Quality { get; init; }

    /// <summary>The feature table (raw features, outcomes, attributes; rows = customers).</summary>
    public required FeatureTable Table { get; init; }

    /// <summary>The fitted feature transform (log, clipping, scaling), listed in the summary when given.</summary>
    public FeatureTransform? Transform { get; init; }

    /// <summary>The matrix k-means ran on (n × D, transformed); the PCA scatter and silhouette are drawn in this space.</summary>
    public required FeatureMatrix Clustered { get; init; }

    /// <summary>The fitted model; its labels (one per row) are the segments.</summary>
    public required KMeansModel Model { get; init; }

    /// <summary>A PCA of <see cref="Clustered"/> for the scatter; null fits one (2 components) on the clustered matrix.</summary>
    public PcaModel? Pca { get; init; }

    /// <summary>Per-customer silhouette values for the silhouette plot and the assignments file; null leaves them out.</summary>
    public SilhouetteResult? Silhouette { get; init; }

    /// <summary>The k sweep behind the choice of k (inertia, silhouette, CH, DB, gap by k), or null to leave the panel out.</summary>
    public KSelectionResult? KSelection { get; init; }

    /// <summary>The segment profiles (names, descriptions, indexes).</summary>
    public required SegmentProfiles Profiles { get; init; }

    /// <summary>The evaluated validation report (verdict, checks, lift, stability, drift).</summary>
    public required ValidationReport Validation { get; init; }

    /// <summary>The RFM baseline segmentation of the same customers, or null.</summary>
    public RfmSegmentation? Rfm { get; init; }

    /// <summary>Free text shown under the summary (e.g. the command that made the report), or null.</summary>
    public string? Notes { get; init; }
}
