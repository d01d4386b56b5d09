using System.Globalization;

namespace SegmentLab.Data;

/// <summary>The conversion SQL, the accounting scan, the loaded view and the rejected rows' lines.</summary>
internal sealed partial class TypedTableBuilder
{
    /// <summary>
    /// Creates the loaded view <paramref name="table"/> over the rows that pass every check and have a customer id;
    /// returns the quality accounting, the rejected rows (the reader's first) and the <see cref="Fact"/> values.
    /// </summary>
    public BuildResult Build(string table, string customerIdColumn, MissingCustomerIdPolicy policy)
    {
        string id = Text(customerIdColumn);
        if (policy == MissingCustomerIdPolicy.Reject)
        {
            Check($"{id} IS NULL", customerIdColumn, SqlText.Literal("no customer id"));
        }

        bool stream = !raw.Materialized && raw.TextBytes > tuning.KeepInMemoryBelowBytes;
        bool typed = tuning.TypedRead && raw.IsCsv && !raw.Materialized && (ReaderTypes(true).Count > 0 || IsoTimes(true).Count > 0);
        while (true)
        {
            var c = Compose(typed);

            string select = $"""
                SELECT {id} AS __customer, {string.Join(", ", _outputs.Select(o => $"{o.Sql} AS {SqlText.Ident(o.Name)}"))}, {c.CheckCase} AS __check
                FROM (SELECT *, {raw.FileIndexSql} AS __file{c.Conversions} FROM {raw.Reader(c.Types, storeRejects: true)})
                """;
            string typedTable = stream ? $"read_parquet({SqlText.Literal(StagedPath(table))})" : $"typed_{table}";
            using (StepTrace.Step($"{table}: read, convert and check"))
            using (StepTrace.Profile(db, $"load_{table}"))
            {
                // Rows need not keep file order (DuckDB then uses less memory and both cores); line numbers of rejected
                // rows come from a re-read in file order.
                RawTable.Execute(db, "SET preserve_insertion_order = false");
                if (stream)
                {
                    // Too big for memory: the typed rows go once to a temporary Parquet file, which the accounting and every
                    // later query read instead of parsing and converting the CSV again (several times cheaper per scan).
                    // Uncompressed: Parquet's dictionary and run-length encodings already do most of the shrinking (40.8 M
                    // generated events: 385 MB against 337 MB with Snappy), and skipping Snappy saves about a fifth of the
                    // write and a third of each of the four or so scans that follow.
                    Directory.CreateDirectory(Path.GetDirectoryName(StagedPath(table))!);
                    raw.Run(db, $"COPY ({select}) TO {SqlText.Literal(StagedPath(table))} (FORMAT parquet, COMPRESSION uncompressed)");
                }
                else
                {
                    raw.Run(db, $"CREATE OR REPLACE TEMP TABLE typed_{table} AS {select}");
                }

                RawTable.Execute(db, "SET preserve_insertion_order = true");
            }

            raw.FinishScan(db);
            using var accounting = StepTrace.Step($"{table}: accounting and loaded view");
            var account = Account(typedTable, c);
            if (typed && (raw.HasConversionRejects || account.Rejected > 0))
            {
                // Something does not convert: read the table again as text, which reports each problem in full.
                RawTable.Execute(db, $"DROP TABLE IF EXISTS typed_{table}");
                raw.Retry(db);
                typed = false;
                continue;
            }

            var rejects = new List<RejectedRow>(raw.Rejects);
            var reasons = new Dictionary<string, long>();
            foreach (var r in raw.Rejects)
            {
                string key = r.Reason.Split(':', 2)[0];
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
            }

            foreach (var (column, count) in account.RejectedByColumn)
            {
                string key = $"bad value in '{column}'";
                reasons[key] = reasons.GetValueOrDefault(key) + count;
            }

            if (account.Rejected > 0)
            {
                CollectValueRejects(table, c, rejects);
            }

            rejects = raw.WithPhysicalLines(rejects);

            CreateView(table, typedTable);
            var filtered = new Dictionary<string, long>();
            if (account.NoId > 0)
            {
                filtered["no customer id"] = account.NoId;
            }

            var quality = new TableQuality
            {
                Table = table,
                Files = raw.Files,
                RowsRead = account.Rows + raw.Rejects.Count,
                RowsLoaded = account.Loaded,
                FilteredByRule = filtered,
                RejectedByReason = reasons,
                DistinctCustomers = account.Customers,
            };
            return new BuildResult(quality, rejects, account.Facts, stream);
        }
    }

    private void CreateView(string table, string typedTable)
    {
        string columns = string.Join(", ", _outputs.Select(o => SqlText.Ident(o.Name)));
        RawTable.Execute(db, $"CREATE OR REPLACE VIEW {table} AS SELECT __customer AS customer_id, {columns} FROM {typedTable} WHERE __check IS NULL AND __customer IS NOT NULL");
    }

    /// <summary>The temporary Parquet file holding a streamed table's typed rows (deleted with the loaded data).</summary>
    private string StagedPath(string table) => Path.Combine(tuning.WorkDirectory ?? throw new InvalidOperationException("no work directory set"), $"typed_{table}.parquet");

    /// <summary>One pass: rows, rows without id, loaded rows, distinct customers, rejected rows per column, and the facts.</summary>
    private Accounting Account(string from, Composition c)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT __check, count(*), count({SqlText.When("__customer IS NULL")}), count(DISTINCT __customer){string.Concat(_facts.Select(f => $", {f.Sql}"))}
            FROM {from} GROUP BY __check
            """;
        using var r = cmd.ExecuteReader();
        var a = new Accounting();
        while (r.Read())
        {
            long n = r.GetInt64(1);
            a.Rows += n;
            if (r.IsDBNull(0))
            {
                a.NoId = r.GetInt64(2);
                a.Loaded = n - a.NoId;
                a.Customers = r.GetInt64(3);
                for (int i = 0; i < _facts.Count; i++)
                {
                    a.Facts[_facts[i].Name] = r.IsDBNull(4 + i) ? null : r.GetValue(4 + i);
                }
            }
            else
            {
                string column = c.Checks[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture) - 1].Column;
                a.RejectedByColumn[column] = a.RejectedByColumn.GetValueOrDefault(column) + n;
                a.Rejected += n;
            }
        }

        foreach (var f in _facts.Where(f => !a.Facts.ContainsKey(f.Name)))
        {
            a.Facts[f.Name] = null;
        }

        return a;
    }

    /// <summary>Finds the rejected rows again, in file order, to give each its line and reason.</summary>
    private void CollectValueRejects(string table, Composition c, List<RejectedRow> rejects)
    {
        bool hasRec = raw.Materialized || !raw.IsCsv;
        string reason = "CASE __check " + string.Concat(c.Checks.Select((k, i) => $"WHEN {i + 1} THEN {k.Reason} ")) + "END";
        string records = hasRec
            ? $"SELECT *, __rec AS __r, {raw.FileIndexSql} AS __file{c.Conversions} FROM {raw.Reader(c.Types, storeRejects: false)}"
            : $"""
                SELECT *, __ord - min(__ord) OVER (PARTITION BY __file) + 1 AS __r FROM (
                    SELECT *, row_number() OVER () AS __ord, {raw.FileIndexSql} AS __file{c.Conversions} FROM {raw.Reader(c.Types, storeRejects: false)})
                """;

        // Lines: the reader numbers records it kept; records it rejected and the header sit between them.
        var structural = raw.Rejects.GroupBy(r => r.File).ToDictionary(g => g.Key, g => g.Select(r => r.Line).Order().ToArray());
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"""
            SELECT __file, __r, __check, {reason} FROM (SELECT __file, __r, {c.CheckCase} AS __check, * EXCLUDE (__file, __r) FROM ({records}))
            WHERE __check IS NOT NULL ORDER BY __file, __r LIMIT {MaxRejectsKept}
            """;
        using var rd = cmd.ExecuteReader();
        while (rd.Read())
        {
            string file = raw.Files[Convert.ToInt32(rd.GetValue(0), CultureInfo.InvariantCulture)];
            long rec = Convert.ToInt64(rd.GetValue(1), CultureInfo.InvariantCulture);
            long line = raw.IsCsv ? rec + 1 : rec;
            if (raw.IsCsv && structural.TryGetValue(file, out long[]? skipped))
            {
                foreach (long s in skipped)
                {
                    if (s <= line)
                    {
                        line++;
                    }
                }
            }

            string column = c.Checks[Convert.ToInt32(rd.GetValue(2), CultureInfo.InvariantCulture) - 1].Column;
            rejects.Add(new RejectedRow(table, file, line, column, rd.GetString(3), ""));
        }
    }

    /// <summary>Which CSV columns the reader converts: numbers with a '.' decimal point and ISO timestamps, used only as such.</summary>
    private Dictionary<string, string> ReaderTypes(bool typed)
    {
        var types = new Dictionary<string, string>();
        if (!typed)
        {
            return types;
        }

        if (source.DecimalSeparator == ".")
        {
            foreach (string c in _numberUses.Where(c => !_textUses.Contains(c) && !_timeUses.Contains(c)))
            {
                types[c] = "DOUBLE";
            }
        }

        return types;
    }

    /// <summary>
    /// Timestamp columns read as ISO text and used only as times: in a typed read their checks only need to catch every bad
    /// value (any hit sends the table to the text read, which words each problem), so one NULL test of the conversion does.
    /// </summary>
    private HashSet<string> IsoTimes(bool typed) => typed && source.TimestampFormat is null
        ? _timeUses.Where(c => !_textUses.Contains(c) && !_numberUses.Contains(c)).ToHashSet(StringComparer.Ordinal)
        : [];

    /// <summary>The conversions (computed once per row, referred to by alias) and the checks, for a typed or a text read.</summary>
    private Composition Compose(bool typed)
    {
        var types = ReaderTypes(typed);
        var isoTimes = IsoTimes(typed);
        var text = new SortedSet<string>(_textUses, StringComparer.Ordinal);
        var checks = new List<(string Condition, string Column, string Reason)>();
        foreach (var k in _checks)
        {
            string col = k.Column;
            string v = SqlText.Ident(col);
            bool byReader = types.ContainsKey(col);
            string num = NumberAlias(col);
            string present = byReader ? $"{num} IS NOT NULL" : $"{TextAlias(col)} IS NOT NULL";
            if (isoTimes.Contains(col) && k.Kind is ValueCheckKind.Empty or ValueCheckKind.NotATime)
            {
                // Empty, blank or unreadable: NULL either way; reported in words by the text read.
                if (k.Kind == ValueCheckKind.Empty)
                {
                    checks.Add(($"{TimeAlias(col)} IS NULL", col, SqlText.Literal($"'{col}' is empty or not a timestamp")));
                }

                continue;
            }

            if (!byReader && k.Kind is ValueCheckKind.Empty or ValueCheckKind.NotANumber or ValueCheckKind.NotFinite or ValueCheckKind.TooLarge)
            {
                text.Add(col);
            }

            switch (k.Kind)
            {
                case ValueCheckKind.Empty:
                    checks.Add((byReader ? $"{v} IS NULL" : $"{TextAlias(col)} IS NULL", col, SqlText.Literal($"'{col}' is empty")));
                    break;
                case ValueCheckKind.NotANumber when !byReader:
                    checks.Add((k.Optional ? $"{present} AND {num} IS NULL" : $"{num} IS NULL", col, k.Optional
                        ? $"'could not read ''' || {v} || ''' as a number (decimal separator ''{source.DecimalSeparator}'')'"
                        : $"'could not read ''' || {v} || ''' as a number (decimal separator ''{source.DecimalSeparator}'', no thousands separators)'"));
                    break;
                case ValueCheckKind.NotFinite:
                    checks.Add((k.Optional ? $"{present} AND NOT isfinite({num})" : $"NOT isfinite({num})", col, $"'''' || {v} || ''' is not a finite number'"));
                    break;
                case ValueCheckKind.TooLarge:
                    checks.Add((k.Optional ? $"{present} AND abs({num}) >= 1e14" : $"abs({num}) >= 1e14", col, k.Optional
                        ? $"'''' || {v} || ''' is too large (below 10^14 expected)'"
                        : $"'''' || {v} || ''' is too large (amounts and quantities must be below 10^14)'"));
                    break;
                case ValueCheckKind.NotATime when !byReader:
                    checks.Add(($"{TimeAlias(col)} IS NULL", col,
                        $"'could not read ''' || {v} || ''' as a timestamp in format {TimeFormatText.Replace("'", "''", StringComparison.Ordinal)}'"));
                    break;
                case ValueCheckKind.ImplausibleTime:
                    checks.Add(($"{TimeAlias(col)} < TIMESTAMP '{EarliestTime}' OR {TimeAlias(col)} >= TIMESTAMP '{LatestTimeExclusive}'", col,
                        $"'timestamp ''' || {v} || ''' is outside {EarliestTime} to 2099-12-31 (a placeholder date?)'"));
                    break;
                case ValueCheckKind.Custom:
                    checks.Add((k.Condition!, col, k.Reason!));
                    break;
            }
        }

        var conversions = new List<string>();
        conversions.AddRange(text.Select(c => $"{TextSql(c)} AS {TextAlias(c)}"));
        conversions.AddRange(_numberUses.Order(StringComparer.Ordinal).Select(c => $"{(types.ContainsKey(c) ? SqlText.Ident(c) : NumberSql(c))} AS {NumberAlias(c)}"));
        conversions.AddRange(_timeUses.Order(StringComparer.Ordinal).Select(c => $"{TimeSql(c)} AS {TimeAlias(c)}"));
        string checkCase = checks.Count == 0 ? "NULL::INTEGER"
            : "CASE " + string.Concat(checks.Select((k, i) => $"WHEN {k.Condition} THEN {i + 1} ")) + "END";
        return new Composition(string.Concat(conversions.Select(s => ", " + s)), checkCase, checks, types);
    }

    private sealed record Composition(string Conversions, string CheckCase, IReadOnlyList<(string Condition, string Column, string Reason)> Checks,
        IReadOnlyDictionary<string, string> Types);

    private sealed class Accounting
    {
        public long Rows { get; set; }

        public long NoId { get; set; }

        public long Loaded { get; set; }

        public long Customers { get; set; }

        public long Rejected { get; set; }

        public Dictionary<string, long> RejectedByColumn { get; } = [];

        public Dictionary<string, object?> Facts { get; } = [];
    }
}

/// <summary>What <see cref="TypedTableBuilder.Build"/> found.</summary>
/// <param name="Quality">The row accounting.</param>
/// <param name="Rejects">The rejected rows, the reader's first.</param>
/// <param name="Facts">The <see cref="TypedTableBuilder.Fact"/> aggregates over the loaded rows.</param>
/// <param name="Streamed">True when the loaded table re-reads the files (too big to keep in memory).</param>
internal sealed record BuildResult(TableQuality Quality, List<RejectedRow> Rejects, IReadOnlyDictionary<string, object?> Facts, bool Streamed);
