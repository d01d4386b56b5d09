using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Models;
using SegmentLab.Profiling;
using SegmentLab.Reporting;
using SegmentLab.Validation;

namespace SegmentLab.Pipeline;

/// <summary>
/// Everything one <see cref="SegmentationPipeline.Run(SegmentLabConfig, PipelineOptions?, CancellationToken)"/> produced,
/// stage by stage, so a notebook can pick up any step's result. Labels are ordered by stable segment id (a first fit
/// numbers segments by size, largest first). Immutable.
/// </summary>
public sealed class PipelineResult
{
    internal PipelineResult(SegmentationSettings settings, DataQualityReport? quality, FeatureTable table, IReadOnlyList<string> inputs,
        FeatureTransform transform, FeatureMatrix transformed, PcaModel? pca, FeatureMatrix clustered, KSelectionResult? kSelection,
        KMeansModel kmeans, SegmentLineage? lineage, SegmentValidationResult validation, SegmentProfiles profiles, SegmentModel model,
        ReportFiles? report, string outputDirectory, string? modelPath, IReadOnlyList<string> notes, IReadOnlyList<StepTiming> timings)
    {
        Settings = settings;
        Quality = quality;
        Table = table;
        Inputs = inputs;
        Transform = transform;
        Transformed = transformed;
        Pca = pca;
        Clustered = clustered;
        KSelection = kSelection;
        KMeans = kmeans;
        Lineage = lineage;
        Validation = validation;
        Profiles = profiles;
        Model = model;
        Report = report;
        OutputDirectory = outputDirectory;
        ModelPath = modelPath;
        Notes = notes;
        Timings = timings;
    }

    /// <summary>The segmentation settings in effect (config plus overrides); stored in the model.</summary>
    public SegmentationSettings Settings { get; }

    /// <summary>Rows read, loaded, filtered and rejected per table; null when the run started from a feature table.</summary>
    public DataQualityReport? Quality { get; }

    /// <summary>The feature table (one row per customer; raw features, outcomes, attributes).</summary>
    public FeatureTable Table { get; }

    /// <summary>The raw features that fed clustering, in order.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The transform fitted on the inputs (log1p, winsorizing, scaling).</summary>
    public FeatureTransform Transform { get; }

    /// <summary>The transformed inputs, rows × kept columns.</summary>
    public FeatureMatrix Transformed { get; }

    /// <summary>The PCA clustering ran on, or null.</summary>
    public PcaModel? Pca { get; }

    /// <summary>The matrix k-means ran on: <see cref="Transformed"/>, or its principal component scores.</summary>
    public FeatureMatrix Clustered { get; }

    /// <summary>The k sweep, or null when k was fixed.</summary>
    public KSelectionResult? KSelection { get; }

    /// <summary>The final k-means model; its labels are the segments (label order = stable id order).</summary>
    public KMeansModel KMeans { get; }

    /// <summary>Segment of each customer, by label.</summary>
    public IReadOnlyList<int> Labels => KMeans.Labels;

    /// <summary>How the segments relate to the previous model's, or null without one.</summary>
    public SegmentLineage? Lineage { get; }

    /// <summary>The validation of the fit: the evaluated report, silhouette and RFM baseline.</summary>
    public SegmentValidationResult Validation { get; }

    /// <summary>The validation verdict (the CLI exits 1 on <see cref="CheckStatus.Fail"/>).</summary>
    public CheckStatus Verdict => Validation.Report.Verdict;

    /// <summary>The segment profiles with their final names.</summary>
    public SegmentProfiles Profiles { get; }

    /// <summary>The fitted model (save it with <see cref="SegmentModel.Save"/>).</summary>
    public SegmentModel Model { get; }

    /// <summary>The report files, or null when the report was not written.</summary>
    public ReportFiles? Report { get; }

    /// <summary>The output folder (absolute).</summary>
    public string OutputDirectory { get; }

    /// <summary>Where the model was saved, or null.</summary>
    public string? ModelPath { get; }

    /// <summary>What was skipped or adjusted and why, in run order.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Wall time per step, in run order.</summary>
    public IReadOnlyList<StepTiming> Timings { get; }

    /// <summary>A copy with other timings (the demo prepends its generate step).</summary>
    internal PipelineResult WithTimings(IReadOnlyList<StepTiming> timings) =>
        new(Settings, Quality, Table, Inputs, Transform, Transformed, Pca, Clustered, KSelection, KMeans, Lineage, Validation, Profiles, Model,
            Report, OutputDirectory, ModelPath, Notes, timings);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Model.K} segments of {Table.Rows:N0} customers on {Clustered.Columns} dimensions; silhouette {Validation.Silhouette.Mean:0.000}; verdict {Verdict.ToString().ToLowerInvariant()}";
}
