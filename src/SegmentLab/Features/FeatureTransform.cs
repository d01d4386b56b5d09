using SegmentLab.Data;

namespace SegmentLab.Features;

/// <summary>
/// Transforms fitted on training data and stored with a model, so new data gets exactly the training-time transform:
/// log1p for skewed non-negative features, winsorizing at quantiles, standard or robust scaling. Constant columns are
/// dropped (and reported in <see cref="Dropped"/>); near-duplicate inputs are reported in <see cref="Correlated"/>.
/// Immutable.
/// </summary>
public sealed class FeatureTransform
{
    /// <summary>Creates a transform from fitted parts (for model files); use <see cref="Fit"/> to fit one.</summary>
    public FeatureTransform(IReadOnlyList<ColumnTransform> columns, IReadOnlyList<string> dropped, IReadOnlyList<CorrelatedPair> correlated)
    {
        Columns = columns;
        Dropped = dropped;
        Correlated = correlated;
    }

    /// <summary>The kept columns, in output order.</summary>
    public IReadOnlyList<ColumnTransform> Columns { get; }

    /// <summary>Input columns dropped because they are constant on the training data (after clipping), with no information for clustering.</summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>Pairs of kept columns whose transformed values correlate above the configured threshold (|r|), strongest first.</summary>
    public IReadOnlyList<CorrelatedPair> Correlated { get; }

    /// <summary>Names of the output columns.</summary>
    public IReadOnlyList<string> OutputNames => Columns.Select(c => c.Name).ToArray();

    /// <summary>Fits the transform on <paramref name="raw"/> (rows = customers, columns = input features).</summary>
    /// <exception cref="InputException">A column has NaN or infinite values, or log is forced on a column with negative values.</exception>
    public static FeatureTransform Fit(FeatureMatrix raw, TransformSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        settings ??= new TransformSettings();
        var kept = new List<ColumnTransform>();
        var dropped = new List<string>();
        var work = new double[raw.Rows];
        var transformed = new List<double[]>();
        for (int c = 0; c < raw.Columns; c++)
        {
            string name = raw.ColumnNames[c];
            double min = double.PositiveInfinity;
            for (int r = 0; r < raw.Rows; r++)
            {
                double v = raw[r, c];
                if (!double.IsFinite(v))
                {
                    throw new InputException($"feature '{name}' has a non-finite value ({v}) for row {r + 1}; clustering needs finite numbers.",
                        fix: "check the source column for NaN or infinite values, or leave the feature out of \"features.inputs\".");
                }

                work[r] = v;
                min = Math.Min(min, v);
            }

            double skew = Statistics.Skewness(work);
            bool forced = settings.Log.Contains(name);
            if (forced && min < 0)
            {
                throw new InputException($"'features.transforms.log' names '{name}', which has negative values (min {min}); log1p needs values ≥ 0.",
                    fix: $"remove '{name}' from \"features.transforms.log\".");
            }

            bool log = !settings.NoLog.Contains(name) && min >= 0 && (forced || skew > settings.SkewThreshold);
            if (log)
            {
                for (int r = 0; r < work.Length; r++)
                {
                    work[r] = Math.Log(1 + work[r]);
                }
            }

            double low = double.NegativeInfinity, high = double.PositiveInfinity;
            if (settings.WinsorizeLower is { } ql && settings.WinsorizeUpper is { } qh && work.Length > 0)
            {
                var sorted = (double[])work.Clone();
                Array.Sort(sorted);
                low = Statistics.Quantile(sorted, ql);
                high = Statistics.Quantile(sorted, qh);
                for (int r = 0; r < work.Length; r++)
                {
                    work[r] = Math.Clamp(work[r], low, high);
                }
            }

            var (center, scale) = Scaling(work, settings.Scaling);
            if (scale == 0 || !double.IsFinite(scale))
            {
                dropped.Add(name);
                continue;
            }

            var t = new ColumnTransform(name, log, skew, low, high, center, scale);
            kept.Add(t);
            transformed.Add(work.Select(v => (v - center) / scale).ToArray());
        }

        var pairs = new List<CorrelatedPair>();
        for (int i = 0; i < kept.Count; i++)
        {
            for (int j = i + 1; j < kept.Count; j++)
            {
                double r = Statistics.Pearson(transformed[i], transformed[j]);
                if (Math.Abs(r) > settings.CorrelationThreshold)
                {
                    pairs.Add(new CorrelatedPair(kept[i].Name, kept[j].Name, r));
                }
            }
        }

        return new FeatureTransform(kept, dropped, pairs.OrderByDescending(p => Math.Abs(p.R)).ToArray());
    }

    /// <summary>
    /// Applies the fitted transform to a raw matrix whose columns include every kept column by name (extra columns, and the
    /// dropped ones, are ignored). Returns rows × <see cref="Columns"/>.Count.
    /// </summary>
    /// <exception cref="ArgumentException">A kept column is missing from <paramref name="raw"/>.</exception>
    /// <exception cref="InputException">A transformed value is not finite (e.g. log1p of a value below −1 in new data); the feature is named.</exception>
    public FeatureMatrix Apply(FeatureMatrix raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var index = Columns.Select(c =>
        {
            int i = raw.ColumnNames.ToList().IndexOf(c.Name);
            return i >= 0 ? i : throw new ArgumentException($"the matrix has no column '{c.Name}', which the transform was fitted with. Columns: {string.Join(", ", raw.ColumnNames)}.", nameof(raw));
        }).ToArray();
        var values = new float[raw.Rows * Columns.Count];
        for (int r = 0; r < raw.Rows; r++)
        {
            for (int c = 0; c < Columns.Count; c++)
            {
                double v = Columns[c].Apply(raw[r, index[c]]);
                if (!double.IsFinite(v))
                {
                    throw new InputException($"feature '{Columns[c].Name}' becomes non-finite after its transform for row {r + 1} (raw value {raw[r, index[c]]}).",
                        fix: Columns[c].Log ? "the value is below −1, where log1p is undefined; check the source data." : "check the source data for NaN or infinite values.");
                }

                values[(r * Columns.Count) + c] = (float)v;
            }
        }

        return new FeatureMatrix(values, raw.Rows, Columns.Count, OutputNames);
    }

    private static (double Center, double Scale) Scaling(double[] x, string mode)
    {
        if (x.Length == 0)
        {
            return (0, 0);
        }

        double mean = x.Average();
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
        switch (mode)
        {
            case "none":
                return (0, sd == 0 ? 0 : 1);
            case "robust":
                var sorted = (double[])x.Clone();
                Array.Sort(sorted);
                double iqr = Statistics.Quantile(sorted, 0.75) - Statistics.Quantile(sorted, 0.25);
                // Mostly-zero columns have IQR 0 but still vary: fall back to the standard deviation rather than drop them.
                return (Statistics.Quantile(sorted, 0.5), iqr > 0 ? iqr : sd);
            default:
                return (mean, sd);
        }
    }
}
