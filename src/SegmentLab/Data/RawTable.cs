using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// One input table's files as a DuckDB source plus <c>__path</c> (the file): a <c>read_csv(…)</c> or
/// <c>read_parquet(…)</c> call, or, for small tables that need a look before conversion, a materialized temp table.
/// CSV columns are read as text unless <see cref="Reader"/> is given types, in which case DuckDB's reader converts
/// them while it splits the line (much cheaper than converting text afterwards). Structurally malformed CSV rows (wrong
/// field count, bad quoting, bad encoding) and, with types, values that do not convert are collected by DuckDB's
/// reject store; <see cref="FinishScan"/> gathers them with their line numbers and checks gzip files for truncation.
/// </summary>
internal sealed partial class RawTable
{
    private readonly TableSource _source;
    private readonly string _encoding;
    private readonly List<(string File, Task<string?> Problem)> _gzChecks;
    private string? _materialized;
    private int _attempt;

    private RawTable(string name, IReadOnlyList<string> files, IReadOnlyList<string> columns, bool isCsv, string encoding, TableSource config,
        List<(string File, Task<string?> Problem)> gzChecks)
    {
        Name = name;
        Files = files;
        Columns = columns;
        IsCsv = isCsv;
        _encoding = encoding;
        _source = config;
        _gzChecks = gzChecks;
    }

    public string Name { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<string> Columns { get; }

    public bool IsCsv { get; }

    /// <summary>True once <see cref="Materialize"/> has copied the rows into a temp table.</summary>
    public bool Materialized => _materialized is not null;

    /// <summary>Rows the reader could not take (filled by <see cref="FinishScan"/>).</summary>
    public List<RejectedRow> Rejects { get; } = [];

    /// <summary>True when some of <see cref="Rejects"/> are values the typed reader could not convert.</summary>
    public bool HasConversionRejects { get; private set; }

    /// <summary>
    /// SQL for the 0-based index of a row's file in <see cref="Files"/>. A single file needs no name column: DuckDB fills it
    /// row by row with the whole path, which costs a third of the read time of a gzip file.
    /// </summary>
    public string FileIndexSql => Files.Count == 1 ? "0" : $"(list_position([{string.Join(", ", Files.Select(SqlText.Literal))}], __path) - 1)";

    /// <summary>
    /// Roughly how many bytes of text the files hold (gzip counted at five times its size): what decides whether the
    /// typed table is kept in memory or re-read from the files.
    /// </summary>
    public long TextBytes => Files.Sum(f =>
    {
        long size = new FileInfo(f).Length;
        return f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? size * 5 : IsCsv ? size : size * 4;
    });

    /// <summary>Checks headers and prepares the reader; nothing is scanned yet.</summary>
    public static RawTable Open(SegmentLabConfig config, TableSource source, string table)
    {
        var files = TableFiles.Resolve(config, source, table);
        bool csv = TableFiles.FormatOf(source, files) == "csv";
        IReadOnlyList<string> columns = [];
        string encoding = "utf-8";
        if (csv)
        {
            var headers = files.Select(f => CsvHeader.Read(f, source, table)).ToList();
            columns = headers[0].Columns;
            encoding = headers[0].Encoding;
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
        }

        // Truncation checks run beside DuckDB's scan: both decompress, on different cores.
        var gzChecks = files.Where(f => f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            .Select(f => (f, Task.Run(() => GzipIntegrity.Check(f)))).ToList();
        return new RawTable(table, files, columns, csv, encoding, source, gzChecks);
    }

    /// <summary>Parquet columns come from the file's schema, which needs the database.</summary>
    public RawTable WithSchema(DuckDBConnection db)
    {
        if (IsCsv)
        {
            return this;
        }

        var columns = Describe(db, $"SELECT * FROM read_parquet([{string.Join(", ", Files.Select(SqlText.Literal))}])", Files[0]);
        return new RawTable(Name, Files, columns, IsCsv, _encoding, _source, _gzChecks);
    }

    /// <summary>The longest CSV line read, in bytes (DuckDB's default); longer lines are rejected.</summary>
    internal const int MaxLineBytes = 2_097_152;

    /// <summary>
    /// What to select from. <paramref name="types"/> maps CSV columns to DuckDB types for the reader to convert (others stay
    /// text); <paramref name="storeRejects"/> collects malformed rows for <see cref="FinishScan"/> (the first, accounting
    /// scan), otherwise they are skipped (re-reads of rows already accounted for).
    /// </summary>
    public string Reader(IReadOnlyDictionary<string, string> types, bool storeRejects)
    {
        if (_materialized is not null)
        {
            return _materialized;
        }

        string fileList = "[" + string.Join(", ", Files.Select(SqlText.Literal)) + "]";
        if (!IsCsv)
        {
            return $"""
                (SELECT CAST(COLUMNS(c -> c NOT IN ('filename', 'file_row_number')) AS VARCHAR),
                        filename AS __path, file_row_number + 1 AS __rec
                 FROM read_parquet({fileList}, filename = true, file_row_number = true))
                """;
        }

        string delimiter = _source.Delimiter == "\\t" ? "\t" : _source.Delimiter;
        string columns = "{" + string.Join(", ", Columns.Select(c => $"{SqlText.Literal(c)}: '{types.GetValueOrDefault(c, "VARCHAR")}'")) + "}";
        string rejects = storeRejects
            ? $"store_rejects = true, rejects_table = '{RejectsTable}', rejects_scan = '{RejectsScan}'"
            : "ignore_errors = true";
        // Lines up to DuckDB's default 2 MB (longer ones are rejected rows, with their line): the reader's buffers are 16
        // times that limit, and a file smaller than one buffer is parsed by one thread (a 10 MB limit put a million-row
        // customers file, 42 MB, on one core: 1.7 s against 0.9 s).
        return $"""
            read_csv({fileList}, header = true, auto_detect = false, delim = {SqlText.Literal(delimiter)},
                     quote = {SqlText.Literal(_source.Quote)}, escape = {SqlText.Literal(_source.Quote)},
                     encoding = {SqlText.Literal(_encoding)}, columns = {columns},{(Files.Count > 1 ? " filename = '__path'," : "")}
                     {rejects}, null_padding = false, max_line_size = {MaxLineBytes})
            """;
    }

    private string RejectsTable => $"rejects_{Name}_{_attempt}";

    private string RejectsScan => $"rejects_scan_{Name}_{_attempt}";

    /// <summary>Forgets the rejects of a typed scan before the table is read again as text.</summary>
    public void Retry(DuckDBConnection db)
    {
        Execute(db, $"DROP TABLE IF EXISTS {RejectsTable}; DROP TABLE IF EXISTS {RejectsScan}");
        _attempt++;
        Rejects.Clear();
        HasConversionRejects = false;
    }

    /// <summary>Copies the rows into <c>raw_&lt;table&gt;</c> (text, with <c>__rec</c>), for tables inspected before conversion.</summary>
    public void Materialize(DuckDBConnection db)
    {
        string rec = IsCsv ? "row_number() OVER ()" : "__rec";
        string exclude = IsCsv ? "" : " EXCLUDE (__rec)";
        Run(db, $"CREATE TEMP TABLE raw_{Name} AS SELECT *{exclude}, {rec} AS __rec FROM {Reader(new Dictionary<string, string>(), storeRejects: true)}");
        _materialized = $"raw_{Name}";
        FinishScan(db);
    }

    /// <summary>Runs a statement that scans the files, turning reader failures into plain messages.</summary>
    public void Run(DuckDBConnection db, string sql) => Guard(() => Execute(db, sql));

    /// <summary>Runs <paramref name="action"/>, turning reader failures into plain messages.</summary>
    public T Guard<T>(Func<T> action)
    {
        try
        {
            using var _ = StepTrace.Step($"{Name}: read files");
            return action();
        }
        catch (DuckDBException e)
        {
            CheckGzip();
            throw new InputException($"the {Name} files could not be read: {FirstLine(e.Message)}", file: string.Join(", ", Files),
                fix: IsCsv ? "check that the file is complete (not truncated), is CSV and uses the configured delimiter and encoding."
                           : "check that the file is a complete Parquet file.");
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    /// <summary>After the scan: gzip integrity and the reader's rejects.</summary>
    public void FinishScan(DuckDBConnection db)
    {
        CheckGzip();
        if (IsCsv && Rejects.Count == 0)
        {
            foreach (var (row, conversion) in ReadRejects(db))
            {
                Rejects.Add(row);
                HasConversionRejects |= conversion;
            }
        }
    }

    private void CheckGzip()
    {
        using var wait = StepTrace.Step($"{Name}: gzip check wait");
        foreach (var (file, problem) in _gzChecks)
        {
            if (problem.Result is { } text)
            {
                throw new InputException($"{text}.", file: file, fix: "the file is truncated or damaged (an interrupted download or copy?); copy or export it again.");
            }
        }
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

    private List<(RejectedRow Row, bool Conversion)> ReadRejects(DuckDBConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT s.file_path, r.line, r.column_name, r.error_type, r.csv_line, r.error_message
            FROM {RejectsTable} r JOIN {RejectsScan} s USING (scan_id, file_id)
            ORDER BY s.file_path, r.line
            """;
        using var rd = cmd.ExecuteReader();
        var list = new List<(RejectedRow, bool)>();
        while (rd.Read())
        {
            string file = rd.GetString(0);
            long line = Convert.ToInt64(rd.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            string? column = rd.IsDBNull(2) ? null : rd.GetString(2);
            string type = rd.GetString(3);
            string raw = rd.IsDBNull(4) ? "" : rd.GetString(4);
            string message = rd.IsDBNull(5) ? "" : rd.GetString(5);
            list.Add((new RejectedRow(Name, file, line, column, Explain(type, message, _source), raw), type == "CAST"));
        }

        return list;
    }
}
