using Microsoft.Data.Analysis;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>
/// Named numeric columns of a <see cref="DataFrame"/> as a batch source (converted to float32 batch by batch, in a
/// seeded random order per epoch like <see cref="FeatureMatrixBatchSource"/>).
/// </summary>
public sealed class DataFrameBatchSource : IFeatureBatchSource
{
    private readonly DataFrameColumn[] _columns;
    private FeatureMatrix? _all;

    /// <summary>Uses <paramref name="columns"/> of <paramref name="frame"/>, in that order.</summary>
    /// <exception cref="InputException">A column is missing or not numeric.</exception>
    public DataFrameBatchSource(DataFrame frame, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("at least one column is needed.", nameof(columns));
        }

        var names = frame.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        _columns = new DataFrameColumn[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            if (!names.Contains(columns[i]))
            {
                throw new InputException($"the DataFrame has no column '{columns[i]}'.", column: columns[i],
                    fix: $"use one of: {string.Join(", ", names.Order(StringComparer.Ordinal))}.");
            }

            var column = frame.Columns[columns[i]];
            if (!IsNumeric(column.DataType))
            {
                throw new InputException($"column '{columns[i]}' holds {column.DataType.Name}, not numbers.", column: columns[i],
                    fix: "pass numeric feature columns only.");
            }

            _columns[i] = column;
        }

        ColumnNames = columns.ToArray();
        Rows = frame.Rows.Count;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc />
    public long Rows { get; }

    /// <summary>All rows in frame order as a float32 copy (built on first use; the frame is in memory anyway), so labels are filled.</summary>
    public FeatureMatrix? Materialized => _all ??= ToMatrix();

    /// <inheritdoc />
    public FeatureMatrix Sample(int rows, int seed, CancellationToken cancellationToken)
    {
        int[] order = FeatureMatrixBatchSource.Permutation((int)Rows, new SeededRandom(seed, -1));
        return Gather(order.AsSpan(0, (int)Math.Min(rows, Rows)));
    }

    /// <inheritdoc />
    public IEnumerable<FeatureMatrix> Batches(int batchSize, int epoch, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int[] order = FeatureMatrixBatchSource.Permutation((int)Rows, new SeededRandom(seed, int.MaxValue - epoch));
        for (int start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Gather(order.AsSpan(start, Math.Min(batchSize, order.Length - start)));
        }
    }

    /// <summary>All rows in frame order, as a matrix (for labelling after the fit).</summary>
    public FeatureMatrix ToMatrix() => Gather(Enumerable.Range(0, (int)Rows).ToArray());

    private FeatureMatrix Gather(ReadOnlySpan<int> rows)
    {
        int d = _columns.Length;
        var values = new float[rows.Length * d];
        for (int j = 0; j < d; j++)
        {
            DataFrameColumn column = _columns[j];
            for (int i = 0; i < rows.Length; i++)
            {
                object? v = column[rows[i]];
                if (v is null)
                {
                    throw new InputException($"row {rows[i]} is empty; k-means needs a number in every row.", column: column.Name,
                        fix: "impute or drop missing values before clustering.");
                }

                values[(i * d) + j] = (float)Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new FeatureMatrix(values, rows.Length, d, ColumnNames);
    }

    private static bool IsNumeric(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long) || t == typeof(short) ||
        t == typeof(byte) || t == typeof(decimal) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte);
}
