using SegmentLab.Data;

namespace SegmentLab.Validation;

public static partial class SegmentValidation
{
    /// <summary>The drift section from whichever baseline parts the input has; null when it has none.</summary>
    private static DriftReport? DriftAgainstBaseline(SegmentValidationInput input, IReadOnlyList<int> labels, int k)
    {
        if (input.BaselineDistribution is null && input.BaselineCentroids is null && input.BaselineAssignments is null && input.BaselineSegmentShares is null)
        {
            return null;
        }

        var table = input.Table;
        var options = new DriftOptions { PsiModerate = input.Settings.PsiWarn, PsiSignificant = input.Settings.PsiFail };
        int baselineCustomers = input.BaselineDistribution?.Customers ?? input.BaselineAssignments?.Ids.Count ?? 0;
        IReadOnlyList<FeatureDrift> features = [];
        if (input.BaselineDistribution is { } distribution)
        {
            var missing = distribution.Features.Select(f => f.Feature).Where(f => !table.Has(f)).ToArray();
            if (missing.Length > 0)
            {
                throw new InputException($"the new data has no feature {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the baseline has.",
                    column: missing[0], fix: $"build the same features as the baseline. The new data has: {string.Join(", ", table.Features.Select(f => f.Name))}.");
            }

            // The snapshot is of the raw inputs, so the current side is the table's raw columns of the same names.
            features = Drift.Features(distribution, table.ToMatrix(distribution.Features.Select(f => f.Feature)), options);
        }

        SegmentShareDrift? shares = null;
        if (input.BaselineSegmentShares is { } baselineShares)
        {
            shares = Shares(baselineShares, labels, k, baselineCustomers, options);
        }

        var centroids = input.BaselineCentroids is { } baseline
            ? Drift.Centroids(baseline, Drift.SegmentMeans(input.Clustered, labels, k))
            : null;
        var assignments = input.BaselineAssignments is { } a
            ? Drift.Assignments(a.Ids, a.Labels, table.CustomerIds, labels)
            : null;
        return new DriftReport
        {
            BaselineCustomers = baselineCustomers,
            CurrentCustomers = table.Rows,
            Features = features,
            Segments = shares,
            Centroids = centroids,
            Assignments = assignments,
        };
    }

    /// <summary>Segment mix shift against baseline shares (a saved model keeps shares, not labels).</summary>
    private static SegmentShareDrift Shares(IReadOnlyList<double> baseline, IReadOnlyList<int> labels, int k, int baselineCustomers, DriftOptions options)
    {
        if (baseline.Count != k)
        {
            throw new ArgumentException($"BaselineSegmentShares has {baseline.Count} values but the model has {k} segments.", "input");
        }

        double total = baseline.Sum();
        if (baseline.Any(s => !(s >= 0) || double.IsInfinity(s)) || Math.Abs(total - 1) > 1e-6)
        {
            throw new ArgumentException($"BaselineSegmentShares must be shares ≥ 0 summing to 1; they sum to {total}.", "input");
        }

        var sizes = SegmentLabels.Sizes(labels, k);
        int n = labels.Count;
        var rows = Enumerable.Range(0, k).Select(s => new SegmentShareShift
        {
            Segment = s,
            BaselineCount = (int)Math.Round(baseline[s] * baselineCustomers),
            BaselineShare = baseline[s],
            CurrentCount = sizes[s],
            CurrentShare = (double)sizes[s] / n,
        }).ToArray();
        double psi = Drift.Psi(baseline, rows.Select(r => r.CurrentShare).ToArray(), options.Epsilon);
        return new SegmentShareDrift { Segments = rows, Psi = psi, Band = Drift.Band(psi, options) };
    }
}
