using System.Globalization;
using DuckDB.NET.Data;
using SegmentLab.Data;

namespace SegmentLab.Pipeline;

/// <summary>
/// <c>segmentlab init</c>: inspects the analyst's files with DuckDB (CSV sniffing or the Parquet schema), guesses which
/// file is the transactions, events or customers table and which column plays which role from the column names and
/// types, and writes a commented starter <c>segmentlab.json</c> saying what it guessed and what it could not.
/// </summary>
public static partial class StarterConfig
{
    /// <summary>Inspects <paramref name="files"/> and drafts a config to be saved at <paramref name="configPath"/> (paths are written relative to it).</summary>
    /// <param name="files">CSV (plain or .gz) or Parquet files: transactions, and optionally events and customers, in any order.</param>
    /// <param name="configPath">Where the config will be written.</param>
    /// <exception cref="InputException">A file is missing or unreadable, or no file looks like a transactions table (each file's columns are listed).</exception>
    public static StarterConfigResult Inspect(IReadOnlyList<string> files, string configPath)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(configPath);
        if (files.Count == 0)
        {
            throw new InputException("give the files to inspect, e.g. segmentlab init orders.csv events.csv customers.csv.");
        }

        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        var tables = new List<StarterTable>();
        foreach (string f in files)
        {
            string full = Path.GetFullPath(f);
            if (!File.Exists(full))
            {
                throw new InputException("the file does not exist.", file: full, fix: "check the path.");
            }

            tables.Add(Guess(db, full));
        }

        // One table per role: the first file wins, the others are left out with a note.
        var seen = new HashSet<string>();
        for (int i = 0; i < tables.Count; i++)
        {
            if (tables[i].Role != "unknown" && !seen.Add(tables[i].Role))
            {
                tables[i] = tables[i] with
                {
                    Role = "unknown",
                    Notes = [.. tables[i].Notes, $"another file already looks like the {tables[i].Role} table; a config reads one table per role (a glob such as orders-*.csv reads several files with one header)"],
                };
            }
        }

        if (!tables.Any(t => t.Role == "transactions"))
        {
            throw new InputException(
                "none of the files looks like a transactions table (a customer id, a timestamp, and an amount or a quantity and a unit price). Columns seen: "
                + string.Join("; ", tables.Select(t => $"{Path.GetFileName(t.File)}: {string.Join(", ", t.Columns.Select(c => $"{c.Name} ({c.Type})"))}")) + ".",
                fix: "include the order-lines export, or write the config by hand (data/README.md).");
        }

        var unresolved = new List<string>();
        string text = Write(tables, Path.GetFullPath(configPath), db, unresolved);
        // The draft must load: catch a mistake here rather than in the analyst's first run.
        SegmentLabConfig.Parse(text, Path.GetDirectoryName(Path.GetFullPath(configPath))!, configPath);
        return new StarterConfigResult { Text = text, Tables = tables, Unresolved = unresolved };
    }

    private static StarterTable Guess(DuckDBConnection db, string file)
    {
        string source = Source(file);
        var columns = new List<(string Name, string Type)>();
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"DESCRIBE SELECT * FROM {source}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                columns.Add((r.GetString(0), r.GetString(1)));
            }
        }
        catch (DuckDBException e)
        {
            throw new InputException($"DuckDB could not read the file: {e.Message.Split('\n')[0]}", file: file,
                fix: "give CSV (optionally .gz) or Parquet files with a header row.");
        }

        var roles = Roles(columns);
        bool money = roles.ContainsKey("amount") || (roles.ContainsKey("quantity") && roles.ContainsKey("unitPrice"));
        string role = roles.ContainsKey("customerId") && roles.ContainsKey("timestamp") && money ? "transactions"
            : roles.ContainsKey("customerId") && roles.ContainsKey("timestamp") && roles.ContainsKey("eventType") ? "events"
            : roles.ContainsKey("customerId") && !roles.ContainsKey("orderId") && !roles.ContainsKey("eventType") ? "customers"
            : "unknown";
        var keep = role switch
        {
            "transactions" => TransactionRoles,
            "events" => EventRoles,
            "customers" => ["customerId"],
            _ => [],
        };
        roles = roles.Where(p => keep.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        var notes = new List<string>();
        long rows = Scalar(db, $"SELECT count(*) FROM {source}");
        if (role == "unknown")
        {
            notes.Add(roles.ContainsKey("customerId") || Roles(columns).ContainsKey("customerId")
                ? "has a customer id but neither money columns (transactions) nor an event type (events); left out"
                : "no column looks like a customer id; left out");
        }

        return new StarterTable { File = file, Role = role, Columns = columns, Roles = roles, Rows = rows, Notes = notes };
    }

    /// <summary>The DuckDB table function reading <paramref name="file"/> with sniffing (CSV) or its schema (Parquet).</summary>
    internal static string Source(string file) =>
        file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? $"read_parquet({SqlText.Literal(file)})"
            : $"read_csv({SqlText.Literal(file)}, header = true, sample_size = 20000)";

    internal static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    internal static List<string> Strings(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.IsDBNull(0) ? "" : Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return list;
    }
}
