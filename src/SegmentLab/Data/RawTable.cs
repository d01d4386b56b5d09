using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// Reads one table's files into a DuckDB temp table of text columns plus <c>__path</c> (the file); see
/// <see cref="FileIndexSql"/> and <see cref="RecordSql"/> for where each row came from. Structurally malformed CSV rows
/// (wrong field count, bad quoting, bad encoding) are collected by DuckDB's reject store and come back in
/// <see cref="Rejects"/> with their line numbers.
/// </summary>
internal sealed class RawTable
{
    private RawTable(string name, IReadOnlyList<string> files, IReadOnlyList<string> columns, bool isCsv, List<RejectedRow> rejects, long rows)
    {
        Name = name;
        Files = files;
        Columns = columns;
        IsCsv = isCsv;
        Rejects = rejects;
        Rows = rows;
    }

    public string Name { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<string> Columns { get; }

    public bool IsCsv { get; }

    /// <summary>Rows DuckDB could not split into the header's fields.</summary>
    public List<RejectedRow> Rejects { get; }

    /// <summary>Rows in the raw table (read minus structural rejects).</summary>
    public long Rows { get; }

    public string SqlName => $"raw_{Name}";

    /// <summary>SQL for the 0-based index of a row's file in <see cref="Files"/>.</summary>
    public string FileIndexSql => Files.Count == 1 ? "0" : $"(list_position([{string.Join(", ", Files.Select(SqlText.Literal))}], __path) - 1)";

    /// <summary>
    /// SQL for a row's 1-based record number within its file. CSV: the table keeps the reader's order, so the rowid minus
    /// the file's first rowid counts records (no window function over the whole table needed).
    /// </summary>
    public string RecordSql { get; private init; } = "__rec";

    public static RawTable Read(DuckDBConnection db, SegmentLabConfig config, TableSource source, string table)
    {
        var files = TableFiles.Resolve(config, source, table);
        bool csv = TableFiles.FormatOf(source, files) == "csv";
        string fileList = "[" + string.Join(", ", files.Select(SqlText.Literal)) + "]";
        var rejects = new List<RejectedRow>();
        IReadOnlyList<string> columns;
        string sql;
        if (csv)
        {
            var headers = files.Select(f => CsvHeader.Read(f, source, table)).ToList();
            columns = headers[0].Columns;
            foreach (var h in headers.Skip(1))
            {
                if (!h.Columns.SequenceEqual(columns, StringComparer.Ordinal))
                {
                    throw new InputException(
                        $"its header ({string.Join(", ", h.Columns)}) differs from that of {headers[0].File} ({string.Join(", ", columns)}).",
                        file: h.File, line: 1, fix: $"all files matched by '{table}.path' must have the same columns in the same order.");
                }

                if (h.Encoding != headers[0].Encoding)
                {
                    throw new InputException($"its encoding ({h.Encoding}) differs from that of {headers[0].File} ({headers[0].Encoding}).",
                        file: h.File, fix: "save all files of one table in the same encoding.");
                }
            }

            string delimiter = source.Delimiter == "\\t" ? "\t" : source.Delimiter;
            // A gzip stream cannot be split, so DuckDB's parallel scan only adds coordination: read it on one thread.
            bool gzip = files.All(f => f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
            string types = "{" + string.Join(", ", columns.Select(c => $"{SqlText.Literal(c)}: 'VARCHAR'")) + "}";
            sql = $"""
                CREATE TEMP TABLE raw_{table} AS
                SELECT * FROM read_csv({fileList}, header = true, auto_detect = false, delim = {SqlText.Literal(delimiter)},
                              quote = {SqlText.Literal(source.Quote)}, escape = {SqlText.Literal(source.Quote)},
                              encoding = {SqlText.Literal(headers[0].Encoding)}, columns = {types}, filename = '__path',
                              store_rejects = true, rejects_table = 'rejects_{table}', rejects_scan = 'rejects_scan_{table}',
                              null_padding = false, max_line_size = 10000000{(gzip ? ", parallel = false" : "")})
                """;
        }
        else
        {
            columns = Describe(db, $"SELECT * FROM read_parquet({fileList})", files[0]);
            sql = $"""
                CREATE TEMP TABLE raw_{table} AS
                SELECT CAST(COLUMNS(c -> c NOT IN ('filename', 'file_row_number')) AS VARCHAR),
                       filename AS __path, file_row_number + 1 AS __rec
                FROM read_parquet({fileList}, filename = true, file_row_number = true)
                """;
        }

        // Truncation checks run beside DuckDB's read: both decompress, on different cores.
        var gzChecks = files.Where(f => f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            .Select(f => (File: f, Problem: Task.Run(() => GzipIntegrity.Check(f)))).ToList();
        try
        {
            using var _ = StepTrace.Step($"{table}: read files");
            Execute(db, sql);
        }
        catch (DuckDBException e)
        {
            throw new InputException($"the {table} files could not be read: {FirstLine(e.Message)}", file: string.Join(", ", files),
                fix: csv ? "check that the file is complete (not truncated), is CSV and uses the configured delimiter and encoding."
                         : "check that the file is a complete Parquet file.");
        }

        using var gzWait = StepTrace.Step($"{table}: gzip check wait");
        foreach (var (file, problem) in gzChecks)
        {
            if (problem.Result is { } text)
            {
                throw new InputException($"{text}.", file: file, fix: "the file is truncated or damaged (an interrupted download or copy?); copy or export it again.");
            }
        }

        if (csv)
        {
            rejects.AddRange(ReadRejects(db, table, files, source));
        }

        long rows = Scalar(db, $"SELECT count(*) FROM raw_{table}");
        string record = "__rec";
        if (csv)
        {
            record = files.Count == 1 ? "(rowid + 1)" : FirstRowIds(db, table, files);
        }

        return new RawTable(table, files, columns, csv, rejects, rows) { RecordSql = record };
    }

    private static string FirstRowIds(DuckDBConnection db, string table, IReadOnlyList<string> files)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT __path, min(rowid) FROM raw_{table} GROUP BY __path";
        using var r = cmd.ExecuteReader();
        var cases = new List<string>();
        while (r.Read())
        {
            cases.Add($"WHEN {SqlText.Literal(r.GetString(0))} THEN {Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return $"(rowid + 1 - CASE __path {string.Join(" ", cases)} ELSE 0 END)";
    }

    private static IReadOnlyList<string> Describe(DuckDBConnection db, string select, string file)
    {
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"DESCRIBE {select}";
            using var r = cmd.ExecuteReader();
            var names = new List<string>();
            while (r.Read())
            {
                names.Add(r.GetString(0));
            }

            return names;
        }
        catch (DuckDBException e)
        {
            throw new InputException($"the file is not a readable Parquet file: {FirstLine(e.Message)}", file: file,
                fix: "check that the file is a complete Parquet file, or set \"format\": \"csv\" if it is CSV.");
        }
    }

    private static IEnumerable<RejectedRow> ReadRejects(DuckDBConnection db, string table, IReadOnlyList<string> files, TableSource source)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT s.file_path, r.line, r.column_name, r.error_type, r.csv_line, r.error_message
            FROM rejects_{table} r JOIN rejects_scan_{table} s USING (scan_id, file_id)
            ORDER BY s.file_path, r.line
            """;
        using var rd = cmd.ExecuteReader();
        var list = new List<RejectedRow>();
        while (rd.Read())
        {
            string file = rd.GetString(0);
            long line = Convert.ToInt64(rd.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            string? column = rd.IsDBNull(2) ? null : rd.GetString(2);
            string type = rd.GetString(3);
            string raw = rd.IsDBNull(4) ? "" : rd.GetString(4);
            string message = rd.IsDBNull(5) ? "" : rd.GetString(5);
            list.Add(new RejectedRow(table, file, line, column, Explain(type, message, source), raw));
        }

        return list;
    }

    /// <summary>DuckDB's reject types in plain English.</summary>
    private static string Explain(string type, string message, TableSource source) => type switch
    {
        "MISSING COLUMNS" => "too few fields: " + FieldCounts(message),
        "TOO MANY COLUMNS" => "too many fields: " + FieldCounts(message) + $" (a value containing '{source.Delimiter}' must be quoted)",
        "UNQUOTED VALUE" => "bad quoting: a quote inside a value must be doubled, or the value must be quoted",
        "LINE SIZE OVER MAXIMUM" => "the line is too long (an opening quote that is never closed swallows the lines after it)",
        "INVALID ENCODING" or "INVALID UNICODE" => $"the text is not valid {source.Encoding} (set \"encoding\": \"latin-1\" for Windows/Excel exports)",
        _ => $"{type.ToLowerInvariant()}: {FirstLine(message)}",
    };

    private static string FieldCounts(string message)
    {
        // DuckDB: "Expected Number of Columns: 4 Found: 3"
        var m = System.Text.RegularExpressions.Regex.Match(message, @"Columns:\s*(\d+)\s*Found:\s*(\d+)");
        return m.Success ? $"expected {m.Groups[1].Value}, found {m.Groups[2].Value}" : FirstLine(message);
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
