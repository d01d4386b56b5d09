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
        FeatureSql sql;
        using (StepTrace.Step("features: plan"))
        {
            sql = Plan(data, settings ?? data.Config.Features);
        }

        string text = sql.Build();
        var db = data.Connection;
        using (StepTrace.Step("features: aggregate"))
        {
            Exec(db, $"CREATE OR REPLACE TABLE features AS {text}");
        }

        FeatureTable table;
        using (StepTrace.Step("features: read"))
        {
            table = Read(db, sql, text);
        }
        if (table.Rows == 0)
        {
            var q = data.Quality["transactions"]!;
            throw new InputException(
                $"no customer has a purchase before the cutoff {sql.Cutoff:yyyy-MM-dd} (transactions run from {q.FirstTimestamp:yyyy-MM-dd} to {q.LastTimestamp:yyyy-MM-dd}).",
                file: data.Config.SourceFile, fix: "set \"features.cutoff\" to a date inside the data, or set \"includeProspects\": true.");
        }

        return table;
    }

    /// <summary>The SQL <see cref="Build"/> would run, for auditing (<c>--explain-sql</c>).</summary>
    public static string ExplainSql(LoadedData data, FeatureSettings? settings = null) => Plan(data, settings ?? data.Config.Features).Build();

    /// <summary>
    /// Writes the table last built on <paramref name="data"/> to CSV or Parquet (by extension: <c>.parquet</c>, else CSV),
    /// atomically: a temporary file in the same folder, then a rename.
    /// </summary>
    public static void Write(LoadedData data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        string format = full.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "FORMAT parquet" : "FORMAT csv, HEADER true";
        try
        {
            using var _ = StepTrace.Step("features: write");
            Exec(data.Connection, $"COPY features TO {SqlText.Literal(temp)} ({format})");
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

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

        DateTime? holdoutEnd = s.HoldoutDays > 0 ? cutoff.AddDays(s.HoldoutDays) : null;
        string ts = $"TIMESTAMP '{cutoff.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";
        var present = Strings(db, "SELECT CAST(count(product) > 0 AS VARCHAR), CAST(count(unit_price) > 0 AS VARCHAR), CAST(count(quantity) > 0 AS VARCHAR) FROM transactions", columns: 3);
        string purchase = "NOT is_return" + (s.RequirePositivePrice ? " AND unit_price > 0" : "") + (s.RequirePositiveQuantity ? " AND quantity > 0" : "");
        var categories = Strings(db, $"SELECT category FROM transactions WHERE ts < {ts} AND {purchase} AND category IS NOT NULL GROUP BY category ORDER BY sum(amount) DESC, category LIMIT {s.TopCategories}");
        var channels = Strings(db, $"SELECT channel FROM transactions WHERE ts < {ts} AND {purchase} AND channel IS NOT NULL GROUP BY channel ORDER BY count(*) DESC, channel LIMIT 12");
        var eventTypes = data.HasEvents
            ? Strings(db, $"SELECT event_type FROM events WHERE ts < {ts} GROUP BY event_type ORDER BY count(*) DESC, event_type LIMIT 30")
            : [];
        bool hasDevice = data.HasEvents && Strings(db, "SELECT CAST(count(device) > 0 AS VARCHAR) FROM events")[0] == "true";
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
            HasProduct = present[0] == "true",
            HasUnitPrice = present[1] == "true",
            HasQuantity = present[2] == "true",
            HasDevice = hasDevice,
            TopCategories = categories,
            Channels = channels,
            EventTypes = eventTypes,
            NumericAttributes = data.NumericAttributes,
            CategoricalAttributes = data.CategoricalAttributes,
            OneHot = oneHot,
        };
    }

    private static FeatureTable Read(DuckDBConnection db, FeatureSql sql, string text)
    {
        int rows = checked((int)Scalar(db, "SELECT count(*) FROM features"));
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

    private static void Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
