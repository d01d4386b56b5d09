using System.Globalization;
using DuckDB.NET.Data;
using SegmentLab.Data;

namespace SegmentLab.Features;

/// <summary>
/// Builds the per-customer <see cref="FeatureTable"/> from loaded data, as SQL inside DuckDB: features use only rows
/// before the cutoff, outcomes come from the holdout window after it.
/// </summary>
public static class FeatureBuilder
{
    /// <summary>Builds features as the config's <c>features</c> section says.</summary>
    /// <param name="data">The loaded tables.</param>
    /// <param name="settings">Overrides the config's feature settings; default: <c>data.Config.Features</c>.</param>
    /// <exception cref="InputException">The cutoff leaves no customer with a purchase (or prospect), or a one-hot attribute does not exist.</exception>
    public static FeatureTable Build(LoadedData data, FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (sql, text, rows) = Aggregate(data, settings ?? data.Config.Features);
        try
        {
            using (StepTrace.Step("features: read"))
            {
                return Read(data.Connection, sql, text, rows);
            }
        }
        finally
        {
            DropWorkTables(data.Connection);
        }
    }

    /// <summary>
    /// Builds the features and writes them straight to <paramref name="path"/> (CSV, or Parquet by extension) without
    /// reading them into memory: what the command line does, and the fast way to export a big population.
    /// </summary>
    /// <returns>What was written: rows, columns and the as-of date.</returns>
    /// <exception cref="InputException">As for <see cref="Build"/>.</exception>
    public static FeatureExport Export(LoadedData data, string path, FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (full, temp, format) = Target(path);
        try
        {
            var (sql, _, rows) = Aggregate(data, settings ?? data.Config.Features, $"{SqlText.Literal(temp)} ({format})");
            File.Move(temp, full, overwrite: true);
            return Exported(sql, full, rows);
        }
        finally
        {
            DropWorkTables(data.Connection);
            AtomicFile.TryDelete(temp);
            AtomicFile.Forget(temp);
        }
    }

    private static FeatureExport Exported(FeatureSql sql, string path, int rows) =>
        new(path, rows, DateOnly.FromDateTime(sql.Cutoff), sql.HoldoutEnd is { } h ? DateOnly.FromDateTime(h) : null,
            sql.Columns.Where(c => c.Kind == FeatureSqlColumnKind.Feature).Select(c => c.Name).ToArray(),
            sql.Columns.Where(c => c.Kind == FeatureSqlColumnKind.Outcome).Select(c => c.Name).ToArray());

    /// <summary>The SQL <see cref="Build"/> would run, for auditing (<c>--explain-sql</c>). Runs the planning statements, which give the value lists.</summary>
    public static string ExplainSql(LoadedData data, FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            return Plan(data, settings ?? data.Config.Features).Build();
        }
        finally
        {
            DropWorkTables(data.Connection);
        }
    }

    /// <summary>
    /// Writes the table last built on <paramref name="data"/> to CSV or Parquet (by extension: <c>.parquet</c>, else CSV),
    /// atomically: a temporary file in the same folder, then a rename.
    /// </summary>
    public static void Write(LoadedData data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (full, temp, format) = Target(path);
        try
        {
            using var _ = StepTrace.Step("features: write");
            Exec(data.Connection, $"COPY features TO {SqlText.Literal(temp)} ({format})");
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            AtomicFile.TryDelete(temp);
            AtomicFile.Forget(temp);
        }
    }

    /// <summary>The full path, a temporary file beside it (written, then renamed into place) and the COPY format.</summary>
    private static (string Full, string Temp, string Format) Target(string path)
    {
        string full = Path.GetFullPath(path);
        string temp = AtomicFile.NewTemp(full);
        string format = full.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "FORMAT parquet" : "FORMAT csv, HEADER true";
        return (full, temp, format);
    }

    /// <summary>
    /// Plans, then runs the work-table statements and the final one: the <c>features</c> table exists afterwards, or,
    /// given <paramref name="copyTo"/>, the rows are in that file (see <see cref="FeatureSql.Statements"/>).
    /// </summary>
    private static (FeatureSql Sql, string Text, int Rows) Aggregate(LoadedData data, FeatureSettings settings, string? copyTo = null)
    {
        var db = data.Connection;
        // The work tables take and free big hash tables one after the other: keeping the freed pages saves faulting them in
        // again. They are handed back before the final statement, so its peak stays what it was (see FreedPages).
        var keep = FreedPages.Keep();
        try
        {
            FeatureSql sql;
            using (StepTrace.Step("features: plan"))
            {
                sql = Plan(data, settings);
            }

            string text = sql.Build();
            var statements = sql.Statements(copyTo);
            long written = 0;
            for (int i = 0; i < statements.Count; i++)
            {
                bool last = i == statements.Count - 1;
                if (last)
                {
                    keep.Dispose();
                }

                using var step = StepTrace.Step(last ? (copyTo is null ? "features: final table" : "features: final rows, written") : $"features: {WorkTableOf(statements[i])}");

                // Work tables need no order (DuckDB then streams with both cores); the final table keeps its ORDER BY.
                Exec(db, $"SET preserve_insertion_order = {(last ? "true" : "false")}");
                // A file's row count is unknown to DuckDB's planner, which would then hash the big side of a join with a
                // small lookup table; written joins keep the lookup table (always the right side) as the hashed one.
                Exec(db, last ? "RESET disabled_optimizers" : "SET disabled_optimizers = 'join_order,build_side_probe_side'");
                using (StepTrace.Profile(db, last ? "features" : WorkTableOf(statements[i])))
                {
                    // COPY reports the number of rows written as the rows changed.
                    written = Exec(db, statements[i]);
                }
            }

            int rows = checked((int)(copyTo is null ? Scalar(db, "SELECT count(*) FROM features") : written));
            if (rows == 0)
            {
                var q = data.Quality["transactions"]!;
                throw new InputException(
                    $"no customer has a purchase before the cutoff {sql.Cutoff:yyyy-MM-dd} (transactions run from {q.FirstTimestamp:yyyy-MM-dd} to {q.LastTimestamp:yyyy-MM-dd}).",
                    file: data.Config.SourceFile, fix: "set \"features.cutoff\" to a date inside the data, or set \"includeProspects\": true.");
            }

            return (sql, text, rows);
        }
        catch
        {
            DropWorkTables(db);
            throw;
        }
        finally
        {
            keep.Dispose();
            Exec(db, "RESET disabled_optimizers");
            Exec(db, "SET preserve_insertion_order = true");
        }
    }

    private static string WorkTableOf(string statement)
    {
        int at = statement.IndexOf("fx_", StringComparison.Ordinal);
        return at < 0 ? "statement" : new string(statement[at..].TakeWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_').ToArray());
    }

    private static void DropWorkTables(DuckDBConnection db)
    {
        foreach (string t in FeatureSql.WorkTables)
        {
            Exec(db, $"DROP TABLE IF EXISTS {t}");
        }
    }

    /// <summary>How far past the last transaction a cutoff may be (scoring "as of today" on a recent export is fine).</summary>
    private const int MaxDaysAfterData = 366;

    private static FeatureSql Plan(LoadedData data, FeatureSettings s)
    {
        var db = data.Connection;
        var q = data.Quality["transactions"]!;
        var last = q.LastTimestamp ?? DateTime.Today;
        var cutoff = s.Cutoff?.ToDateTime(TimeOnly.MinValue) ?? last.Date.AddDays(1);
        var first = q.FirstTimestamp ?? cutoff;
        if (cutoff <= first)
        {
            throw new InputException(
                $"the cutoff {cutoff:yyyy-MM-dd} is not after the first transaction ({first:yyyy-MM-dd HH:mm}): there would be no history to build features from.",
                file: data.Config.SourceFile, fix: $"set \"features.cutoff\" between {first.AddDays(1):yyyy-MM-dd} and {last.AddDays(1):yyyy-MM-dd}.");
        }

        if (cutoff > last.Date.AddDays(1 + MaxDaysAfterData))
        {
            // Every customer would look lapsed and the holdout would be empty: almost always a typo in the year.
            throw new InputException(
                $"the cutoff {cutoff:yyyy-MM-dd} is more than a year after the last transaction ({last:yyyy-MM-dd HH:mm}): every customer would look lapsed and the holdout would be empty.",
                file: data.Config.SourceFile, fix: $"set \"features.cutoff\" between {first.AddDays(1):yyyy-MM-dd} and {last.AddDays(1):yyyy-MM-dd}, or leave it out to use the day after the last transaction.");
        }

        DateTime? holdoutEnd = s.HoldoutDays > 0 ? cutoff.AddDays(s.HoldoutDays) : null;
        bool hasProduct = data.Present.Contains("transactions.product");
        bool hasUnitPrice = data.Present.Contains("transactions.unit_price");
        var plan = new List<string>();
        void Run(string statement)
        {
            using var step = StepTrace.Step($"features: plan {WorkTableOf(statement)}");
            Exec(db, "SET preserve_insertion_order = false");
            using (StepTrace.Profile(db, WorkTableOf(statement)))
            {
                Exec(db, statement);
            }

            Exec(db, "SET preserve_insertion_order = true");
            plan.Add(statement);
        }

        Run(FeatureSql.TransactionPlan(cutoff, s));
        int products = 0;
        if (hasProduct)
        {
            Run(FeatureSql.Products());
            products = checked((int)Scalar(db, "SELECT count(*) FROM fx_products"));
        }

        Run(FeatureSql.Categories());
        int categoryCount = checked((int)Scalar(db, "SELECT count(*) FROM fx_categories"));
        var categories = Strings(db, $"SELECT category FROM fx_tx_plan WHERE g = {FeatureSql.CategoryRows} AND category IS NOT NULL ORDER BY amount DESC, category LIMIT {s.TopCategories}");
        var channels = Strings(db, $"SELECT channel FROM fx_tx_plan WHERE g = {FeatureSql.ChannelRows} AND channel IS NOT NULL ORDER BY lines DESC, channel LIMIT 12");
        IReadOnlyList<string> eventTypes = [];
        WeekBitmaps? weeks = null;
        if (data.HasEvents)
        {
            var firstEvent = data.Quality["events"]!.FirstTimestamp;
            var firstRow = firstEvent is { } e && (q.FirstTimestamp is null || e < q.FirstTimestamp) ? e : q.FirstTimestamp;
            weeks = firstRow is { } f ? WeekBitmaps.For(f, cutoff) : null;
            Run(FeatureSql.EventTypeCounts(cutoff));
            eventTypes = Strings(db, "SELECT event_type FROM fx_event_types ORDER BY n DESC, event_type LIMIT 30");
        }

        var oneHot = new List<(string, string, string)>();
        foreach (string attribute in s.OneHot)
        {
            string? actual = data.CategoricalAttributes.FirstOrDefault(a => string.Equals(a, attribute, StringComparison.OrdinalIgnoreCase));
            if (actual is null)
            {
                throw new InputException(
                    $"'features.oneHot' names '{attribute}', which is not a categorical attribute of the customers table. Categorical attributes: {string.Join(", ", data.CategoricalAttributes)}.",
                    file: data.Config.SourceFile, fix: "use one of those names, or list the column under \"customers.categorical\".");
            }

            foreach (string value in Strings(db, $"SELECT {SqlText.Ident(actual)} FROM customers WHERE {SqlText.Ident(actual)} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 20"))
            {
                oneHot.Add((actual, value, $"{FeatureSql.ColumnName("", actual)}={value}"));
            }
        }

        return new FeatureSql
        {
            Cutoff = cutoff,
            HoldoutEnd = holdoutEnd,
            Settings = s,
            HasEvents = data.HasEvents,
            HasCustomers = data.HasCustomers,
            HasProduct = hasProduct,
            HasUnitPrice = hasUnitPrice,
            HasQuantity = data.Present.Contains("transactions.quantity"),
            HasDevice = data.Present.Contains("events.device"),
            Weeks = weeks,
            ProductCount = products,
            CategoryCount = categoryCount,
            CustomerCount = q.DistinctCustomers,
            TopCategories = categories,
            Channels = channels,
            EventTypes = eventTypes,
            NumericAttributes = data.NumericAttributes,
            CategoricalAttributes = data.CategoricalAttributes,
            OneHot = oneHot,
            PlanStatements = plan,
        };
    }

    private static FeatureTable Read(DuckDBConnection db, FeatureSql sql, string text, int rows)
    {
        var ids = new string[rows];
        var numeric = new Dictionary<string, double[]>();
        var strings = new Dictionary<string, string?[]>();
        var cols = sql.Columns;
        var numericIndex = new List<(int Ordinal, double[] Target)>();
        var textIndex = new List<(int Ordinal, string?[] Target)>();
        for (int i = 0; i < cols.Count; i++)
        {
            if (cols[i].Kind == FeatureSqlColumnKind.Text)
            {
                var t = new string?[rows];
                strings[cols[i].Name] = t;
                textIndex.Add((i + 1, t));
            }
            else
            {
                var v = new double[rows];
                numeric[cols[i].Name] = v;
                numericIndex.Add((i + 1, v));
            }
        }

        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT * FROM features";
        using var r = cmd.ExecuteReader();
        int row = 0;
        while (r.Read())
        {
            ids[row] = r.GetString(0);
            foreach (var (ordinal, target) in numericIndex)
            {
                target[row] = r.IsDBNull(ordinal) ? 0 : r.GetDouble(ordinal);
            }

            foreach (var (ordinal, target) in textIndex)
            {
                target[row] = r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
            }

            row++;
        }

        return new FeatureTable(DateOnly.FromDateTime(sql.Cutoff), sql.HoldoutEnd is { } h ? DateOnly.FromDateTime(h) : null, text, ids,
            cols.Where(c => c.Kind == FeatureSqlColumnKind.Feature).Select(c => c.Definition with { Name = c.Name }).ToArray(),
            cols.Where(c => c.Kind == FeatureSqlColumnKind.Outcome).Select(c => c.Definition).ToArray(),
            cols.Where(c => c.Kind == FeatureSqlColumnKind.Text).Select(c => c.Definition).ToArray(),
            numeric, strings);
    }

    private static List<string> Strings(DuckDBConnection db, string sql, int columns = 1)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            for (int i = 0; i < columns; i++)
            {
                list.Add(Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!);
            }
        }

        return list;
    }

    private static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteNonQuery();
    }
}
