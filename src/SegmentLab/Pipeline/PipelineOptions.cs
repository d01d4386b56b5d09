using SegmentLab.Decomposition;
using SegmentLab.Models;
using SegmentLab.Reporting;

namespace SegmentLab.Pipeline;

/// <summary>
/// Run-time choices of <see cref="SegmentationPipeline"/>. Settings left null come from the config's
/// <c>segmentation</c> and <c>features</c> sections, so the command line only overrides what the analyst typed.
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>A fixed number of segments (2..50), skipping the sweep; default null: the config's <c>segmentation.k</c>, else the sweep.</summary>
    public int? K { get; init; }

    /// <summary>Smallest k of the sweep; default null: the config's <c>segmentation.minK</c> (2).</summary>
    public int? MinK { get; init; }

    /// <summary>Largest k of the sweep; default null: the config's <c>segmentation.maxK</c> (10).</summary>
    public int? MaxK { get; init; }

    /// <summary>k-means++ restarts per fit; default null: the config's <c>segmentation.nInit</c> (10).</summary>
    public int? NInit { get; init; }

    /// <summary>Seed of the fit; default null: the config's <c>segmentation.seed</c> (0).</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Cluster on principal components with these options (components or variance threshold, whitening); default null:
    /// as the config's <c>segmentation.pca</c> says.
    /// </summary>
    public PcaOptions? Pca { get; init; }

    /// <summary>Compute the gap statistic in the k sweep (costs a k-means sweep per reference set); default true.</summary>
    public bool GapStatistic { get; init; } = true;

    /// <summary>Features as of this date instead of the config's <c>features.cutoff</c>; default null.</summary>
    public DateOnly? Cutoff { get; init; }

    /// <summary>Folder for the report (and relative model paths); default null: the config's output folder.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Write the segment report (HTML, Markdown, CSVs, metrics JSON); default true.</summary>
    public bool WriteReport { get; init; } = true;

    /// <summary>Save the model here (<c>*.segmodel.json</c>, relative to the output folder); default null: not saved.</summary>
    public string? ModelPath { get; init; }

    /// <summary>A previous model: segments matched to its segments keep their ids and names (<c>fit --previous</c>); default null.</summary>
    public SegmentModel? Previous { get; init; }

    /// <summary>Receives each step's name and fraction done (from worker threads during long steps); default null.</summary>
    public IProgress<PipelineProgress>? Progress { get; init; }

    /// <summary>Chart sampling, seed and file prefix of the report; default <see cref="ReportOptions"/>' defaults.</summary>
    public ReportOptions? Report { get; init; }

    /// <summary>The report's title; default "Customer segments".</summary>
    public string? Title { get; init; }

    /// <summary>Free text shown in the report under the summary (e.g. the command line), or null.</summary>
    public string? Notes { get; init; }
}
