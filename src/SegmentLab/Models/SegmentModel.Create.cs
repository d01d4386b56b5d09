using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Models;

public sealed partial class SegmentModel
{
    /// <summary>Builds a model from a fit's parts, capturing the training baseline (distributions, segment means, assignments, fingerprint).</summary>
    /// <exception cref="ArgumentException">The parts do not fit together (row counts, column counts, labels, ids), quoted in the message.</exception>
    public static SegmentModel Create(SegmentModelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = input.Table;
        var km = input.KMeans;
        int k = km.K, n = table.Rows;
        var labels = km.Labels;
        if (labels.Count != n || input.Clustered.Rows != n)
        {
            throw new ArgumentException($"the k-means labels ({labels.Count}) and the clustered rows ({input.Clustered.Rows}) must both number the table's {n} rows.", nameof(input));
        }

        if (input.Clustered.Columns != km.Centroids.Columns)
        {
            throw new ArgumentException($"the clustered rows have {input.Clustered.Columns} columns but the centroids {km.Centroids.Columns}.", nameof(input));
        }

        var ids = input.SegmentIds?.ToArray() ?? Enumerable.Range(0, k).ToArray();
        if (ids.Length != k || ids.Distinct().Count() != k || ids.Any(i => i < 0))
        {
            throw new ArgumentException($"segment ids [{string.Join(", ", ids)}] must be {k} distinct ids ≥ 0, one per label.", nameof(input));
        }

        if (input.Names is { } names && names.Count != k)
        {
            throw new ArgumentException($"{names.Count} names were given for {k} segments.", nameof(input));
        }

        var inputs = input.Inputs.ToArray();
        var raw = table.ToMatrix(inputs);
        var sizes = SegmentLabels.Sizes(labels, k);
        var report = input.Validation;
        var silhouettes = report?.Separation?.SilhouetteSegmentMeans;
        var segments = new ModelSegment[k];
        for (int s = 0; s < k; s++)
        {
            segments[s] = new ModelSegment
            {
                Id = ids[s],
                Name = input.Names?[s] ?? $"Segment {ids[s]}",
                Description = input.Descriptions?[s],
                Size = sizes[s],
                Share = n == 0 ? 0 : (double)sizes[s] / n,
                Silhouette = silhouettes is not null && s < silhouettes.Count ? silhouettes[s] : null,
                Outcomes = report?.Lift?.Binary.Select(b => b[s] is { } row
                    ? new SegmentOutcome { Outcome = b.Outcome, Rate = row.Rate, Lift = row.Lift, Significant = row.Significant }
                    : null).OfType<SegmentOutcome>().ToArray() ?? [],
                PreviousId = input.Lineage?.Segments.FirstOrDefault(m => m.Label == s && m.Change == SegmentChange.Kept)?.PreviousId,
            };
        }

        var baseline = new BaselineMetrics
        {
            Customers = n,
            Silhouette = report?.Separation?.SilhouetteMean,
            SilhouetteMethod = report?.Separation?.SilhouetteMethod?.ToString().ToLowerInvariant(),
            Sizes = sizes,
            Shares = sizes.Select(c => n == 0 ? 0 : (double)c / n).ToArray(),
            Outcomes = report?.Lift?.Binary.Select(b => new OutcomeBaseline
            {
                Outcome = b.Outcome,
                OverallRate = b.OverallRate,
                TopSegmentLift = b.TopSegmentLift,
                Gini = b.Gini,
                RfmGini = report.Lift.BaselineBinary.FirstOrDefault(r => r.Outcome == b.Outcome)?.Gini,
            }).ToArray() ?? [],
            Verdict = report is { Checks.Count: > 0 } ? report.Verdict : null,
        };

        var content = new SegmentModelContent
        {
            LibraryVersion = LibraryVersionText,
            Features = JsonSerializer.SerializeToElement(input.Features, ConfigReader.Options),
            Segmentation = JsonSerializer.SerializeToElement(input.Segmentation, ConfigReader.Options),
            Inputs = inputs,
            Fills = CaptureFills(table, inputs),
            Transform = new SegmentModelContent.TransformPart(input.Transform.Columns.ToArray(), input.Transform.Dropped.ToArray(), input.Transform.Correlated.ToArray()),
            Pca = input.Pca is { } pca ? ToPart(pca) : null,
            Centroids = ToPart(km.Centroids),
            Segments = segments,
            NextSegmentId = Math.Max(Math.Max(input.NextSegmentId ?? 0, input.Lineage?.NextSegmentId ?? 0), ids.Max() + 1),
            Baseline = baseline,
            Distribution = FeatureDistribution.Capture(raw),
            BaselineCentroids = ToPart(Drift.SegmentMeans(input.Clustered, labels, k)),
            Assignments = new SegmentModelContent.AssignmentsPart(table.CustomerIds.ToArray(), labels.ToArray()),
            Training = Fingerprint(table, raw, input.Quality),
            Lineage = input.Lineage,
        };
        var created = input.CreatedAt ?? DateTimeOffset.UtcNow;
        // Whole seconds: the file stores the time to the second, so a loaded model equals the saved one.
        created = DateTimeOffset.FromUnixTimeSeconds(created.ToUnixTimeSeconds());
        return FromContent(content, created);
    }

    /// <summary>
    /// The PCA as a model file stores it (loadings rounded to float32). Project the training rows with this copy, so
    /// the saved model reproduces the training labels exactly when it assigns the same customers.
    /// </summary>
    public static PcaModel AsStored(PcaModel pca)
    {
        ArgumentNullException.ThrowIfNull(pca);
        return ToPca(ToPart(pca));
    }

    /// <summary>The library version written into models: major.minor.patch of the SegmentLab assembly.</summary>
    internal static string LibraryVersionText => typeof(SegmentModel).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    private static TrainingFingerprint Fingerprint(FeatureTable table, FeatureMatrix raw, DataQualityReport? quality)
    {
        var builder = new StringBuilder();
        foreach (string id in table.CustomerIds)
        {
            builder.Append(id).Append('\n');
        }

        var summaries = new FeatureSummary[raw.Columns];
        for (int c = 0; c < raw.Columns; c++)
        {
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int r = 0; r < raw.Rows; r++)
            {
                double v = raw[r, c];
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            double mean = raw.Rows == 0 ? 0 : sum / raw.Rows, ss = 0;
            for (int r = 0; r < raw.Rows; r++)
            {
                ss += (raw[r, c] - mean) * (raw[r, c] - mean);
            }

            summaries[c] = new FeatureSummary
            {
                Feature = raw.ColumnNames[c],
                Mean = mean,
                StandardDeviation = raw.Rows == 0 ? 0 : Math.Sqrt(ss / raw.Rows),
                Min = raw.Rows == 0 ? 0 : min,
                Max = raw.Rows == 0 ? 0 : max,
            };
        }

        var tx = quality?["transactions"];
        return new TrainingFingerprint
        {
            Customers = table.Rows,
            TransactionRows = tx?.RowsLoaded,
            EventRows = quality?["events"]?.RowsLoaded,
            CustomerRows = quality?["customers"]?.RowsLoaded,
            FirstTransaction = tx?.FirstTimestamp,
            LastTransaction = tx?.LastTimestamp,
            Cutoff = table.Cutoff,
            HoldoutEnd = table.HoldoutEnd,
            CustomerIdsSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()))),
            Features = summaries,
        };
    }

    private static SegmentModelContent.MatrixPart ToPart(FeatureMatrix m) =>
        new(m.ColumnNames.ToArray(), Enumerable.Range(0, m.Rows).Select(r => (IReadOnlyList<float>)m.Row(r).ToArray()).ToArray());

    private static SegmentModelContent.PcaPart ToPart(PcaModel pca)
    {
        double total = pca.ExplainedVarianceRatio[0] > 0 ? pca.ExplainedVariance[0] / pca.ExplainedVarianceRatio[0] : 1;
        return new SegmentModelContent.PcaPart(pca.FeatureNames.ToArray(), pca.Mean.ToArray(),
            Enumerable.Range(0, pca.Components).Select(c => (IReadOnlyList<float>)pca.Loadings.Row(c).ToArray()).ToArray(),
            pca.ExplainedVariance.ToArray(), total, pca.TrainingRows, pca.Whiten);
    }
}
