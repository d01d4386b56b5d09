using System.Data.Common;
using DuckDB.NET.Data;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>
/// Numeric columns of a Parquet or CSV file streamed through an in-memory DuckDB connection, so mini-batch k-means
/// runs in bounded memory (one batch plus the init sample) on files larger than RAM.
/// </summary>
/// <remarks>
/// Epochs read the file in its own order (DuckDB's insertion order, one thread, so the order is stable); if the
/// file is sorted by something that correlates with the segments, shuffle it first. The init sample is DuckDB's
/// seeded reservoir sample. Columns are cast to DOUBLE then stored as float32; a NULL or non-numeric value is an
/// <see cref="InputException"/>.
/// </remarks>
public sealed class DuckDbBatchSource : IFeatureBatchSource, IDisposable
{
    private readonly DuckDBConnection _db;
    private readonly string _from;
    private readonly string _select;
    private readonly string _path;

    /// <summary>Opens <paramref name="path"/> (<c>.parquet</c>, or <c>.csv</c>/<c>.csv.gz</c> with a header) and counts its rows.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">Feature columns to read, in order.</param>
    /// <exception cref="InputException">The file or a column is missing, or a column is not numeric.</exception>
    public DuckDbBatchSource(string path, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("at least one column is needed.", nameof(columns));
        }

        if (!File.Exists(path))
        {
            throw new InputException("the file does not exist.", file: path, fix: "check the path.");
        }

        _path = path;
        string lower = path.ToLowerInvariant();
        _from = lower.EndsWith(".parquet", StringComparison.Ordinal)
            ? $"read_parquet({SqlText.Literal(path)})"
            : $"read_csv({SqlText.Literal(path)}, header = true)";
        _select = string.Join(", ", columns.Select(c => $"CAST({SqlText.Ident(c)} AS DOUBLE)"));
        ColumnNames = columns.ToArray();
        _db = new DuckDBConnection("Data Source=:memory:");
        _db.Open();
        Execute("SET threads = 1; SET preserve_insertion_order = true");
        try
        {
            using var count = _db.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {_from}";
            Rows = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            using var probe = _db.CreateCommand();
            probe.CommandText = $"SELECT {_select} FROM {_from} LIMIT 0";
            probe.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            _db.Dispose();
            throw new InputException($"DuckDB cannot read the columns {string.Join(", ", columns)}: {FirstLine(e.Message)}", file: path,
                fix: "check the column names and that they hold numbers.");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc />
    public long Rows { get; }

    /// <summary>Always null: the file is streamed, so <see cref="KMeansModel.Labels"/> stays empty (use <see cref="KMeansModel.Predict"/>).</summary>
    public FeatureMatrix? Materialized => null;

    /// <inheritdoc />
    public FeatureMatrix Sample(int rows, int seed, CancellationToken cancellationToken)
    {
        string sql = $"SELECT {_select} FROM {_from} USING SAMPLE reservoir({Math.Max(1, rows)} ROWS) REPEATABLE ({(uint)seed % int.MaxValue})";
        return Read(sql, int.MaxValue, cancellationToken).SingleOrDefault() ?? new FeatureMatrix([], 0, ColumnNames.Count, ColumnNames);
    }

    /// <inheritdoc />
    public IEnumerable<FeatureMatrix> Batches(int batchSize, int epoch, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return Read($"SELECT {_select} FROM {_from}", batchSize, cancellationToken);
    }

    /// <summary>Closes the DuckDB connection.</summary>
    public void Dispose() => _db.Dispose();

    private IEnumerable<FeatureMatrix> Read(string sql, int batchSize, CancellationToken cancellationToken)
    {
        int d = ColumnNames.Count;
        using DbCommand command = _db.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var buffer = new List<float>(Math.Min(batchSize, 1 << 16) * d);
        long row = 0;
        while (reader.Read())
        {
            for (int j = 0; j < d; j++)
            {
                if (reader.IsDBNull(j))
                {
                    throw new InputException($"row {row + 1} of the stream is empty; k-means needs a number in every row.", file: _path,
                        column: ColumnNames[j], fix: "impute or drop missing values before clustering.");
                }

                buffer.Add((float)reader.GetDouble(j));
            }

            row++;
            if (buffer.Count == batchSize * d)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new FeatureMatrix(buffer.ToArray(), batchSize, d, ColumnNames);
                buffer.Clear();
            }
        }

        if (buffer.Count > 0)
        {
            yield return new FeatureMatrix(buffer.ToArray(), buffer.Count / d, d, ColumnNames);
        }
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string FirstLine(string message) => message.Split('\n')[0];
}
