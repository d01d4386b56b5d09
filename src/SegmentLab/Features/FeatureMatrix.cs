namespace SegmentLab.Features;

/// <summary>
/// A dense, row-major <see cref="float"/> matrix of <see cref="Rows"/> × <see cref="Columns"/> values with column
/// names: the currency between feature engineering, clustering, decomposition and validation.
/// </summary>
/// <remarks>
/// Storage is float32 (half the memory traffic of float64 in the distance kernels); algorithms that sum over
/// rows accumulate in float64. The matrix is immutable once built: the constructor takes ownership of the array
/// it is given and nothing in SegmentLab writes to it afterwards.
/// </remarks>
public sealed class FeatureMatrix
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (row-major, length <c>rows × columns</c>) without copying.</summary>
    /// <param name="values">Row-major values; ownership passes to the matrix, so the caller must not change them later.</param>
    /// <param name="rows">Number of rows (customers), ≥ 0.</param>
    /// <param name="columns">Number of columns (features), ≥ 1 unless <paramref name="rows"/> is 0.</param>
    /// <param name="columnNames">One name per column; defaults to <c>x0, x1, …</c>.</param>
    /// <exception cref="ArgumentException">The length does not match the shape, or the names do not match the columns.</exception>
    public FeatureMatrix(float[] values, int rows, int columns, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException(
                $"values has {values.Length} elements but the shape {rows} × {columns} needs {(long)rows * columns}.",
                nameof(values));
        }

        if (columnNames is not null && columnNames.Count != columns)
        {
            throw new ArgumentException(
                $"{columnNames.Count} column names were given for {columns} columns.", nameof(columnNames));
        }

        _values = values;
        Rows = rows;
        Columns = columns;
        ColumnNames = columnNames?.ToArray() ?? Enumerable.Range(0, columns).Select(c => $"x{c}").ToArray();
    }

    /// <summary>Number of rows (one per customer or sample).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>Column names, one per column.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The backing array, for internal kernels that need it without a copy.</summary>
    internal float[] Buffer => _values;

    /// <summary>Row <paramref name="row"/> as a span of <see cref="Columns"/> values.</summary>
    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public float this[int row, int column] => _values[(row * Columns) + column];

    /// <summary>Builds a matrix from jagged rows (copied); every row must have the same length.</summary>
    /// <exception cref="ArgumentException">Rows differ in length.</exception>
    public static FeatureMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? columnNames?.Count ?? 0 : rows[0].Count;
        var values = new float[rows.Count * columns];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
            {
                throw new ArgumentException($"row {r} has {rows[r].Count} values; row 0 has {columns}.", nameof(rows));
            }

            for (int c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = (float)rows[r][c];
            }
        }

        return new FeatureMatrix(values, rows.Count, columns, columnNames);
    }

    /// <summary>A new matrix holding the given rows, in the given order (copied).</summary>
    public FeatureMatrix SelectRows(ReadOnlySpan<int> rowIndexes)
    {
        var values = new float[rowIndexes.Length * Columns];
        for (int i = 0; i < rowIndexes.Length; i++)
        {
            Row(rowIndexes[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(values, rowIndexes.Length, Columns, ColumnNames);
    }
}
