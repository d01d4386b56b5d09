using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// The typed input tables of one load, held in an embedded in-memory DuckDB database, with their
/// <see cref="DataQualityReport"/>. Dispose it to release the database.
/// </summary>
/// <remarks>
/// Tables and columns (feature SQL reads these):
/// <list type="bullet">
/// <item><c>transactions(customer_id VARCHAR, order_id VARCHAR, ts TIMESTAMP, amount DECIMAL(18,4), quantity DECIMAL(18,4), unit_price DECIMAL(18,4),
/// product VARCHAR, category VARCHAR, channel VARCHAR, is_return BOOLEAN)</c> — optional columns are NULL when unmapped;</item>
/// <item><c>events(customer_id VARCHAR, ts TIMESTAMP, event_type VARCHAR, device VARCHAR)</c> when configured (the optional channel and
/// campaign columns are checked but not loaded: no feature reads them);</item>
/// <item><c>customers(customer_id VARCHAR, …attributes)</c> when configured: numeric attributes DOUBLE, categorical VARCHAR.</item>
/// </list>
/// </remarks>
public sealed class LoadedData : IDisposable
{
    private readonly string? _workDirectory;

    internal LoadedData(DuckDBConnection connection, SegmentLabConfig config, DataQualityReport quality,
        IReadOnlyList<string> numericAttributes, IReadOnlyList<string> categoricalAttributes, IReadOnlySet<string> present, IReadOnlySet<string> streamed,
        string? workDirectory = null)
    {
        _workDirectory = workDirectory;
        Present = present;
        Streamed = streamed;
        Connection = connection;
        Config = config;
        Quality = quality;
        NumericAttributes = numericAttributes;
        CategoricalAttributes = categoricalAttributes;
    }

    /// <summary>The config the data was loaded with.</summary>
    public SegmentLabConfig Config { get; }

    /// <summary>Rows read, loaded, filtered and rejected per table.</summary>
    public DataQualityReport Quality { get; }

    /// <summary>True when an events table was loaded.</summary>
    public bool HasEvents => Quality["events"] is not null;

    /// <summary>True when a customers table was loaded.</summary>
    public bool HasCustomers => Quality["customers"] is not null;

    /// <summary>Numeric attribute columns of the customers table (empty without one).</summary>
    public IReadOnlyList<string> NumericAttributes { get; }

    /// <summary>Categorical attribute columns of the customers table (empty without one).</summary>
    public IReadOnlyList<string> CategoricalAttributes { get; }

    /// <summary>Optional columns that hold values in the loaded rows, as <c>table.column</c> (e.g. <c>transactions.product</c>).</summary>
    internal IReadOnlySet<string> Present { get; }

    /// <summary>Tables too big to keep in memory: their view reads a temporary Parquet file, so each scan of them costs a file read.</summary>
    internal IReadOnlySet<string> Streamed { get; }

    /// <summary>The open DuckDB connection holding the tables.</summary>
    internal DuckDBConnection Connection { get; }

    /// <summary>Releases the database and deletes its staged Parquet files.</summary>
    public void Dispose()
    {
        Connection.Dispose();
        DeleteWorkDirectory(_workDirectory);
    }

    /// <summary>Deletes a load's work directory; a file still held open elsewhere is left to the system's temp cleaning.</summary>
    internal static void DeleteWorkDirectory(string? path)
    {
        try
        {
            if (path is not null && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
