using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>Statement helpers and the reader's reject types in plain English.</summary>
internal sealed partial class RawTable
{
    /// <summary>DuckDB's reject types in plain English.</summary>
    private static string Explain(string type, string message, TableSource source) => type switch
    {
        "MISSING COLUMNS" => "too few fields: " + FieldCounts(message),
        "TOO MANY COLUMNS" => "too many fields: " + FieldCounts(message) + $" (a value containing '{source.Delimiter}' must be quoted)",
        "UNQUOTED VALUE" => "bad quoting: a quote inside a value must be doubled, or the value must be quoted",
        "LINE SIZE OVER MAXIMUM" => $"the line is too long (over {MaxLineBytes / (1 << 20)} MB: an opening quote that is never closed swallows the lines after it)",
        "INVALID ENCODING" or "INVALID UNICODE" => $"the text is not valid {source.Encoding} (set \"encoding\": \"latin-1\" for Windows/Excel exports)",
        _ => $"{type.ToLowerInvariant()}: {FirstLine(message)}",
    };

    private static string FieldCounts(string message)
    {
        // DuckDB: "Expected Number of Columns: 4 Found: 3"
        var m = System.Text.RegularExpressions.Regex.Match(message, @"Columns:\s*(\d+)\s*Found:\s*(\d+)");
        return m.Success ? $"expected {m.Groups[1].Value}, found {m.Groups[2].Value}" : FirstLine(message);
    }

    /// <summary>The rows with the physical line each starts on (the reader counts records; see <see cref="CsvLineMap"/>).</summary>
    public List<RejectedRow> WithPhysicalLines(List<RejectedRow> rows)
    {
        if (!IsCsv || rows.Count == 0)
        {
            return rows;
        }

        var maps = rows.GroupBy(r => r.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => CsvLineMap.ToPhysical(g.Key, _encoding, _source.Quote[0], g.Select(r => r.Line)), StringComparer.Ordinal);
        return rows.Select(r => r with { Line = maps[r.File][r.Line] }).ToList();
    }

    internal static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    internal static void Execute(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        object? v = cmd.ExecuteScalar();
        return v is null or DBNull ? 0 : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
    }
}
