using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Models;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Pipeline;

/// <summary>
/// What <see cref="SegmentationPipeline.Validate(Models.SegmentModel, Data.SegmentLabConfig, DateOnly?, PipelineOptions?, CancellationToken)"/> found on new data with a saved model: the assignments, the
/// validation report with drift against the training baseline, the profiles and the files written. Immutable.
/// </summary>
public sealed class RevalidationResult
{
    internal RevalidationResult(SegmentModel model, DataQualityReport? quality, FeatureTable table, SegmentAssignment assignment,
        SegmentValidationResult validation, SegmentProfiles profiles, IReadOnlyList<string> files, IReadOnlyList<string> notes, IReadOnlyList<StepTiming> timings)
    {
        Model = model;
        Quality = quality;
        Table = table;
        Assignment = assignment;
        Validation = validation;
        Profiles = profiles;
        Files = files;
        Notes = notes;
        Timings = timings;
    }

    /// <summary>The model validated.</summary>
    public SegmentModel Model { get; }

    /// <summary>Rows read, loaded, filtered and rejected per table; null when started from a feature table.</summary>
    public DataQualityReport? Quality { get; }

    /// <summary>The new data's features, built with the model's feature settings.</summary>
    public FeatureTable Table { get; }

    /// <summary>Features use data before this date.</summary>
    public DateOnly Cutoff => Table.Cutoff;

    /// <summary>The new customers' segments under the model.</summary>
    public SegmentAssignment Assignment { get; }

    /// <summary>The validation: separation, lift on the new holdout, stability, drift against the baseline.</summary>
    public SegmentValidationResult Validation { get; }

    /// <summary>The verdict (the CLI exits 1 on <see cref="CheckStatus.Fail"/>).</summary>
    public CheckStatus Verdict => Validation.Report.Verdict;

    /// <summary>Profiles of the segments on the new data, with the model's names.</summary>
    public SegmentProfiles Profiles { get; }

    /// <summary>Files written, HTML first: <c>validation-&lt;cutoff&gt;.html</c>, <c>.md</c>, <c>.json</c> (Validate) or the standard report files (Report); empty when nothing was written.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>What was skipped or adjusted and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Wall time per step.</summary>
    public IReadOnlyList<StepTiming> Timings { get; }
}
