using System.Globalization;
using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Features;
using SegmentLab.Models;
using SegmentLab.Profiling;
using SegmentLab.Reporting;
using SegmentLab.Validation;

namespace SegmentLab.Pipeline;

public static partial class SegmentationPipeline
{
    /// <summary>
    /// Re-validates a saved model on the data the config describes (typically a newer export): features rebuilt with the
    /// model's feature settings as of <paramref name="cutoff"/>, customers assigned with the model's transforms, then the
    /// validation report — separation, lift on the new holdout, stability, and drift against the training baseline
    /// (feature PSI, segment mix, centroid shift, returning customers' agreement) — with the model's segment names.
    /// Writes <c>validation-&lt;cutoff&gt;.html</c>, <c>.md</c> and <c>.json</c> into the output folder.
    /// </summary>
    /// <param name="model">The saved model.</param>
    /// <param name="config">Where the new data is, the validation thresholds and the output folder (its <c>features</c> section is not used: the model's is).</param>
    /// <param name="cutoff">
    /// Features as of this date. Default null: the model's holdout length before the end of the data (the day after the
    /// last transaction minus <c>holdoutDays</c>), so the most recent window is the holdout and lift is measured; without
    /// a holdout, or when that date is not after the first transaction, the day after the last transaction.
    /// </param>
    /// <param name="options">Used: <see cref="PipelineOptions.OutputDirectory"/>, <see cref="PipelineOptions.WriteReport"/>,
    /// <see cref="PipelineOptions.Progress"/>, <see cref="PipelineOptions.Report"/> (its prefix is replaced), <see cref="PipelineOptions.Title"/>,
    /// <see cref="PipelineOptions.Notes"/>.</param>
    /// <param name="ct">Cancels between and within steps.</param>
    /// <exception cref="InputException">The data lacks a feature the model reads, or other bad data or settings.</exception>
    public static RevalidationResult Validate(SegmentModel model, SegmentLabConfig config, DateOnly? cutoff = null, PipelineOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new PipelineOptions();
        var steps = new PipelineSteps(options.Progress, ct);
        var notes = new List<string>();
        var (table, quality) = LoadFeatures(config, steps, q => model.Features with { Cutoff = cutoff ?? DefaultCutoff(model.Features, q, notes) });

        NoteHoldout(table, quality, notes);
        NoteHistory(model, table.Cutoff, quality, notes);
        return Revalidate(model, config, table, quality, options, steps, notes, asReport: false, ct);
    }

    /// <summary>
    /// The segment report of a saved model on the data the config describes: as <see cref="Validate(SegmentModel, SegmentLabConfig, DateOnly?, PipelineOptions?, CancellationToken)"/>
    /// (drift against the training baseline included), but written as the standard report files
    /// (<c>segment-report.html</c>, <c>.md</c>, assignments and segment CSVs, <c>metrics.json</c>).
    /// </summary>
    /// <param name="model">The saved model.</param>
    /// <param name="config">Where the data is, the validation thresholds and the output folder.</param>
    /// <param name="cutoff">Features as of this date; default null: the model's training cutoff, which reproduces the fit's report on the training data.</param>
    /// <param name="options">As for Validate.</param>
    /// <param name="ct">Cancels between and within steps.</param>
    /// <exception cref="InputException">The data lacks a feature the model reads, or other bad data or settings.</exception>
    public static RevalidationResult Report(SegmentModel model, SegmentLabConfig config, DateOnly? cutoff = null, PipelineOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new PipelineOptions();
        var steps = new PipelineSteps(options.Progress, ct);
        var notes = new List<string>();
        var (table, quality) = LoadFeatures(config, steps, _ => model.Features with { Cutoff = cutoff ?? model.Training.Cutoff });

        NoteHoldout(table, quality, notes);
        return Revalidate(model, config, table, quality, options, steps, notes, asReport: true, ct);
    }

    /// <summary>
    /// Scores the customers of the data the config describes with a saved model: features rebuilt with the model's
    /// settings as of <paramref name="cutoff"/> (default: the day after the last transaction, i.e. everything known now).
    /// </summary>
    /// <exception cref="InputException">The data lacks a feature the model reads, or other bad data or settings.</exception>
    public static SegmentAssignment Assign(SegmentModel model, SegmentLabConfig config, DateOnly? cutoff = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        ct.ThrowIfCancellationRequested();
        using var data = DataLoader.Load(config);
        ct.ThrowIfCancellationRequested();
        // Outcomes play no part in scoring: no holdout window.
        var table = FeatureBuilder.Build(data, model.Features with { Cutoff = cutoff, HoldoutDays = 0 });
        return model.Assign(table);
    }

    /// <summary>
    /// Re-validates a saved model on a feature table built with the model's feature settings (notebooks, tests); as
    /// <see cref="Validate(SegmentModel, SegmentLabConfig, DateOnly?, PipelineOptions?, CancellationToken)"/> from the assignment on.
    /// </summary>
    public static RevalidationResult Validate(SegmentModel model, FeatureTable table, SegmentLabConfig config, PipelineOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new PipelineOptions();
        return Revalidate(model, config, table, null, options, new PipelineSteps(options.Progress, ct), [], asReport: false, ct);
    }

    /// <summary>The file-name stem of a re-validation's outputs: <c>validation-yyyy-mm-dd</c>.</summary>
    public static string ValidationStem(DateOnly cutoff) => "validation-" + cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RevalidationResult Revalidate(SegmentModel model, SegmentLabConfig config, FeatureTable table, DataQualityReport? quality,
        PipelineOptions options, PipelineSteps steps, List<string> notes, bool asReport, CancellationToken ct)
    {
        // Drift, lift and profiles read the table: give them the values the model scores with.
        table = model.Align(table);
        var assignment = steps.Run("assign", () => model.Assign(table));
        int k = model.K;
        var km = new KMeansModel(model.Centroids, (int[])assignment.Labels, double.NaN, 0, false, [], KMeansDiagnostics.None);
        var validation = steps.Run("validate", p => SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table,
            Clustered = assignment.Clustered,
            Model = km,
            RefitOptions = new KMeansOptions { K = k, NInit = model.Segmentation.NInit, Seed = model.Segmentation.Seed },
            Settings = config.Validation,
            BaselineDistribution = model.BaselineDistribution,
            BaselineCentroids = model.BaselineCentroids,
            BaselineAssignments = (model.BaselineCustomerIds, model.BaselineLabels),
            BaselineSegmentShares = model.Baseline.Shares,
        }, p, ct));
        notes.AddRange(validation.Notes);
        var names = model.Names.Select((n, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Name: n)).ToDictionary(p => p.Key, p => p.Name);
        var profiles = steps.Run("profile", () => SegmentProfiler.Build(table, assignment.Labels, validation.Report,
            config.Profiling with { Names = names }, validation.Silhouette));
        validation = Named(validation, profiles.Names);

        var files = new List<string>();
        if (options.WriteReport)
        {
            string folder = OutputFolder(config, options.OutputDirectory);
            string stem = Path.Combine(folder, ValidationStem(table.Cutoff));
            steps.Run("report", () =>
            {
                var data = new SegmentReportData
                {
                    Title = options.Title ?? (asReport ? $"Customer segments as of {table.Cutoff:yyyy-MM-dd}" : $"Re-validation as of {table.Cutoff:yyyy-MM-dd}"),
                    Quality = quality,
                    Table = table,
                    Transform = model.Transform,
                    Clustered = assignment.Clustered,
                    Model = km,
                    Silhouette = validation.Silhouette,
                    Profiles = profiles,
                    Validation = validation.Report,
                    Rfm = validation.Rfm,
                    Notes = NotesText(options.Notes ?? $"Model {model.Checksum[..19]}… fitted {model.CreatedAt:yyyy-MM-dd} on data before {model.Training.Cutoff:yyyy-MM-dd}.", notes),
                };
                if (asReport)
                {
                    files.AddRange(SegmentReport.Write(data, folder, options.Report, ct).All);
                    return 0;
                }

                var reportOptions = (options.Report ?? new ReportOptions()) with { FilePrefix = "" };
                AtomicFile.WriteAllText(stem + ".html", SegmentReport.ToHtml(data, reportOptions));
                AtomicFile.WriteAllText(stem + ".md", SegmentReport.ToMarkdown(data));
                validation.Report.Save(stem + ".json");
                files.AddRange([stem + ".html", stem + ".md", stem + ".json"]);
                return 0;
            });
        }

        return new RevalidationResult(model, quality, table, assignment, validation, profiles, files, notes, steps.Timings);
    }

    /// <summary>
    /// Says when the history before the cutoff is much longer or shorter than at training: features that grow with the
    /// observed window (tenure, counts, totals) then drift with the window as well as with behaviour, which a reader of
    /// the drift checks needs to know.
    /// </summary>
    private static void NoteHistory(SegmentModel model, DateOnly cutoff, DataQualityReport quality, List<string> notes)
    {
        if (model.Training.FirstTransaction is not { } trainedFirst || quality["transactions"]?.FirstTimestamp is not { } first)
        {
            return;
        }

        int then = model.Training.Cutoff.DayNumber - DateOnly.FromDateTime(trainedFirst).DayNumber;
        int now = cutoff.DayNumber - DateOnly.FromDateTime(first).DayNumber;
        if (then > 0 && now > 0 && (now > then * 1.5 || then > now * 1.5))
        {
            notes.Add($"the data before the cutoff spans {now:N0} days, against {then:N0} days when the model was fitted: features that grow with the observed history (tenure, order counts, totals) drift with the window as well as with behaviour. Compare like with like by fitting on a window as long as the ones you validate on.");
        }
    }

    /// <summary>The day after the last transaction, less the model's holdout, when that leaves history before it.</summary>
    /// <summary>
    /// Loads the data and builds the features with the settings <paramref name="settingsFor"/> picks from what was loaded
    /// (a default cutoff depends on the data's last transaction). The database is closed once the features are read: the
    /// table is in .NET by then, and DuckDB's buffers (up to its memory limit) would otherwise stay resident through
    /// clustering and validation.
    /// </summary>
    private static (FeatureTable Table, DataQualityReport Quality) LoadFeatures(SegmentLabConfig config, PipelineSteps steps,
        Func<DataQualityReport, FeatureSettings> settingsFor)
    {
        using var data = steps.Run("load", () => DataLoader.Load(config));
        var settings = settingsFor(data.Quality);
        var table = steps.Run("features", () => FeatureBuilder.Build(data, settings));
        return (table, data.Quality);
    }

    private static DateOnly DefaultCutoff(FeatureSettings features, DataQualityReport quality, List<string> notes)
    {
        var q = quality["transactions"];
        var end = DateOnly.FromDateTime(q?.LastTimestamp ?? DateTime.Today).AddDays(1);
        if (features.HoldoutDays <= 0)
        {
            return end;
        }

        var cutoff = end.AddDays(-features.HoldoutDays);
        if (q?.FirstTimestamp is { } first && cutoff <= DateOnly.FromDateTime(first))
        {
            notes.Add($"the data spans less than the {features.HoldoutDays}-day holdout, so the cutoff is the end of the data ({end:yyyy-MM-dd}) and lift is not measured.");
            return end;
        }

        notes.Add($"cutoff {cutoff:yyyy-MM-dd}: the last {features.HoldoutDays} days of the data (to {end.AddDays(-1):yyyy-MM-dd}) are the holdout lift is measured on.");
        return cutoff;
    }
}
