using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Validation;

public static partial class ClusterIndices
{
    /// <summary>Checks a matrix and its labels once at the public boundary and counts the segments.</summary>
    /// <param name="x">The matrix (must be finite).</param>
    /// <param name="labels">One 0-based label per row.</param>
    /// <param name="what">The measure's name, for messages.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The label count differs from the row count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative or not below the row count.</exception>
    /// <exception cref="InputException">Fewer than 2 or more than n − 1 non-empty segments, or a non-finite value.</exception>
    internal static SegmentCounts CheckLabels(FeatureMatrix x, IReadOnlyList<int> labels, string what)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != x.Rows)
        {
            throw new ArgumentException($"{what}: there are {labels.Count} labels for {x.Rows} rows; give one label per row.", nameof(labels));
        }

        int[] l = labels as int[] ?? [.. labels];
        int max = -1;
        for (int i = 0; i < l.Length; i++)
        {
            if (l[i] < 0 || l[i] >= l.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), l[i],
                    $"{what}: label {l[i]} at row {i} is outside 0 … {l.Length - 1}; segment labels are 0-based ids below the row count.");
            }

            max = Math.Max(max, l[i]);
        }

        var counts = new int[max + 1];
        foreach (int v in l)
        {
            counts[v]++;
        }

        int distinct = counts.Count(c => c > 0);
        if (distinct < 2 || distinct > x.Rows - 1)
        {
            throw new InputException(
                $"{what} needs 2 to n − 1 segments (n = {x.Rows} rows), but the labels have {distinct} non-empty segment{(distinct == 1 ? "" : "s")}.",
                fix: distinct < 2 ? "cluster with k ≥ 2 (or check why every row landed in one segment)." : "use fewer segments than rows.");
        }

        ReadOnlySpan<float> v2 = x.Values;
        for (int k = 0; k < v2.Length; k++)
        {
            if (!float.IsFinite(v2[k]))
            {
                int c = k % x.Columns;
                throw new InputException($"{what}: the value at row {k / x.Columns}, column '{x.ColumnNames[c]}' is {v2[k]}; distances need finite numbers.",
                    column: x.ColumnNames[c], fix: "impute or drop non-finite values before validating.");
            }
        }

        return new SegmentCounts(l, counts, distinct);
    }

    /// <summary>Checked labels with their per-segment row counts (index = label; 0 for a gap).</summary>
    /// <param name="Labels">The labels as an array (the caller's array when it was one; never written).</param>
    /// <param name="Counts">Rows per label, length = largest label + 1.</param>
    /// <param name="Segments">Number of non-empty segments.</param>
    internal sealed record SegmentCounts(int[] Labels, int[] Counts, int Segments)
    {
        /// <summary>Largest label + 1.</summary>
        public int K => Counts.Length;
    }
}
