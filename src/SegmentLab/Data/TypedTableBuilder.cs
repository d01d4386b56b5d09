using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// Turns a <see cref="RawTable"/> into a typed table: converts each mapped column, rejects rows whose values do not
/// convert (with file, line, column and the value), filters rows by rule, and accounts for every row in one scan.
/// </summary>
/// <remarks>
/// <para>Numbers of CSV files are converted by DuckDB's reader as it splits the lines, and ISO timestamps by a cheap cast
/// with one NULL check (typed read), which is several times cheaper than the full text conversions. When a value does not convert,
/// the table is read again as text with SQL conversions, so that every problem is reported exactly as before
/// (the value, the expected format, empty versus unreadable) — clean files take the fast path, messy ones lose nothing.</para>
/// <para>Small tables are kept in memory (a temp table, queried many times by feature engineering). Tables bigger than
/// <see cref="LoadTuning.KeepInMemoryBelowBytes"/> are written once, typed and checked, to a temporary Parquet file in
/// <see cref="LoadTuning.WorkDirectory"/>; the loaded table is a view over it, so memory stays bounded whatever the input
/// size and the CSV is parsed only once.</para>
/// </remarks>
internal sealed partial class TypedTableBuilder(DuckDBConnection db, RawTable raw, TableSource source, LoadTuning tuning)
{
    private const int MaxRejectsKept = 100_000;

    private readonly List<(string Name, string Sql)> _outputs = [];
    private readonly List<ValueCheck> _checks = [];
    private readonly List<(string Name, string Sql)> _facts = [];
    private readonly HashSet<string> _textUses = [];
    private readonly HashSet<string> _numberUses = [];
    private readonly HashSet<string> _timeUses = [];

    /// <summary>The raw column for a role: exact name, else the same name in another case; null if absent.</summary>
    public string? Find(string name) =>
        raw.Columns.FirstOrDefault(c => c == name) ?? raw.Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The raw column for a required role, or a clear error naming the file, the columns found and the closest match.</summary>
    public string Require(string name, string configKey)
    {
        string? found = Find(name);
        if (found is not null)
        {
            return found;
        }

        string? guess = ColumnMatcher.Closest(name, raw.Columns);
        throw new InputException(
            $"the required column '{name}' ({configKey}) is missing. Columns found: {string.Join(", ", raw.Columns)}.",
            file: raw.Files[0], line: 1, column: name,
            fix: guess is null ? $"set \"{configKey}\" in the config to the name of that column." : $"did you mean '{guess}'? Set \"{configKey}\": \"{guess}\" in the config.");
    }

    /// <summary>The raw column for an optional role given explicitly (must exist) or by its conventional name (may be absent).</summary>
    public string? Optional(string? configured, string conventional, string configKey) =>
        configured is null ? Find(conventional) : Require(configured, configKey);

    /// <summary>The trimmed text of a column, NULL when empty.</summary>
    public string Text(string column)
    {
        _textUses.Add(column);
        return TextAlias(column);
    }

    /// <summary>The expression behind <see cref="Text"/>, for queries on the raw table itself.</summary>
    /// <remarks>
    /// DuckDB's trim removes the ASCII space and Unicode spaces (no other ASCII character) and copies every value it
    /// touches, which costs more than reading the column; so only values that start or end with a space or hold a
    /// non-ASCII character are trimmed, and the rest (almost every id and code) are taken as they are.
    /// </remarks>
    public static string TextSql(string column)
    {
        string v = SqlText.Ident(column);
        return $"CASE WHEN {v} LIKE ' %' OR {v} LIKE '% ' OR strlen({v}) <> length({v}) THEN NULLIF(trim({v}), '') ELSE NULLIF({v}, '') END";
    }

    /// <summary>The column read as a number with the table's decimal separator, NULL when unreadable.</summary>
    public string Number(string column)
    {
        _numberUses.Add(column);
        return NumberAlias(column);
    }

    /// <summary>The text conversion behind <see cref="Number"/>, for queries on the raw table itself.</summary>
    public string NumberSql(string column) => source.DecimalSeparator == ","
        ? $"TRY_CAST(replace(replace(trim({SqlText.Ident(column)}), '.', ''), ',', '.') AS DOUBLE)"
        : $"TRY_CAST(trim({SqlText.Ident(column)}) AS DOUBLE)";

    /// <summary>The column read as a timestamp in the table's format, NULL when unreadable.</summary>
    public string Time(string column)
    {
        _timeUses.Add(column);
        return TimeAlias(column);
    }

    // ISO text goes through TIMESTAMPTZ so that an offset (Z, +02:00) is applied: every timestamp is UTC, and values without
    // an offset are read as UTC as they stand (the loader's session time zone is UTC). A format with %z does the same.
    // Parsing TIMESTAMPTZ costs about five times a plain TIMESTAMP, so values in the exact shape yyyy-mm-dd hh:mm:ss (or
    // with a T), which have no room for an offset, take the plain cast: the same instant, for most files at a fraction of
    // the cost. Everything else (offsets, fractions, spaces, dates alone) takes the full path.
    private string TimeSql(string column) => source.TimestampFormat is null
        ? IsoTimeSql(SqlText.Ident(column))
        : $"TRY_CAST(TRY_STRPTIME(trim({SqlText.Ident(column)}), {SqlText.Literal(source.TimestampFormat)}) AS TIMESTAMP)";

    /// <summary>ISO 8601 text (SQL expression <paramref name="text"/>) as a UTC TIMESTAMP, NULL when unreadable.</summary>
    internal static string IsoTimeSql(string text) =>
        $"CASE WHEN {text} LIKE '____-__-__ __:__:__' OR {text} LIKE '____-__-__T__:__:__' THEN TRY_CAST({text} AS TIMESTAMP) " +
        $"ELSE TRY_CAST(TRY_CAST(trim({text}) AS TIMESTAMPTZ) AS TIMESTAMP) END";

    /// <summary>Timestamps before this are placeholders (Excel's day zero, 1900-01-01), not purchases or events.</summary>
    internal const string EarliestTime = "1950-01-01";

    /// <summary>Timestamps from this on are placeholders (9999-12-31 for "never") or typos, not purchases or events.</summary>
    internal const string LatestTimeExclusive = "2100-01-01";

    private static string TextAlias(string column) => SqlText.Ident($"__txt:{column}");

    private static string NumberAlias(string column) => SqlText.Ident($"__num:{column}");

    private static string TimeAlias(string column) => SqlText.Ident($"__ts:{column}");

    public string TimeFormatText => source.TimestampFormat is null ? "ISO 8601 (yyyy-mm-dd hh:mm:ss)" : $"'{source.TimestampFormat}'";

    /// <summary>An output column of the loaded table, as SQL over the conversions.</summary>
    public TypedTableBuilder Output(string name, string sql)
    {
        _outputs.Add((name, sql));
        return this;
    }

    /// <summary>
    /// An aggregate over the loaded rows computed in the accounting scan (no extra pass over the files), e.g.
    /// <c>min(ts)</c>; read back with <see cref="BuildResult.Facts"/>. It may refer to outputs, <c>__customer</c> (the id)
    /// and is evaluated over rows that passed every check.
    /// </summary>
    public TypedTableBuilder Fact(string name, string aggregateSql)
    {
        _facts.Add((name, aggregateSql));
        return this;
    }

    /// <summary>Rejects a row when <paramref name="condition"/> holds; <paramref name="reason"/> is a SQL text expression.</summary>
    public TypedTableBuilder Check(string condition, string column, string reason)
    {
        _checks.Add(new ValueCheck(ValueCheckKind.Custom, column, condition, reason));
        return this;
    }

    /// <summary>A required text value must be present.</summary>
    public TypedTableBuilder RequireText(string column)
    {
        _textUses.Add(column);
        _checks.Add(new ValueCheck(ValueCheckKind.Empty, column));
        return this;
    }

    /// <summary>A required number must be present, readable and finite.</summary>
    public TypedTableBuilder RequireNumber(string column)
    {
        _numberUses.Add(column);
        _checks.Add(new ValueCheck(ValueCheckKind.Empty, column));
        _checks.Add(new ValueCheck(ValueCheckKind.NotANumber, column));
        _checks.Add(new ValueCheck(ValueCheckKind.NotFinite, column));
        _checks.Add(new ValueCheck(ValueCheckKind.TooLarge, column));
        return this;
    }

    /// <summary>An optional number, when present, must be readable and finite.</summary>
    public TypedTableBuilder OptionalNumber(string column)
    {
        _numberUses.Add(column);
        _checks.Add(new ValueCheck(ValueCheckKind.NotANumber, column, Optional: true));
        _checks.Add(new ValueCheck(ValueCheckKind.NotFinite, column, Optional: true));
        _checks.Add(new ValueCheck(ValueCheckKind.TooLarge, column, Optional: true));
        return this;
    }

    /// <summary>A required timestamp must be present and readable in the configured format.</summary>
    public TypedTableBuilder RequireTime(string column)
    {
        _timeUses.Add(column);
        _checks.Add(new ValueCheck(ValueCheckKind.Empty, column));
        _checks.Add(new ValueCheck(ValueCheckKind.NotATime, column));
        _checks.Add(new ValueCheck(ValueCheckKind.ImplausibleTime, column));
        return this;
    }

    /// <summary>Drops the raw staging table, if one was made (the typed table stays: the loaded table is a view over it).</summary>
    public void DropWorkTables(string table) => RawTable.Execute(db, $"DROP TABLE IF EXISTS raw_{table};");
}

/// <summary>What a value check tests; the SQL depends on whether the reader or SQL converts the column.</summary>
internal enum ValueCheckKind
{
    /// <summary>The value is missing or blank.</summary>
    Empty,

    /// <summary>The text does not read as a number.</summary>
    NotANumber,

    /// <summary>The number is NaN or infinite.</summary>
    NotFinite,

    /// <summary>The number is 10^14 or more in size.</summary>
    TooLarge,

    /// <summary>The text does not read as a timestamp.</summary>
    NotATime,

    /// <summary>The timestamp is a placeholder or typo: before 1950 or from 2100 on.</summary>
    ImplausibleTime,

    /// <summary>A condition and reason given as SQL.</summary>
    Custom,
}

/// <summary>One check of the typed conversion; <see cref="Optional"/> values are only checked when present.</summary>
internal sealed record ValueCheck(ValueCheckKind Kind, string Column, string? Condition = null, string? Reason = null, bool Optional = false);
