using System.Globalization;
using System.Text;
using SegmentLab.Data;

namespace SegmentLab.Features;

/// <summary>
/// Generates the SQL script that aggregates the loaded tables into one row per customer (printed by
/// <c>segmentlab features --explain-sql</c>). Each input table is read as few times as possible, into small per-customer
/// work tables (<c>fx_*</c>) that the final statement joins: a big input is re-read from its files on each scan, so
/// scans, not joins, are what cost. Value lists that become columns (top categories, channels, event types, attribute
/// values) come from the planning statements and are written into the SQL, so the script is self-contained and auditable.
/// </summary>
internal sealed partial class FeatureSql
{
    /// <summary>Work tables, dropped after each build.</summary>
    public static readonly string[] WorkTables = ["fx_tx_plan", "fx_products", "fx_categories", "fx_event_types", "fx_events", "fx_events_recent", "fx_buy", "fx_orders"];

    public required DateTime Cutoff { get; init; }

    public required DateTime? HoldoutEnd { get; init; }

    public required FeatureSettings Settings { get; init; }

    public required bool HasEvents { get; init; }

    public required bool HasCustomers { get; init; }

    public required bool HasProduct { get; init; }

    public required bool HasUnitPrice { get; init; }

    public required bool HasQuantity { get; init; }

    /// <summary>The active-week bitmaps of active_weeks_share; null: distinct weeks are counted instead (very long histories).</summary>
    public required WeekBitmaps? Weeks { get; init; }

    /// <summary>Products bought before the cutoff (numbered in fx_products); 0 when the data has none.</summary>
    public required int ProductCount { get; init; }

    /// <summary>Categories bought before the cutoff (numbered in fx_categories).</summary>
    public required int CategoryCount { get; init; }

    /// <summary>Customers in the transactions, to size the distinct-count bitmaps.</summary>
    public required long CustomerCount { get; init; }

    public required IReadOnlyList<string> TopCategories { get; init; }

    public required IReadOnlyList<string> Channels { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public required IReadOnlyList<string> NumericAttributes { get; init; }

    public required IReadOnlyList<string> CategoricalAttributes { get; init; }

    /// <summary>One-hot columns: attribute, value, output name.</summary>
    public required IReadOnlyList<(string Attribute, string Value, string Name)> OneHot { get; init; }

    /// <summary>The planning statements already run (their results gave the value lists); part of the script.</summary>
    public required IReadOnlyList<string> PlanStatements { get; init; }

    /// <summary>Output names for the dynamic columns, sanitized and unique.</summary>
    public static string ColumnName(string prefix, string value)
    {
        var sb = new StringBuilder(prefix);
        foreach (char ch in value.Trim().ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '_');
        }

        return sb.ToString().TrimEnd('_');
    }

    private static string T(DateTime t) => $"TIMESTAMP '{t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";

    private static string L(string s) => SqlText.Literal(s);

    private static string I(string s) => SqlText.Ident(s);

    private static string When(string condition, string value = "1") => SqlText.When(condition, value);

    /// <summary>Which transaction lines are purchases: not returns, and the config's price and quantity rules.</summary>
    public static string PurchaseRule(FeatureSettings s)
    {
        var rules = new List<string> { "NOT is_return" };
        if (s.RequirePositivePrice)
        {
            rules.Add("unit_price > 0");
        }

        if (s.RequirePositiveQuantity)
        {
            rules.Add("quantity > 0");
        }

        return string.Join(" AND ", rules);
    }

    /// <summary>GROUPING(product, unit_price, category, channel) of each grouping set of <see cref="TransactionPlan"/>.</summary>
    public const int ProductPriceRows = 0b0011, CategoryRows = 0b1101, ChannelRows = 0b1110;

    /// <summary>
    /// Planning, one scan of the purchases before the cutoff, three small groupings: the purchase count per product and
    /// price (the medians come from this histogram), revenue per category, lines per channel. (Orders are grouped in
    /// <see cref="Orders"/>: as a fourth grouping set here, their millions of rows made every set's scan dearer.)
    /// </summary>
    public static string TransactionPlan(DateTime cutoff, FeatureSettings s) => $"""
        CREATE OR REPLACE TEMP TABLE fx_tx_plan AS
        SELECT GROUPING(product, unit_price, category, channel) AS g, product, unit_price, category, channel, count(*) AS lines, sum(amount) AS amount
        FROM transactions WHERE ts < {T(cutoff)} AND {PurchaseRule(s)}
        GROUP BY GROUPING SETS ((product, unit_price), (category), (channel))
        """;

    /// <summary>
    /// The products bought before the cutoff, numbered (for the distinct-product bitmaps), with the median price of their
    /// purchases at a positive price. The median is read off the price histogram exactly as DuckDB's <c>median</c> computes
    /// it on DECIMAL(18,4): the middle value, or the lower middle plus half the difference, truncated to 4 decimals.
    /// </summary>
    public static string Products() => $"""
        CREATE OR REPLACE TEMP TABLE fx_products AS
        WITH h AS (SELECT product, unit_price AS v, lines AS c FROM fx_tx_plan WHERE g = {ProductPriceRows} AND product IS NOT NULL),
        pos AS (SELECT product, v, c, sum(c) OVER (PARTITION BY product ORDER BY v ROWS UNBOUNDED PRECEDING) - c AS before, sum(c) OVER (PARTITION BY product) AS n
                FROM h WHERE v > 0),
        mid AS (SELECT product, max({When("before <= (n - 1) // 2 AND (n - 1) // 2 < before + c", "v")}) AS lo,
                                max({When("before <= n // 2 AND n // 2 < before + c", "v")}) AS hi
                FROM pos GROUP BY product)
        SELECT p.product, CAST(row_number() OVER (ORDER BY p.product) - 1 AS INTEGER) AS idx,
               CAST(CAST(CAST(m.lo * 10000 AS BIGINT) + (CAST(m.hi * 10000 AS BIGINT) - CAST(m.lo * 10000 AS BIGINT)) // 2 AS DECIMAL(18, 0)) * 0.0001 AS DECIMAL(18, 4)) AS median_price
        FROM (SELECT DISTINCT product FROM h) p LEFT JOIN mid m USING (product)
        """;

    /// <summary>The categories bought before the cutoff, numbered (for the distinct-category bitmaps).</summary>
    public static string Categories() => $"""
        CREATE OR REPLACE TEMP TABLE fx_categories AS
        SELECT category, CAST(row_number() OVER (ORDER BY category) - 1 AS INTEGER) AS idx FROM fx_tx_plan WHERE g = {CategoryRows} AND category IS NOT NULL
        """;

    /// <summary>Planning: the event types seen before the cutoff, with their counts (the most frequent become columns).</summary>
    public static string EventTypeCounts(DateTime cutoff) => $"""
        CREATE OR REPLACE TEMP TABLE fx_event_types AS
        SELECT event_type, count(*) AS n FROM events WHERE ts < {T(cutoff)} GROUP BY event_type
        """;

    /// <summary>
    /// One scan of the events before the cutoff, straight to one row per customer: counts per event type, email and session
    /// counts, devices, funnel stage, first and last event and the active-week bitmaps. Event types are small codes computed
    /// once per row, so each of the many counts compares integers. Holdout events are counted in
    /// <see cref="RecentEvents"/>: here they would pass through every aggregate only to be left out.
    /// </summary>
    private string Events(WeekBitmaps? weeks)
    {
        string c = T(Cutoff);
        var codes = EventCodes();
        int Code(string type) => codes.IndexOf(type) + 1;
        var sql = new StringBuilder();
        sql.AppendLine("CREATE OR REPLACE TEMP TABLE fx_events AS");
        sql.AppendLine("SELECT customer_id,");
        sql.AppendLine("  count(*) AS n,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  floor((epoch({c}) - epoch(max(ts))) / 86400) AS days_since_last_engagement,");
        sql.AppendLine("  min(ts) AS first_event,");
        for (int i = 0; i < EventTypes.Count; i++)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  count({When($"k = {Code(EventTypes[i])}")}) AS ev_{i}_all,");
        }

        foreach (string canonical in CanonicalEvents.Where(t => !EventTypes.Contains(t)))
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  count({When($"k = {Code(canonical)}")}) AS n_{canonical},");
        }

        foreach (string device in Devices)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  count({When($"device = {L(device)}")}) AS dev_{device},");
        }

        var funnel = Settings.Funnel.Select((step, i) => $"WHEN {Code(step.Trim().ToLowerInvariant())} THEN {i + 1}");
        sql.AppendLine(Settings.Funnel.Count == 0 ? "  0 AS funnel_stage," : $"  max(CASE k {string.Join(" ", funnel)} ELSE 0 END) AS funnel_stage,");
        sql.Append("  count(device) AS dev_known");
        sql.AppendLine(weeks?.Aggregates("", before: null) ?? "");
        sql.AppendLine(CultureInfo.InvariantCulture, $"FROM (SELECT customer_id, ts, device, {EventCode()} AS k{weeks?.WeekColumn("ts")} FROM events WHERE ts < {c})");
        sql.Append("GROUP BY customer_id");
        return sql.ToString();
    }

    /// <summary>
    /// The events around the cutoff, from those days' rows only: counts per event type in the last 30 and 90 days before
    /// it (as counts in the whole-history scan they cost more than this second, narrow pass) and the events in the holdout.
    /// </summary>
    private string RecentEvents()
    {
        string c = T(Cutoff);
        var codes = EventCodes();
        // With a holdout the scan runs on past the cutoff: `d90` then marks the rows before it.
        string before = HoldoutEnd is null ? "" : "d90 AND ";
        var sql = new StringBuilder();
        sql.AppendLine("CREATE OR REPLACE TEMP TABLE fx_events_recent AS");
        sql.Append("SELECT customer_id");
        for (int i = 0; i < EventTypes.Count; i++)
        {
            int k = codes.IndexOf(EventTypes[i]) + 1;
            sql.Append(CultureInfo.InvariantCulture, $",\n  count({When($"d30 AND k = {k}")}) AS ev_{i}_30, count({When($"{before}k = {k}")}) AS ev_{i}_90");
        }

        sql.AppendLine(HoldoutEnd is null ? "" : $",\n  count({When("NOT d90")}) AS n_hold");
        string window = HoldoutEnd is null
            ? $"ts >= {c} - INTERVAL 30 DAY AS d30 FROM events WHERE ts >= {c} - INTERVAL 90 DAY AND ts < {c}"
            : $"ts >= {c} - INTERVAL 30 DAY AND ts < {c} AS d30, ts < {c} AS d90 FROM events WHERE ts >= {c} - INTERVAL 90 DAY AND ts < {T(HoldoutEnd.Value)}";
        sql.AppendLine(CultureInfo.InvariantCulture, $"FROM (SELECT customer_id, {EventCode()} AS k, {window})");
        sql.Append("GROUP BY customer_id");
        return sql.ToString();
    }

    /// <summary>The event type as its small code (see <see cref="EventCodes"/>), 0 for the others.</summary>
    private string EventCode() => "CASE event_type " + string.Concat(EventCodes().Select((t, i) => $"WHEN {L(t)} THEN {i + 1} ")) + "ELSE 0 END";

    private static readonly string[] CanonicalEvents = ["email_sent", "email_open", "email_click", "web_visit", "app_session"];

    /// <summary>The fx_events column counting a canonical event type before the cutoff (its type column when it has one).</summary>
    private string CountOf(string canonical) => EventTypes.ToList().IndexOf(canonical) is >= 0 and int i ? $"ev_{i}_all" : $"n_{canonical}";

    private static readonly string[] Devices = ["mobile", "desktop", "tablet", "app"];

    /// <summary>The event types that get a code: the column types, the canonical ones and the funnel steps.</summary>
    private List<string> EventCodes() => EventTypes.Concat(CanonicalEvents)
        .Concat(Settings.Funnel.Select(f => f.Trim().ToLowerInvariant())).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The script: planning statements, then the work tables and the final statement (fills <see cref="Columns"/>).</summary>
    public string Build() => string.Join(";\n\n", PlanStatements.Concat(Statements())) + ";\n";

    /// <summary>
    /// The statements after planning, in order; the last creates the <c>features</c> table or, given
    /// <paramref name="copyTo"/> (a quoted path and the COPY options), writes the rows straight to that file instead.
    /// </summary>
    public IReadOnlyList<string> Statements(string? copyTo = null)
    {
        var weeks = HasEvents ? Weeks : null;
        var list = new List<string> { Orders(), Purchases(weeks) };
        if (HasEvents)
        {
            list.Add(Events(weeks));
            list.Add(RecentEvents());
        }

        var sql = new StringBuilder();
        sql.AppendLine(CultureInfo.InvariantCulture, $"-- SegmentLab features as of {Cutoff:yyyy-MM-dd}: only rows with ts < cutoff feed features.");
        // An export skips the table: building an in-memory table of every row costs more than writing the file.
        sql.AppendLine(copyTo is null ? "CREATE OR REPLACE TABLE features AS" : "COPY (");
        sql.AppendLine("WITH");
        if (HasEvents)
        {
            AppendEngagement(sql, weeks);
        }

        sql.AppendLine("population AS (");
        sql.Append("  SELECT customer_id FROM fx_buy WHERE purchase_lines > 0");
        if (Settings.IncludeProspects)
        {
            if (HasEvents)
            {
                sql.Append(" UNION SELECT customer_id FROM fx_events WHERE n > 0");
            }

            if (HasCustomers)
            {
                sql.Append(" UNION SELECT customer_id FROM customers");
            }
        }

        sql.AppendLine(")");
        AppendSelect(sql, weeks);
        if (copyTo is not null)
        {
            sql.Append(") TO ").Append(copyTo);
        }

        list.Add(sql.ToString());
        return list;
    }

    /// <summary>Bitmaps (one bit per product or category, counted with bit_count) replace a distinct hash table when they fit in this many bytes.</summary>
    private const long MaxBitmapBytes = 256L << 20;

    private bool Bitmap(int values) => values > 0 && CustomerCount * ((values + 7) / 8) <= MaxBitmapBytes;

    /// <summary>One scan of the transactions: purchase, return and holdout aggregates per customer.</summary>
    private string Purchases(WeekBitmaps? weeks)
    {
        string c = T(Cutoff);
        bool discount = HasProduct && HasUnitPrice;
        bool productBits = HasProduct && Bitmap(ProductCount), categoryBits = Bitmap(CategoryCount);
        var sql = new StringBuilder();
        sql.AppendLine("CREATE OR REPLACE TEMP TABLE fx_buy AS");
        sql.AppendLine("SELECT t.customer_id,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  count({When("p")}) AS purchase_lines,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  floor((epoch({c}) - epoch(max({When("p", "t.ts")}))) / 86400) AS recency_days,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  sum({When("p", "t.amount")}) AS gross,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  floor((epoch({c}) - epoch(min({When("p", "t.ts")}))) / 86400) AS tenure_days,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  min({When("p", "t.ts")}) AS first_purchase,");

        // Distinct products and categories: a bit per numbered product (category) per customer when that is small, which
        // costs far less than the hash table of customer-product pairs that count(DISTINCT) builds.
        sql.AppendLine(productBits
            ? $"  bit_count(bitstring_agg({When("p", "pp.idx")}, 0, {ProductCount - 1})) AS distinct_products,"
            : $"  count(DISTINCT {When("p", "t.product")}) AS distinct_products,");
        sql.AppendLine(categoryBits
            ? $"  bit_count(bitstring_agg({When("p", "pc.idx")}, 0, {CategoryCount - 1})) AS distinct_categories,"
            : $"  count(DISTINCT {When("p", "t.category")}) AS distinct_categories,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  coalesce(sum({When("p", "t.quantity")}), 0) AS items,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  coalesce(avg({When("p", "t.unit_price")}), 0) AS avg_unit_price,");
        sql.AppendLine(discount
            ? $"  avg({When("p", "CASE WHEN t.unit_price > 0 AND t.unit_price <= 0.9 * pp.median_price THEN 1.0 ELSE 0.0 END")}) AS discount_share,"
            : "  0.0 AS discount_share,");
        for (int i = 0; i < TopCategories.Count; i++)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  coalesce(sum({When($"p AND t.category = {L(TopCategories[i])}", "t.amount")}), 0) AS cat_{i},");
        }

        for (int i = 0; i < Channels.Count; i++)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  count({When($"p AND t.channel = {L(Channels[i])}")}) AS ch_{i},");
        }

        if (HoldoutEnd is not null)
        {
            string revenue = Settings.NetReturns ? "p_after OR t.is_return" : "p_after";
            sql.AppendLine(CultureInfo.InvariantCulture, $"  coalesce(sum({When($"t.ts >= {c} AND ({revenue})", "t.amount")}), 0) AS holdout_revenue,");
        }

        sql.AppendLine(CultureInfo.InvariantCulture, $"  count({When("r")}) AS return_lines,");
        sql.Append(CultureInfo.InvariantCulture, $"  sum({When("r", "t.amount")}) AS return_amount");
        sql.AppendLine(weeks?.Aggregates("t.", before: c) ?? "");
        string rule = PurchaseRule(Settings);
        sql.AppendLine(CultureInfo.InvariantCulture,
            $"FROM (SELECT *, ts < {c} AND {rule} AS p, ts < {c} AND is_return AS r{(HoldoutEnd is null ? "" : $", {rule} AS p_after")}{weeks?.WeekColumn("ts")} FROM transactions WHERE ts < {T(HoldoutEnd ?? Cutoff)}) t");
        if (discount || productBits)
        {
            sql.AppendLine("LEFT JOIN fx_products pp ON t.product = pp.product");
        }

        if (categoryBits)
        {
            sql.AppendLine("LEFT JOIN fx_categories pc ON t.category = pc.category");
        }

        sql.Append("GROUP BY t.customer_id");
        return sql.ToString();
    }

    /// <summary>
    /// One scan of the transactions grouped by order, then by customer: frequency (orders with a purchase before the
    /// cutoff), the gaps between those orders and the orders with a purchase in the holdout.
    /// </summary>
    private string Orders()
    {
        string c = T(Cutoff), rule = PurchaseRule(Settings);
        // Gaps are whole seconds with exact integer sums, so their mean and variance do not depend on the summation order.
        // Orders without a purchase before the cutoff have no first_ts: they sort last and their gaps are NULL (not counted).
        // Orders placed in the same second may come in either order: the gaps are the same (one of them 0), so sorting by
        // time alone suffices (a tie-break on the order id made the sort cost a fifth more).
        string holdout = HoldoutEnd is null ? "" : $", bool_or(ts >= {c} AND {rule}) AS in_holdout";
        return $"""
            CREATE OR REPLACE TEMP TABLE fx_orders AS
            SELECT customer_id, count(first_ts) AS frequency, count(gap) AS gaps, sum(gap) AS gap_sum, sum(gap * gap) AS gap_sq{(HoldoutEnd is null ? "" : $", count({When("in_holdout")}) AS holdout_orders")}
            FROM (SELECT *, CAST(date_diff('second', lag(first_ts) OVER (PARTITION BY customer_id ORDER BY first_ts), first_ts) AS HUGEINT) AS gap
                  FROM (SELECT customer_id, min({When($"ts < {c} AND {rule}", "ts")}) AS first_ts{holdout}
                        FROM transactions WHERE ts < {T(HoldoutEnd ?? Cutoff)}
                        GROUP BY customer_id, order_id))
            GROUP BY customer_id
            """;
    }

    private void AppendEngagement(StringBuilder sql, WeekBitmaps? weeks)
    {
        string cutoff = T(Cutoff);
        // fx_events holds the customers with an event before the cutoff (n > 0); the left join gives every other customer
        // NULLs there, which the final columns turn into the values of a customer without events.
        sql.AppendLine(CultureInfo.InvariantCulture, $"ev_start AS (SELECT floor((epoch({cutoff}) - epoch(min(first_event))) / 86400) AS days FROM fx_events),");
        if (weeks is null)
        {
            sql.AppendLine("activity AS (SELECT customer_id, count(*) AS active_weeks FROM (");
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"  SELECT DISTINCT customer_id, date_trunc('week', ts) AS week FROM (SELECT customer_id, ts FROM transactions WHERE ts < {cutoff} UNION ALL SELECT customer_id, ts FROM events WHERE ts < {cutoff}))");
            sql.AppendLine("  GROUP BY customer_id),");
        }
    }
}
