namespace SegmentLab.Data;

/// <summary>
/// Where one input table lives and how its files are written. Shared by <see cref="TransactionsSource"/>,
/// <see cref="EventsSource"/> and <see cref="CustomersSource"/>.
/// </summary>
public abstract record TableSource
{
    /// <summary>
    /// File path or glob (wildcards <c>*</c> and <c>?</c> in the file name, e.g. <c>exports/orders-*.csv.gz</c>),
    /// relative to the config file's folder. Plain CSV, gzip-compressed CSV (<c>.gz</c>) or Parquet (<c>.parquet</c>).
    /// </summary>
    public string Path { get; init; } = "";

    /// <summary><c>auto</c> (default: by extension), <c>csv</c> or <c>parquet</c>.</summary>
    public string Format { get; init; } = "auto";

    /// <summary>CSV field delimiter; default <c>,</c>. A single character, or <c>\t</c> for tab.</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>CSV quote character; default <c>"</c> (RFC 4180: a quote inside a field is doubled).</summary>
    public string Quote { get; init; } = "\"";

    /// <summary>Decimal separator of numbers in CSV files: <c>.</c> (default) or <c>,</c>.</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>
    /// strptime-style format of timestamp columns, e.g. <c>%Y-%m-%d %H:%M:%S</c> or <c>%d/%m/%Y %H:%M</c>;
    /// default null reads ISO 8601 (<c>2024-03-01 14:05:00</c>, <c>2024-03-01T14:05:00</c>, <c>2024-03-01</c>).
    /// </summary>
    public string? TimestampFormat { get; init; }

    /// <summary>CSV text encoding: <c>utf-8</c> (default; a byte-order mark is skipped), <c>utf-16</c> or <c>latin-1</c>.</summary>
    public string Encoding { get; init; } = "utf-8";
}
