using System.Text.Json;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Models;

/// <summary>
/// The checksummed content of a model file (everything but the envelope's format, schema version, creation time and
/// checksum), as plain serializable records. Field order here is the order in the file.
/// </summary>
internal sealed record SegmentModelContent
{
    public required string LibraryVersion { get; init; }

    /// <summary>The config's <c>features</c> section as used for training (cutoff resolved), in the config's own JSON form.</summary>
    public required JsonElement Features { get; init; }

    /// <summary>The <c>segmentation</c> settings used, in the config's JSON form.</summary>
    public required JsonElement Segmentation { get; init; }

    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Training values of the population-filled inputs where undefined (see SegmentModel.TrainingFills); null when none. Optional in schema 1.</summary>
    public IReadOnlyDictionary<string, double>? Fills { get; init; }

    public required TransformPart Transform { get; init; }

    public PcaPart? Pca { get; init; }

    public required MatrixPart Centroids { get; init; }

    public required IReadOnlyList<ModelSegment> Segments { get; init; }

    public required int NextSegmentId { get; init; }

    public required BaselineMetrics Baseline { get; init; }

    public required FeatureDistribution Distribution { get; init; }

    public required MatrixPart BaselineCentroids { get; init; }

    public required AssignmentsPart Assignments { get; init; }

    public required TrainingFingerprint Training { get; init; }

    public SegmentLineage? Lineage { get; init; }

    /// <summary>The fitted feature transform.</summary>
    internal sealed record TransformPart(IReadOnlyList<ColumnTransform> Columns, IReadOnlyList<string> Dropped, IReadOnlyList<CorrelatedPair> Correlated);

    /// <summary>A fitted PCA: loadings as stored (float32 values), explained variance in float64.</summary>
    internal sealed record PcaPart(IReadOnlyList<string> FeatureNames, IReadOnlyList<double> Mean, IReadOnlyList<IReadOnlyList<float>> Components,
        IReadOnlyList<double> ExplainedVariance, double TotalVariance, int TrainingRows, bool Whiten);

    /// <summary>A small float32 matrix: column names and rows.</summary>
    internal sealed record MatrixPart(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<float>> Rows);

    /// <summary>Training customers' labels, as two parallel arrays (compact: about 12 bytes a customer).</summary>
    internal sealed record AssignmentsPart(IReadOnlyList<string> CustomerIds, IReadOnlyList<int> Labels);
}
