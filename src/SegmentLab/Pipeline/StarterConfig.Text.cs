using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using SegmentLab.Data;

namespace SegmentLab.Pipeline;

public static partial class StarterConfig
{
    private static readonly string[] PersonalData = ["email", "mail", "phone", "mobile", "firstname", "lastname", "fullname", "name", "address", "street"];

    private static string Write(List<StarterTable> tables, string configPath, DuckDBConnection db, List<string> unresolved)
    {
        string folder = Path.GetDirectoryName(configPath)!;
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append(CultureInfo.InvariantCulture, $"  // Written by `segmentlab init` from {string.Join(", ", tables.Select(t => Path.GetFileName(t.File)))}: a starting point.\n");
        sb.Append("  // Check each guess (comments say where it came from), then run: segmentlab check --config <this file>\n");
        sb.Append("  // Every setting and its default: data/README.md in the SegmentLab repository.\n");
        var tx = tables.First(t => t.Role == "transactions");
        WriteTransactions(sb, tx, folder, db, unresolved);
        if (tables.FirstOrDefault(t => t.Role == "events") is { } ev)
        {
            WriteEvents(sb, ev, folder, db);
        }
        else
        {
            unresolved.Add("no events table (email, web, app activity): engagement features are left out; add an \"events\" section if you have one.");
        }

        if (tables.FirstOrDefault(t => t.Role == "customers") is { } cu)
        {
            WriteCustomers(sb, cu, folder);
        }

        foreach (var t in tables.Where(t => t.Role == "unknown"))
        {
            unresolved.Add($"{Path.GetFileName(t.File)}: {string.Join("; ", t.Notes)}.");
        }

        WriteFeatures(sb, tx, db);
        sb.Append("  \"output\": \"out\"\n}\n");
        return sb.ToString();
    }

    private static void WriteTransactions(StringBuilder sb, StarterTable t, string folder, DuckDBConnection db, List<string> unresolved)
    {
        sb.Append("  \"transactions\": {\n");
        sb.Append(CultureInfo.InvariantCulture, $"    \"path\": {Q(Path.GetRelativePath(folder, t.File))},   // {t.Rows:N0} rows\n");
        WriteFormat(sb, t, db, unresolved);
        sb.Append("    \"columns\": {\n");
        var entries = new List<(string, string)>();
        foreach (string role in TransactionRoles)
        {
            if (t.Roles.TryGetValue(role, out var column))
            {
                entries.Add(($"{Q(role)}: {Q(column)}", Why(role, column, t)));
            }
            else if (role == "orderId")
            {
                entries.Add(("\"orderId\": \"TODO\"", "required: no column looks like an order or invoice id; name it here"));
                unresolved.Add($"{Path.GetFileName(t.File)}: no column looks like an order or invoice id (transactions.columns.orderId is required).");
            }
        }

        Lines(sb, entries, "      ");
        sb.Append("    },\n");
        WriteCancellations(sb, t, db);
        long missing = t.Roles.TryGetValue("customerId", out var id) ? StarterConfig.Scalar(db, $"SELECT count(*) FROM {Source(t.File)} WHERE {SqlText.Ident(id)} IS NULL") : 0;
        if (missing > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    // {missing:N0} rows have no customer id (guest checkouts?): they are counted as filtered, not errors.\n");
        }

        sb.Append("    \"missingCustomerId\": \"filter\"\n");
        sb.Append("  },\n");
    }

    private static void WriteEvents(StringBuilder sb, StarterTable t, string folder, DuckDBConnection db)
    {
        sb.Append("  \"events\": {\n");
        sb.Append(CultureInfo.InvariantCulture, $"    \"path\": {Q(Path.GetRelativePath(folder, t.File))},   // {t.Rows:N0} rows\n");
        WriteFormat(sb, t, db, []);
        sb.Append("    \"columns\": {\n");
        Lines(sb, EventRoles.Where(t.Roles.ContainsKey).Select(r => ($"{Q(r)}: {Q(t.Roles[r])}", Why(r, t.Roles[r], t))).ToList(), "      ");
        sb.Append("    },\n");
        var values = Strings(db, $"SELECT {SqlText.Ident(t.Roles["eventType"])} FROM {Source(t.File)} GROUP BY 1 ORDER BY count(*) DESC LIMIT 30");
        var map = values.Select(v => (Value: v, Canonical: Canonical(v))).Where(p => p.Canonical is not null && p.Canonical != p.Value.Trim().ToLowerInvariant()).ToArray();
        sb.Append(CultureInfo.InvariantCulture, $"    // Event types seen: {string.Join(", ", values.Take(12))}{(values.Count > 12 ? ", …" : "")}.\n");
        sb.Append("    // Map yours onto email_sent, email_open, email_click, web_visit, app_session and the funnel steps (unmapped values are kept, lower-cased).\n");
        sb.Append("    \"eventTypes\": {");
        sb.Append(string.Join(",", map.Select(p => $" {Q(p.Value)}: {Q(p.Canonical!)}")));
        sb.Append(map.Length > 0 ? " }\n" : "}\n");
        sb.Append("  },\n");
    }

    private static void WriteCustomers(StringBuilder sb, StarterTable t, string folder)
    {
        sb.Append("  \"customers\": {\n");
        sb.Append(CultureInfo.InvariantCulture, $"    \"path\": {Q(Path.GetRelativePath(folder, t.File))},   // {t.Rows:N0} rows\n");
        var ignore = t.Columns.Select(c => c.Name).Where(n => n != t.Roles["customerId"] && PersonalData.Any(p => Normal(n).Contains(p, StringComparison.Ordinal))).ToList();
        ignore.AddRange(t.Columns.Where(c => IsTemporal(c.Type) && !ignore.Contains(c.Name)).Select(c => c.Name));
        sb.Append("    // Every other column is an attribute: numeric when all values are numbers, else categorical (profiled, never clustered unless one-hot encoded).\n");
        if (ignore.Count > 0)
        {
            sb.Append("    // Left out: personal data and dates (not attributes to profile).\n");
            sb.Append(CultureInfo.InvariantCulture, $"    \"ignore\": [{string.Join(", ", ignore.Select(Q))}],\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"    \"customerId\": {Q(t.Roles["customerId"])}\n");
        sb.Append("  },\n");
    }

    private static void WriteFeatures(StringBuilder sb, StarterTable tx, DuckDBConnection db)
    {
        sb.Append("  \"features\": {\n");
        if (tx.Roles.TryGetValue("timestamp", out var ts) && IsTemporal(tx.Columns.First(c => c.Name == ts).Type))
        {
            var range = Strings(db, $"SELECT CAST(CAST(min({SqlText.Ident(ts)}) AS DATE) AS VARCHAR) FROM {Source(tx.File)} UNION ALL SELECT CAST(CAST(max({SqlText.Ident(ts)}) AS DATE) AS VARCHAR) FROM {Source(tx.File)}");
            if (range.Count == 2 && DateOnly.TryParse(range[0], CultureInfo.InvariantCulture, out var first) && DateOnly.TryParse(range[1], CultureInfo.InvariantCulture, out var last))
            {
                var cutoff = last.AddDays(1 - 90);
                if (cutoff.DayNumber - first.DayNumber >= 180)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    // Transactions run from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}. Features use data before the cutoff; the 90 days after it\n");
                    sb.Append("    // are the holdout whose purchases measure lift. For a segmentation of today, remove the cutoff (default: the day after the data).\n");
                    sb.Append(CultureInfo.InvariantCulture, $"    \"cutoff\": {Q(cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))},\n");
                    sb.Append("    \"holdoutDays\": 90\n");
                    sb.Append("  },\n");
                    return;
                }

                sb.Append(CultureInfo.InvariantCulture, $"    // Transactions run from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: too short for a 90-day holdout beside six months of history, so no lift.\n");
            }
        }

        sb.Append("    \"holdoutDays\": 0\n");
        sb.Append("  },\n");
    }

    private static void WriteFormat(StringBuilder sb, StarterTable t, DuckDBConnection db, List<string> unresolved)
    {
        if (t.File.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        string? delimiter = null, format = null;
        try
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT Delimiter, TimestampFormat, DateFormat FROM sniff_csv({SqlText.Literal(t.File)}, sample_size = 20000)";
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                delimiter = r.IsDBNull(0) ? null : r.GetString(0);
                format = !r.IsDBNull(1) && r.GetString(1).Length > 0 ? r.GetString(1) : !r.IsDBNull(2) && r.GetString(2).Length > 0 ? r.GetString(2) : null;
            }
        }
        catch (DuckDBException)
        {
            // The sniffer's report is a nicety; the DESCRIBE above already read the file.
        }

        if (delimiter is { Length: 1 } d && d != ",")
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"delimiter\": {Q(d == "\t" ? "\\t" : d)},   // sniffed by DuckDB\n");
        }

        if (format is not null && !format.StartsWith("%Y-%m-%d", StringComparison.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"    \"timestampFormat\": {Q(format)},   // sniffed by DuckDB: check day/month order\n");
        }
        else if (t.Roles.TryGetValue("timestamp", out var ts) && !IsTemporal(t.Columns.First(c => c.Name == ts).Type))
        {
            sb.Append("    // TODO: DuckDB could not read the timestamps as dates: give their format, e.g. \"%d/%m/%Y %H:%M\".\n");
            sb.Append("    \"timestampFormat\": \"%d/%m/%Y %H:%M\",\n");
            unresolved.Add($"{Path.GetFileName(t.File)}: the timestamps in '{ts}' are not ISO dates; set timestampFormat (a guess is in the config).");
        }
    }

    private static void WriteCancellations(StringBuilder sb, StarterTable t, DuckDBConnection db)
    {
        string? sign = t.Roles.TryGetValue("quantity", out var q) ? q : t.Roles.TryGetValue("amount", out var a) ? a : null;
        if (sign is null || !t.Roles.TryGetValue("orderId", out var order))
        {
            return;
        }

        string src = Source(t.File);
        long negative = Scalar(db, $"SELECT count(*) FROM {src} WHERE {SqlText.Ident(sign)} < 0");
        if (negative == 0)
        {
            sb.Append("    // No negative quantities or amounts: if returns are flagged in a column, set \"cancellations\": { \"flagColumn\": \"…\" }.\n");
            return;
        }

        var prefix = Strings(db, $"SELECT left(CAST({SqlText.Ident(order)} AS VARCHAR), 1) AS p FROM {src} WHERE {SqlText.Ident(sign)} < 0 GROUP BY p ORDER BY count(*) DESC LIMIT 1");
        if (prefix.Count == 1 && prefix[0].Length == 1 && char.IsLetter(prefix[0][0]))
        {
            string p = prefix[0];
            long withPrefix = Scalar(db, $"SELECT count(*) FROM {src} WHERE {SqlText.Ident(sign)} < 0 AND starts_with(CAST({SqlText.Ident(order)} AS VARCHAR), {SqlText.Literal(p)})");
            long positive = Scalar(db, $"SELECT count(*) FROM {src} WHERE {SqlText.Ident(sign)} >= 0 AND starts_with(CAST({SqlText.Ident(order)} AS VARCHAR), {SqlText.Literal(p)})");
            if (withPrefix >= 0.9 * negative && positive <= 0.01 * negative)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    // {withPrefix:N0} of the {negative:N0} negative lines have order ids starting with \"{p}\": cancellations.\n");
                sb.Append(CultureInfo.InvariantCulture, $"    \"cancellations\": {{ \"orderIdPrefix\": {Q(p)}, \"negativeAmount\": true }},\n");
                return;
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"    // {negative:N0} lines have a negative {sign}: returns (kept, flagged and netted off).\n");
        sb.Append("    \"cancellations\": { \"negativeAmount\": true },\n");
    }

    private static string Why(string role, string column, StarterTable t)
    {
        var type = t.Columns.First(c => c.Name == column).Type;
        return Conventional.TryGetValue(role, out var conventional) && conventional == column
            ? $"the conventional name ({type})"
            : $"guessed from the name ({type})";
    }

    /// <summary>Canonical event type for common spellings, or null when none applies.</summary>
    private static string? Canonical(string value)
    {
        string v = Normal(value);
        return v.Contains("open", StringComparison.Ordinal) ? "email_open"
            : v.Contains("click", StringComparison.Ordinal) ? "email_click"
            : v.Contains("sent", StringComparison.Ordinal) || v.Contains("send", StringComparison.Ordinal) || v.Contains("deliver", StringComparison.Ordinal) ? "email_sent"
            : v.Contains("app", StringComparison.Ordinal) ? "app_session"
            : v.Contains("visit", StringComparison.Ordinal) || v.Contains("pageview", StringComparison.Ordinal) || v == "web" ? "web_visit"
            : null;
    }

    /// <summary>Object members one per line, commas between them placed before each line's comment.</summary>
    private static void Lines(StringBuilder sb, IReadOnlyList<(string Code, string Comment)> entries, string indent)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            sb.Append(indent).Append(entries[i].Code).Append(i < entries.Count - 1 ? "," : "").Append("   // ").Append(entries[i].Comment).Append('\n');
        }
    }

    private static string Q(string s) => JsonSerializer.Serialize(s, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
