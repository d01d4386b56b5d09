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
    public static readonly string[] WorkTables = ["fx_tx_plan", "fx_events", "fx_event_weeks", "fx_buy", "fx_orders"];

    /// <summary>Above this many weeks between the first row and the cutoff, active weeks are counted without bitmaps.</summary>
    private const int MaxBitmapWeeks = 1100;

    public required DateTime Cutoff { get; init; }

    public required DateTime? HoldoutEnd { get; init; }

    public required FeatureSettings Settings { get; init; }

    public required bool HasEvents { get; init; }

    public required bool HasCustomers { get; init; }

    public required bool HasProduct { get; init; }

    public required bool HasUnitPrice { get; init; }

    public required bool HasQuantity { get; init; }

    /// <summary>The earliest transaction or event, for the week bitmaps of active_weeks_share.</summary>
    public required DateTime? FirstTimestamp { get; init; }

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

    /// <summary>Planning, one scan of the purchases: median price per product, revenue per category, lines per channel.</summary>
    public static string TransactionPlan(DateTime cutoff, FeatureSettings s, bool medians) => $"""
        CREATE OR REPLACE TEMP TABLE fx_tx_plan AS
        SELECT GROUPING(product, category, channel) AS g, product, category, channel,{(medians ? " median(unit_price) FILTER (WHERE product IS NOT NULL AND unit_price > 0) AS median_price," : "")}
               sum(amount) AS amount, count(*) AS lines
        FROM transactions WHERE ts < {T(cutoff)} AND {PurchaseRule(s)}
        GROUP BY GROUPING SETS ((product), (category), (channel))
        """;

    /// <summary>Planning, one scan of the events: counts per customer, event type and device, before the cutoff and in the holdout.</summary>
    public static string EventCounts(DateTime cutoff, DateTime? holdoutEnd)
    {
        string c = T(cutoff);
        return $"""
            CREATE OR REPLACE TEMP TABLE fx_events AS
            SELECT customer_id, event_type, device,
                   count(*) FILTER (WHERE ts < {c}) AS n,
                   count(*) FILTER (WHERE ts < {c} AND ts >= {c} - INTERVAL 30 DAY) AS n30,
                   count(*) FILTER (WHERE ts < {c} AND ts >= {c} - INTERVAL 90 DAY) AS n90,
                   min(ts) FILTER (WHERE ts < {c}) AS first_ts, max(ts) FILTER (WHERE ts < {c}) AS last_ts{(holdoutEnd is null ? "" : $",\n       count(*) FILTER (WHERE ts >= {c}) AS n_hold")}
            FROM events WHERE ts < {T(holdoutEnd ?? cutoff)}
            GROUP BY customer_id, event_type, device
            """;
    }

    /// <summary>Monday-based week number since 1970 (weeks as <c>date_trunc('week', ts)</c> cuts them).</summary>
    private static string WeekOf(string ts) => $"CAST(floor((epoch({ts}) / 86400 + 3) / 7) AS INTEGER)";

    private static int WeekOf(DateTime t) => (int)Math.Floor(((t - DateTime.UnixEpoch).TotalDays + 3) / 7);

    /// <summary>The week range of the bitmaps (a week either side for rounding), or null when it would be too wide.</summary>
    private (int Low, int High)? WeekRange()
    {
        if (FirstTimestamp is not { } first)
        {
            return null;
        }

        int low = WeekOf(first) - 1, high = WeekOf(Cutoff) + 1;
        return high - low <= MaxBitmapWeeks ? (low, high) : null;
    }

    /// <summary>The script: planning statements, then the work tables and the final statement (fills <see cref="Columns"/>).</summary>
    public string Build() => string.Join(";\n\n", PlanStatements.Concat(Statements())) + ";\n";

    /// <summary>The statements after planning, in order; the last creates the <c>features</c> table.</summary>
    public IReadOnlyList<string> Statements()
    {
        var weeks = HasEvents ? WeekRange() : null;
        var list = new List<string> { Purchases(weeks), Orders() };
        if (weeks is { } w)
        {
            list.Add($"""
                CREATE OR REPLACE TEMP TABLE fx_event_weeks AS
                SELECT customer_id, bitstring_agg({WeekOf("ts")}, {w.Low}, {w.High}) AS weeks FROM events WHERE ts < {T(Cutoff)} GROUP BY customer_id
                """);
        }

        var sql = new StringBuilder();
        sql.AppendLine(CultureInfo.InvariantCulture, $"-- SegmentLab features as of {Cutoff:yyyy-MM-dd}: only rows with ts < cutoff feed features.");
        sql.AppendLine("CREATE OR REPLACE TABLE features AS");
        sql.AppendLine("WITH");
        if (HasEvents)
        {
            AppendEngagement(sql, weeks is null);
        }

        sql.AppendLine("population AS (");
        sql.Append("  SELECT customer_id FROM fx_buy WHERE purchase_lines > 0");
        if (Settings.IncludeProspects)
        {
            if (HasEvents)
            {
                sql.Append(" UNION SELECT customer_id FROM eng");
            }

            if (HasCustomers)
            {
                sql.Append(" UNION SELECT customer_id FROM customers");
            }
        }

        sql.AppendLine(")");
        AppendSelect(sql, weeks is not null);
        list.Add(sql.ToString());
        return list;
    }

    /// <summary>One scan of the transactions: purchase, return and holdout aggregates per customer.</summary>
    private string Purchases((int Low, int High)? weeks)
    {
        string c = T(Cutoff);
        bool discount = HasProduct && HasUnitPrice;
        var sql = new StringBuilder();
        sql.AppendLine("CREATE OR REPLACE TEMP TABLE fx_buy AS");
        sql.AppendLine("SELECT t.customer_id,");
        sql.AppendLine("  count(*) FILTER (WHERE p) AS purchase_lines,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  floor((epoch({c}) - epoch(max(t.ts) FILTER (WHERE p))) / 86400) AS recency_days,");
        sql.AppendLine("  sum(t.amount) FILTER (WHERE p) AS gross,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  floor((epoch({c}) - epoch(min(t.ts) FILTER (WHERE p))) / 86400) AS tenure_days,");
        sql.AppendLine("  min(t.ts) FILTER (WHERE p) AS first_purchase,");
        sql.AppendLine("  count(DISTINCT t.product) FILTER (WHERE p) AS distinct_products,");
        sql.AppendLine("  count(DISTINCT t.category) FILTER (WHERE p) AS distinct_categories,");
        sql.AppendLine("  coalesce(sum(t.quantity) FILTER (WHERE p), 0) AS items,");
        sql.AppendLine("  coalesce(avg(t.unit_price) FILTER (WHERE p), 0) AS avg_unit_price,");
        sql.AppendLine(discount
            ? "  avg(CASE WHEN t.unit_price > 0 AND t.unit_price <= 0.9 * pp.median_price THEN 1.0 ELSE 0.0 END) FILTER (WHERE p) AS discount_share,"
            : "  0.0 AS discount_share,");
        for (int i = 0; i < TopCategories.Count; i++)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  coalesce(sum(t.amount) FILTER (WHERE p AND t.category = {L(TopCategories[i])}), 0) AS cat_{i},");
        }

        for (int i = 0; i < Channels.Count; i++)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  count(*) FILTER (WHERE p AND t.channel = {L(Channels[i])}) AS ch_{i},");
        }

        if (HoldoutEnd is not null)
        {
            string revenue = Settings.NetReturns ? "p_after OR t.is_return" : "p_after";
            sql.AppendLine(CultureInfo.InvariantCulture, $"  coalesce(sum(t.amount) FILTER (WHERE t.ts >= {c} AND ({revenue})), 0) AS holdout_revenue,");
        }

        if (weeks is { } w)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"  bitstring_agg({WeekOf("t.ts")}, {w.Low}, {w.High}) FILTER (WHERE t.ts < {c}) AS weeks,");
        }

        sql.AppendLine("  count(*) FILTER (WHERE r) AS return_lines,");
        sql.AppendLine("  sum(t.amount) FILTER (WHERE r) AS return_amount");
        string rule = PurchaseRule(Settings);
        sql.AppendLine(CultureInfo.InvariantCulture,
            $"FROM (SELECT *, ts < {c} AND {rule} AS p, ts < {c} AND is_return AS r{(HoldoutEnd is null ? "" : $", {rule} AS p_after")} FROM transactions WHERE ts < {T(HoldoutEnd ?? Cutoff)}) t");
        if (discount)
        {
            sql.AppendLine("LEFT JOIN (SELECT product, median_price FROM fx_tx_plan WHERE g = 3 AND product IS NOT NULL) pp ON t.product = pp.product");
        }

        sql.Append("GROUP BY t.customer_id");
        return sql.ToString();
    }

    /// <summary>One scan of the transactions at order grain: frequency, the gaps between orders, holdout orders.</summary>
    private string Orders()
    {
        string c = T(Cutoff);
        string rule = PurchaseRule(Settings);
        bool hold = HoldoutEnd is not null;
        // Gaps are whole seconds with exact integer sums, so their mean and variance do not depend on the summation order.
        // Orders without a purchase before the cutoff (holdout-only) have ts NULL and sort last, after every real gap.
        return $"""
            CREATE OR REPLACE TEMP TABLE fx_orders AS
            SELECT customer_id, count(ts) AS frequency, count(gap) AS gaps, sum(gap) AS gap_sum, sum(gap * gap) AS gap_sq{(hold ? ", count(*) FILTER (WHERE in_holdout) AS holdout_orders" : "")}
            FROM (SELECT customer_id, ts{(hold ? ", in_holdout" : "")}, CAST(date_diff('second', lag(ts) OVER (PARTITION BY customer_id ORDER BY ts ASC NULLS LAST, order_id), ts) AS HUGEINT) AS gap
                  FROM (SELECT customer_id, order_id, min(ts) FILTER (WHERE ts < {c} AND {rule}) AS ts{(hold ? $", bool_or(ts >= {c} AND {rule}) AS in_holdout" : "")}
                        FROM transactions WHERE ts < {T(HoldoutEnd ?? Cutoff)} GROUP BY customer_id, order_id))
            GROUP BY customer_id
            """;
    }

    private void AppendEngagement(StringBuilder sql, bool activityWithoutBitmaps)
    {
        string cutoff = T(Cutoff);

        // Event types are compared once, as a small code, instead of once per pivot column.
        var codes = EventTypes.Concat(["email_sent", "email_open", "email_click", "web_visit", "app_session"])
            .Concat(Settings.Funnel.Select(f => f.Trim().ToLowerInvariant())).Distinct(StringComparer.Ordinal).ToList();
        int Code(string type) => codes.IndexOf(type) + 1;
        string code = "CASE event_type " + string.Concat(codes.Select((t, i) => $"WHEN {L(t)} THEN {i + 1} ")) + "ELSE 0 END";
        sql.AppendLine("eng AS (");
        sql.AppendLine("  SELECT customer_id,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    floor((epoch({cutoff}) - epoch(max(last_ts))) / 86400) AS days_since_last_engagement,");
        sql.AppendLine("    min(first_ts) AS first_event,");
        for (int i = 0; i < EventTypes.Count; i++)
        {
            int k = Code(EventTypes[i]);
            sql.AppendLine(CultureInfo.InvariantCulture, $"    coalesce(sum(n) FILTER (WHERE k = {k}), 0) AS ev_{i}_all,");
            sql.AppendLine(CultureInfo.InvariantCulture, $"    coalesce(sum(n30) FILTER (WHERE k = {k}), 0) AS ev_{i}_30,");
            sql.AppendLine(CultureInfo.InvariantCulture, $"    coalesce(sum(n90) FILTER (WHERE k = {k}), 0) AS ev_{i}_90,");
        }

        foreach (string canonical in new[] { "email_sent", "email_open", "email_click", "web_visit", "app_session" })
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"    coalesce(sum(n) FILTER (WHERE k = {Code(canonical)}), 0) AS n_{canonical},");
        }

        foreach (string device in new[] { "mobile", "desktop", "tablet", "app" })
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"    coalesce(sum(n) FILTER (WHERE device = {L(device)}), 0) AS dev_{device},");
        }

        var funnel = Settings.Funnel.Select((step, i) => $"WHEN {Code(step.Trim().ToLowerInvariant())} THEN {i + 1}");
        sql.AppendLine(Settings.Funnel.Count == 0 ? "    0 AS funnel_stage," : $"    max(CASE k {string.Join(" ", funnel)} ELSE 0 END) AS funnel_stage,");
        sql.AppendLine("    coalesce(sum(n) FILTER (WHERE device IS NOT NULL), 0) AS dev_known");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  FROM (SELECT *, {code} AS k FROM fx_events WHERE n > 0) GROUP BY customer_id),");
        sql.AppendLine(CultureInfo.InvariantCulture, $"ev_start AS (SELECT floor((epoch({cutoff}) - epoch(min(first_ts))) / 86400) AS days FROM fx_events WHERE n > 0),");
        if (HoldoutEnd is not null)
        {
            sql.AppendLine("hold_ev AS (SELECT customer_id FROM fx_events GROUP BY customer_id HAVING sum(n_hold) > 0),");
        }

        if (activityWithoutBitmaps)
        {
            sql.AppendLine("activity AS (SELECT customer_id, count(*) AS active_weeks FROM (");
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"  SELECT DISTINCT customer_id, date_trunc('week', ts) AS week FROM (SELECT customer_id, ts FROM transactions WHERE ts < {cutoff} UNION ALL SELECT customer_id, ts FROM events WHERE ts < {cutoff}))");
            sql.AppendLine("  GROUP BY customer_id),");
        }
    }
}
