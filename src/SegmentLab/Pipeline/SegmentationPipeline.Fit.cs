using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Models;
using SegmentLab.Profiling;
using SegmentLab.Reporting;
using SegmentLab.Validation;

namespace SegmentLab.Pipeline;

public static partial class SegmentationPipeline
{
    /// <summary>Transform onwards: the part shared by runs from files and from a feature table.</summary>
    private static PipelineResult Fit(SegmentLabConfig config, FeatureTable table, DataQualityReport? quality, SegmentationSettings settings,
        FeatureSettings features, PipelineOptions options, PipelineSteps steps, List<string> notes, CancellationToken ct)
    {
        var inputs = Inputs(config, table);
        var (transform, transformed) = steps.Run("transform", () =>
        {
            var raw = table.ToMatrix(inputs);
            var t = FeatureTransform.Fit(raw, features.Transforms);
            return (t, t.Apply(raw));
        });
        NoteTransform(transform, notes);
        if (transformed.Columns == 0)
        {
            throw new InputException($"every clustering input is constant over the {table.Rows:N0} customers ({string.Join(", ", transform.Dropped)}), so there is nothing to segment on.",
                file: config.SourceFile, fix: "name varying features in \"features.inputs\", or check the data and the cutoff.");
        }

        PcaModel? pca = null;
        var clustered = transformed;
        if (PcaOptionsFor(settings, options) is { } pcaOptions)
        {
            // Project with the PCA as the model file stores it, so the saved model reproduces these rows exactly.
            pca = steps.Run("pca", () => SegmentModel.AsStored(Pca.Fit(transformed, pcaOptions, ct)));
            clustered = pca.Transform(transformed);
            notes.Add($"clustering on {pca.Components} principal components explaining {pca.ExplainedVarianceRatio.Sum():P0} of the variance of the {transformed.Columns} transformed inputs.");
        }

        var kmeansOptions = new KMeansOptions { NInit = settings.NInit, Seed = settings.Seed };
        KSelectionResult? sweep = null;
        KMeansModel fitted;
        if (settings.K is { } k)
        {
            CheckK(k, clustered.Rows, config);
            fitted = steps.Run("fit", () => KMeans.Fit(clustered, kmeansOptions with { K = k }, ct));
        }
        else
        {
            int maxK = Math.Min(settings.MaxK, clustered.Rows - 1);
            if (maxK < settings.MinK)
            {
                throw new InputException($"there are {table.Rows:N0} customers, too few to sweep k from {settings.MinK} to {settings.MaxK}.",
                    file: config.SourceFile, fix: "use more data, or set a smaller 'segmentation.maxK' or --k.");
            }

            var sweepOptions = new KSelectionOptions
            {
                MinK = settings.MinK,
                MaxK = maxK,
                KMeans = kmeansOptions,
                Seed = settings.Seed,
                GapStatistic = options.GapStatistic,
            };
            sweep = steps.Run("choose k", p => KSelection.Sweep(clustered, sweepOptions, p, ct));
            // A candidate is exactly the fit of its k with these options: no refit needed.
            fitted = sweep[sweep.RecommendedK].Model;
            notes.Add($"k = {sweep.RecommendedK}: {sweep.Reason}");
        }

        var (kmeans, lineage) = steps.Run("identities", () => Renumber(fitted, clustered, table, options.Previous, settings));
        if (lineage is not null)
        {
            notes.AddRange(lineage.Describe());
        }

        var validation = steps.Run("validate", p => SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table,
            Clustered = clustered,
            Model = kmeans,
            RefitOptions = kmeansOptions with { K = kmeans.K },
            Settings = config.Validation,
        }, p, ct));
        notes.AddRange(validation.Notes);

        var ids = lineage?.Segments.Select(m => m.Id).ToArray() ?? Enumerable.Range(0, kmeans.K).ToArray();
        var profiles = steps.Run("profile", () => SegmentNaming.Profile(table, kmeans.Labels, validation, config.Profiling, ids, lineage, notes));
        validation = Named(validation, profiles.Names);

        var model = SegmentModel.Create(new SegmentModelInput
        {
            Table = table,
            Features = features with { Cutoff = table.Cutoff },
            Inputs = inputs,
            Transform = transform,
            Pca = pca,
            Clustered = clustered,
            KMeans = kmeans,
            Segmentation = settings with { K = kmeans.K },
            Validation = validation.Report,
            Names = profiles.Names,
            Descriptions = profiles.Segments.Select(s => s.Description).ToArray(),
            SegmentIds = ids,
            NextSegmentId = lineage?.NextSegmentId,
            Quality = quality,
            Lineage = lineage,
        });

        string folder = OutputFolder(config, options.OutputDirectory);
        var report = steps.Run("report", () => WriteReport(new SegmentReportData
        {
            Title = options.Title ?? "Customer segments",
            Quality = quality,
            Table = table,
            Transform = transform,
            Clustered = clustered,
            Model = kmeans,
            Silhouette = validation.Silhouette,
            KSelection = sweep,
            Profiles = profiles,
            Validation = validation.Report,
            Rfm = validation.Rfm,
            Notes = NotesText(options.Notes, notes),
        }, folder, options, ct));
        string? modelPath = options.ModelPath is { } path ? steps.Run("save", () => SaveModel(model, folder, path)) : null;
        return new PipelineResult(settings with { K = kmeans.K }, quality, table, inputs, transform, transformed, pca, clustered, sweep, kmeans, lineage,
            validation, profiles, model, report, folder, modelPath, notes, steps.Timings);
    }

    /// <summary>The configured inputs (checked against the table), or the table's default inputs.</summary>
    private static string[] Inputs(SegmentLabConfig config, FeatureTable table)
    {
        var inputs = (config.Features.Inputs ?? table.DefaultInputs).ToArray();
        if (inputs.Length == 0)
        {
            throw new InputException("there are no clustering inputs.", file: config.SourceFile, fix: "name features in \"features.inputs\" (see segmentlab features --list).");
        }

        var missing = inputs.Where(i => !table.Has(i) || table.Outcomes.Any(o => o.Name == i)).ToArray();
        if (missing.Length > 0)
        {
            throw new InputException(
                $"'features.inputs' names {string.Join(", ", missing.Select(m => $"'{m}'"))}, which {(missing.Length == 1 ? "is not a feature" : "are not features")} of this data (outcomes never feed clustering). Features: {string.Join(", ", table.Features.Select(f => f.Name))}.",
                file: config.SourceFile, fix: "use names from that list.");
        }

        return inputs;
    }

    private static void CheckK(int k, int rows, SegmentLabConfig config)
    {
        if (k >= rows)
        {
            throw new InputException($"k = {k} needs more than {k} customers; there are {rows:N0}.", file: config.SourceFile, fix: "use a smaller k.");
        }
    }

    private static void NoteTransform(FeatureTransform transform, List<string> notes)
    {
        if (transform.Dropped.Count > 0)
        {
            notes.Add($"constant on this data and left out of clustering: {string.Join(", ", transform.Dropped)}.");
        }

        foreach (var pair in transform.Correlated.Take(3))
        {
            notes.Add($"{pair.First} and {pair.Second} are near-duplicates (r = {pair.R:0.00}): together they weigh their shared signal twice.");
        }
    }

    private static string? NotesText(string? given, List<string> notes)
    {
        var lines = new List<string>();
        if (given is not null)
        {
            lines.Add(given);
        }

        lines.AddRange(notes);
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>
    /// Labels as the nearest centroid (what the saved model will predict), renumbered: by size on a first fit, by stable
    /// id against a previous model (matched segments keep their ids; appeared ones follow).
    /// </summary>
    private static (KMeansModel Model, SegmentLineage? Lineage) Renumber(KMeansModel fitted, FeatureMatrix clustered, FeatureTable table,
        SegmentModel? previous, SegmentationSettings settings)
    {
        int k = fitted.K;
        int[] labels = fitted.Predict(clustered);
        int[] order;
        SegmentLineage? lineage = null;
        if (previous is null)
        {
            var sizes = new int[k];
            foreach (int l in labels)
            {
                sizes[l]++;
            }

            order = Enumerable.Range(0, k).OrderByDescending(s => sizes[s]).ThenBy(s => s).ToArray();
        }
        else
        {
            var first = SegmentIdentities.Match(previous, table, labels, k, settings.MatchDistance);
            order = first.Segments.OrderBy(m => m.Change == SegmentChange.Kept ? 0 : 1).ThenBy(m => m.Change == SegmentChange.Kept ? m.Id : m.Label)
                .Select(m => m.Label).ToArray();
        }

        var model = Permute(fitted, labels, order);
        if (previous is not null)
        {
            // Matching again on the renumbered labels hands out fresh ids in label order.
            lineage = SegmentIdentities.Match(previous, table, model.Labels, k, settings.MatchDistance);
        }

        return (model, lineage);
    }

    /// <summary>The model with centroid <c>order[i]</c> as label i, and the labels mapped accordingly.</summary>
    private static KMeansModel Permute(KMeansModel m, int[] labels, int[] order)
    {
        int k = m.K, d = m.Centroids.Columns;
        var newLabelOf = new int[k];
        for (int i = 0; i < k; i++)
        {
            newLabelOf[order[i]] = i;
        }

        var centroids = new float[k * d];
        for (int i = 0; i < k; i++)
        {
            m.Centroids.Row(order[i]).CopyTo(centroids.AsSpan(i * d, d));
        }

        var mapped = labels.Select(l => newLabelOf[l]).ToArray();
        return new KMeansModel(new FeatureMatrix(centroids, k, d, m.Centroids.ColumnNames), mapped, m.Inertia, m.Iterations, m.Converged,
            m.RestartInertias, m.Diagnostics);
    }
}
