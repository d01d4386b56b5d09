using System.Globalization;
using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>The mapping of each input table onto SegmentLab's typed tables (see <see cref="LoadedData"/>).</summary>
internal static class TableLoaders
{
    private static readonly Dictionary<string, string> NoTypes = [];

    public static BuildResult Transactions(DuckDBConnection db, SegmentLabConfig config, TransactionsSource s, LoadTuning tuning)
    {
        const string table = "transactions";
        var raw = RawTable.Open(config, s, table).WithSchema(db);
        var b = new TypedTableBuilder(db, raw, s, tuning);
        var c = s.Columns;
        string id = b.Require(c.CustomerId, "transactions.columns.customerId");
        string order = b.Require(c.OrderId, "transactions.columns.orderId");
        string ts = b.Require(c.Timestamp, "transactions.columns.timestamp");
        string? amount = b.Optional(c.Amount, "amount", "transactions.columns.amount");
        string? quantity = b.Optional(c.Quantity, "quantity", "transactions.columns.quantity");
        string? price = b.Optional(c.UnitPrice, "unit_price", "transactions.columns.unitPrice");
        if (amount is null && (quantity is null || price is null))
        {
            throw new InputException(
                $"there is no amount: no '{c.Amount ?? "amount"}' column, and not both a quantity and a unit price. Columns found: {string.Join(", ", raw.Columns)}.",
                file: raw.Files[0], line: 1,
                fix: "set \"transactions.columns.amount\", or both \"quantity\" and \"unitPrice\", to the right columns.");
        }

        string? product = b.Optional(c.Product, "product_id", "transactions.columns.product");
        string? category = b.Optional(c.Category, "category", "transactions.columns.category");
        string? channel = b.Optional(c.Channel, "channel", "transactions.columns.channel");
        string? flag = s.Cancellations.FlagColumn is null ? null : b.Require(s.Cancellations.FlagColumn, "transactions.cancellations.flagColumn");

        b.RequireText(order).RequireTime(ts);
        if (amount is not null)
        {
            b.RequireNumber(amount);
        }
        else
        {
            b.RequireNumber(quantity!).RequireNumber(price!);
        }

        if (amount is not null && quantity is not null)
        {
            b.OptionalNumber(quantity);
        }

        if (amount is not null && price is not null)
        {
            b.OptionalNumber(price);
        }

        // Money and quantities are DECIMAL(18,4): sums over them are exact, so features do not depend on the order in which
        // DuckDB's threads add them up (floating-point sums do, in their last bits).
        string amountSql = amount is not null ? Dec(b.Number(amount)) : $"TRY_CAST({Dec(b.Number(quantity!))} * {Dec(b.Number(price!))} AS DECIMAL(18, 4))";
        var returnRules = new List<string>();
        if (s.Cancellations.NegativeAmount)
        {
            returnRules.Add($"coalesce({amountSql} < 0, false)");
            if (quantity is not null)
            {
                returnRules.Add($"coalesce({b.Number(quantity)} < 0, false)");
            }
        }

        if (s.Cancellations.OrderIdPrefix is { Length: > 0 } prefix)
        {
            returnRules.Add($"coalesce(starts_with({b.Text(order)}, {SqlText.Literal(prefix)}), false)");
        }

        if (flag is not null)
        {
            returnRules.Add($"coalesce(lower({b.Text(flag)}) IN ('1', 'true', 'yes', 'y'), false)");
        }

        b.Output("order_id", b.Text(order))
         .Output("ts", b.Time(ts))
         .Output("amount", amountSql)
         .Output("quantity", quantity is null ? "NULL::DECIMAL(18, 4)" : Dec(b.Number(quantity)))
         .Output("unit_price", price is null ? "NULL::DECIMAL(18, 4)" : Dec(b.Number(price)))
         .Output("product", product is null ? "NULL::VARCHAR" : b.Text(product))
         .Output("category", category is null ? "NULL::VARCHAR" : b.Text(category))
         .Output("channel", channel is null ? "NULL::VARCHAR" : b.Text(channel))
         .Output("is_return", returnRules.Count == 0 ? "false" : string.Join(" OR ", returnRules));

        // Counted in the accounting scan: return lines among rows that parsed (as the data's own reports count them),
        // the time range, and which optional columns hold values (feature engineering leaves out features without data).
        b.Fact("returns", $"count({SqlText.When("is_return")})");
        AddTimeRange(b);
        foreach (string col in new[] { "product", "unit_price", "quantity" })
        {
            b.Fact(col, $"count({SqlText.When("__customer IS NOT NULL", col)})");
        }

        var result = b.Build(table, id, s.MissingCustomerId);
        b.DropWorkTables(table);
        return result with { Quality = WithTimes(result) with { ReturnLines = Convert.ToInt64(result.Facts["returns"], CultureInfo.InvariantCulture) } };
    }

    public static BuildResult Events(DuckDBConnection db, SegmentLabConfig config, EventsSource s, LoadTuning tuning)
    {
        const string table = "events";
        var raw = RawTable.Open(config, s, table).WithSchema(db);
        var b = new TypedTableBuilder(db, raw, s, tuning);
        var c = s.Columns;
        string id = b.Require(c.CustomerId, "events.columns.customerId");
        string ts = b.Require(c.Timestamp, "events.columns.timestamp");
        string type = b.Require(c.EventType, "events.columns.eventType");
        string? device = b.Optional(c.Device, "device", "events.columns.device");

        // Channel and campaign are checked when named (a misspelt column is an error) but not loaded: no feature reads them
        // yet, and at tens of millions of events each text column costs seconds to convert and stage.
        _ = b.Optional(c.Channel, "channel", "events.columns.channel");
        _ = b.Optional(c.CampaignId, "campaign_id", "events.columns.campaignId");

        // Free-text event types: the config maps the analyst's words onto canonical ones; the rest are kept, normalised.
        string normalized = $"lower({b.Text(type)})";
        string mapped = s.EventTypes.Count == 0 ? normalized
            : "CASE " + normalized + " " + string.Join(" ", s.EventTypes.Select(kv =>
                $"WHEN {SqlText.Literal(kv.Key.Trim().ToLowerInvariant())} THEN {SqlText.Literal(kv.Value.Trim().ToLowerInvariant())}")) + $" ELSE {normalized} END";

        b.RequireTime(ts).RequireText(type)
         .Output("ts", b.Time(ts))
         .Output("event_type", mapped)
         .Output("device", device is null ? "NULL::VARCHAR" : $"lower({b.Text(device)})");
        AddTimeRange(b);
        b.Fact("device", $"count({SqlText.When("__customer IS NOT NULL", "device")})");
        var result = b.Build(table, id, s.MissingCustomerId);
        b.DropWorkTables(table);
        return result with { Quality = WithTimes(result) };
    }

    public static (BuildResult, IReadOnlyList<string>, IReadOnlyList<string>) Customers(DuckDBConnection db, SegmentLabConfig config, CustomersSource s, LoadTuning tuning)
    {
        const string table = "customers";
        var raw = RawTable.Open(config, s, table).WithSchema(db);
        var b = new TypedTableBuilder(db, raw, s, tuning);
        string id = b.Require(s.CustomerId, "customers.customerId");
        foreach (string name in s.Categorical.Concat(s.Ignore))
        {
            b.Require(name, s.Categorical.Contains(name) ? "customers.categorical" : "customers.ignore");
        }

        var attributes = raw.Columns.Where(col => col != id && !s.Ignore.Any(i => string.Equals(i, col, StringComparison.OrdinalIgnoreCase))).ToList();
        var (numericLooking, duplicates) = Profile(db, raw, b, id, attributes.Where(col => !s.Categorical.Any(x => string.Equals(x, col, StringComparison.OrdinalIgnoreCase))).ToList());
        var numeric = new List<string>();
        var categorical = new List<string>();
        foreach (string col in attributes)
        {
            if (numericLooking.Contains(col))
            {
                numeric.Add(col);
                b.Output(col, b.Number(col));
            }
            else
            {
                categorical.Add(col);
                b.Output(col, b.Text(col));
            }
        }

        if (duplicates)
        {
            // A customer listed twice: the first row wins and the others are quarantined, so attributes are never averaged
            // or guessed. "First" needs the rows in file order, hence the copy with record numbers.
            raw.Materialize(db);
            string idText = b.Text(id);
            b.Check($"{idText} IS NOT NULL AND row_number() OVER (PARTITION BY {idText} ORDER BY __file, __rec) > 1", id,
                $"'duplicate customer id ''' || {idText} || ''' (the first row for it was kept)'");
        }

        var result = b.Build(table, id, MissingCustomerIdPolicy.Reject);
        b.DropWorkTables(table);
        return (result, numeric, categorical);
    }

    private static string Dec(string number) => $"TRY_CAST({number} AS DECIMAL(18, 4))";

    /// <summary>
    /// One look at the values: which candidate columns are numeric (every non-empty value reads as a number and none has a
    /// leading zero; codes such as 01234 stay text) and whether any customer id repeats.
    /// </summary>
    private static (HashSet<string> Numeric, bool Duplicates) Profile(DuckDBConnection db, RawTable raw, TypedTableBuilder b, string id, List<string> candidates)
    {
        string idText = TypedTableBuilder.TextSql(id);
        var aggregates = new List<string> { $"count({idText})", $"count(DISTINCT {idText})" };
        foreach (string col in candidates)
        {
            string text = TypedTableBuilder.TextSql(col);
            aggregates.Add($"count({text})");
            // The LIKE guards keep the regular expression off the values that cannot match (almost all of them).
            aggregates.Add($"count(*) FILTER (WHERE {text} IS NOT NULL AND ({b.NumberSql(col)} IS NULL OR (({text} LIKE '0%' OR {text} LIKE '-0%') AND regexp_matches({text}, '^-?0[0-9]'))))");
        }

        return raw.Guard(() =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", aggregates)} FROM {raw.Reader(NoTypes, storeRejects: false)}";
            using var r = cmd.ExecuteReader();
            r.Read();
            var numeric = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < candidates.Count; i++)
            {
                if (r.GetInt64(2 + (2 * i)) > 0 && r.GetInt64(3 + (2 * i)) == 0)
                {
                    numeric.Add(candidates[i]);
                }
            }

            return (numeric, r.GetInt64(0) != r.GetInt64(1));
        });
    }

    private static void AddTimeRange(TypedTableBuilder b) =>
        b.Fact("first", $"min({SqlText.When("__customer IS NOT NULL", "ts")})").Fact("last", $"max({SqlText.When("__customer IS NOT NULL", "ts")})");

    private static TableQuality WithTimes(BuildResult r) => r.Quality with
    {
        FirstTimestamp = r.Facts["first"] is { } first ? Convert.ToDateTime(first, CultureInfo.InvariantCulture) : null,
        LastTimestamp = r.Facts["last"] is { } last ? Convert.ToDateTime(last, CultureInfo.InvariantCulture) : null,
    };
}
