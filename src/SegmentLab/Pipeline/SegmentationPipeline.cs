using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Models;
using SegmentLab.Reporting;
using SegmentLab.Validation;

namespace SegmentLab.Pipeline;

/// <summary>
/// The whole segmentation in one call, as the <c>segmentlab</c> command runs it: load → features → transform →
/// optional PCA → k sweep (or a fixed k) → k-means → stable ids → validation → profiles → report → model. Also
/// <see cref="Validate(SegmentModel, SegmentLabConfig, DateOnly?, PipelineOptions?, CancellationToken)"/> (a saved model on new data) and <see cref="Demo"/> (a generated sample end to end).
/// </summary>
/// <remarks>
/// Every step is seeded (the config's <c>segmentation.seed</c> and <c>validation.seed</c>), so a run is reproducible
/// whatever the thread count. Segment labels are renumbered after the fit: on a first fit by size (0 = largest), on a
/// refit with a previous model by stable id, so label order and id order agree.
/// </remarks>
public static partial class SegmentationPipeline
{
    /// <summary>Runs the pipeline on the data the config describes.</summary>
    /// <param name="config">The analyst's config (data, features, segmentation, validation, profiling).</param>
    /// <param name="options">Overrides and run-time choices; default none.</param>
    /// <param name="ct">Cancels between and within steps; throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InputException">Bad data or settings (the message names the file, column or key and the fix).</exception>
    /// <exception cref="ArgumentException">An option is out of range (quoted).</exception>
    public static PipelineResult Run(SegmentLabConfig config, PipelineOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new PipelineOptions();
        var steps = new PipelineSteps(options.Progress, ct);
        var settings = Resolve(config, options);
        var features = FeatureSettingsFor(config.Features, options.Cutoff);
        var (table, quality) = LoadFeatures(config, steps, _ => features);
        var notes = new List<string>();
        NoteHoldout(table, quality, notes);
        return Fit(config, table, quality, settings, features, options, steps, notes, ct);
    }

    /// <summary>
    /// Runs the pipeline from an already built feature table (notebooks, tests): transform onwards. The config supplies
    /// the settings and the output folder; its data sources are not read.
    /// </summary>
    /// <exception cref="InputException">Bad settings, or a configured input is not in the table.</exception>
    public static PipelineResult Run(FeatureTable table, SegmentLabConfig config, PipelineOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new PipelineOptions();
        var steps = new PipelineSteps(options.Progress, ct);
        var features = config.Features with { Cutoff = table.Cutoff, HoldoutDays = table.HoldoutEnd is { } end ? end.DayNumber - table.Cutoff.DayNumber : 0 };
        return Fit(config, table, null, Resolve(config, options), features, options, steps, [], ct);
    }

    /// <summary>The config's segmentation settings with the options' overrides, checked as the config would be.</summary>
    internal static SegmentationSettings Resolve(SegmentLabConfig config, PipelineOptions options)
    {
        var s = config.Segmentation;
        s = s with
        {
            K = options.K ?? (options.MinK is not null || options.MaxK is not null ? null : s.K),
            MinK = options.MinK ?? s.MinK,
            MaxK = options.MaxK ?? s.MaxK,
            NInit = options.NInit ?? s.NInit,
            Seed = options.Seed ?? s.Seed,
        };
        if (options.Pca is { } pca)
        {
            s = s with { Pca = true, PcaVariance = pca.VarianceThreshold ?? (pca.Components is null ? 1 : s.PcaVariance), Whiten = pca.Whiten };
        }

        SegmentationSettings.Check(s, config.SourceFile ?? "options");
        return s;
    }

    private static FeatureSettings FeatureSettingsFor(FeatureSettings features, DateOnly? cutoff) =>
        cutoff is { } c ? features with { Cutoff = c } : features;

    /// <summary>Says when the holdout window reaches past the data, where its outcomes read as "did nothing".</summary>
    private static void NoteHoldout(FeatureTable table, DataQualityReport quality, List<string> notes)
    {
        if (table.HoldoutEnd is not { } end || quality["transactions"]?.LastTimestamp is not { } last)
        {
            return;
        }

        var lastDay = DateOnly.FromDateTime(last);
        if (lastDay < table.Cutoff)
        {
            notes.Add($"the data ends on {lastDay:yyyy-MM-dd}, before the cutoff {table.Cutoff:yyyy-MM-dd}: the holdout window has no data, so outcome lift is skipped.");
        }
        else if (lastDay.AddDays(1) < end)
        {
            int covered = lastDay.DayNumber - table.Cutoff.DayNumber + 1, days = end.DayNumber - table.Cutoff.DayNumber;
            notes.Add($"the data ends on {lastDay:yyyy-MM-dd}: only {covered} of the {days} holdout days after the cutoff {table.Cutoff:yyyy-MM-dd} have data, so holdout rates are understated (lift compares segments, so it is less affected).");
        }
    }

    /// <summary>The PCA options the settings ask for, or null.</summary>
    private static PcaOptions? PcaOptionsFor(SegmentationSettings s, PipelineOptions options) =>
        options.Pca ?? (s.Pca ? new PcaOptions { VarianceThreshold = s.PcaVariance < 1 ? s.PcaVariance : null, Whiten = s.Whiten } : null);

    /// <summary>The config's output folder, or the options' (relative to the current folder).</summary>
    private static string OutputFolder(SegmentLabConfig config, string? overridden) =>
        overridden is null ? config.OutputDirectory : Path.GetFullPath(overridden);

    private static ReportFiles? WriteReport(SegmentReportData data, string folder, PipelineOptions options, CancellationToken ct) =>
        options.WriteReport ? SegmentReport.Write(data, folder, options.Report, ct) : null;

    private static string SaveModel(SegmentModel model, string folder, string path)
    {
        string full = Path.GetFullPath(path, folder);
        model.Save(full);
        return full;
    }

    /// <summary>The validation report with the segment names in its data section (so metrics JSON readers see them).</summary>
    private static SegmentValidationResult Named(SegmentValidationResult v, IReadOnlyList<string> names) =>
        new(v.Report with { Data = v.Report.Data with { SegmentNames = names } }, v.Silhouette, v.Rfm, v.Notes);
}
