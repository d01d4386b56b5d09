using System.Globalization;
using System.Text;

namespace SegmentLab.Features;

/// <summary>The final SELECT: one expression per output column, with the catalog's edge-case encodings.</summary>
internal sealed partial class FeatureSql
{
    /// <summary>True when the events carry a device.</summary>
    public required bool HasDevice { get; init; }

    /// <summary>The output columns in order, filled by <see cref="Build"/>.</summary>
    public List<FeatureSqlColumn> Columns { get; } = [];

    private void AppendSelect(StringBuilder sql, WeekBitmaps? weeks)
    {
        Columns.Clear();
        _fills.Clear();
        var exprs = new List<string>();
        void Add(string name, string expr, FeatureSqlColumnKind kind = FeatureSqlColumnKind.Feature, FeatureDefinition? def = null)
        {
            def ??= FeatureCatalog.Find(name) ?? throw new InvalidOperationException($"no catalog entry for {name}");
            Columns.Add(new FeatureSqlColumn(name, def, kind));
            exprs.Add(kind == FeatureSqlColumnKind.Text ? $"{expr} AS {I(name)}" : $"CAST({expr} AS DOUBLE) AS {I(name)}");
        }

        string monetary = Settings.NetReturns ? "(coalesce(b.gross, 0) + coalesce(b.return_amount, 0))" : "coalesce(b.gross, 0)";
        Add("recency_days", "coalesce(b.recency_days, 0)");
        Add("frequency", "coalesce(g.frequency, 0)");
        Add("monetary", monetary);
        Add("avg_order_value", $"coalesce({monetary} / nullif(g.frequency, 0), 0)");
        Add("tenure_days", "coalesce(b.tenure_days, 0)");
        // Gaps are whole seconds with exact integer sums, so the mean and the (n Σg² − (Σg)²) variance are exact whatever the order.
        Add("days_between_orders_mean", "CASE WHEN g.gaps >= 1 THEN g.gap_sum / g.gaps / 86400.0 ELSE coalesce(b.tenure_days, 0) END");
        Add("days_between_orders_cv", "CASE WHEN g.gaps >= 2 AND g.gap_sum > 0 THEN sqrt(CAST(g.gaps * g.gap_sq - g.gap_sum * g.gap_sum AS DOUBLE)) / CAST(g.gap_sum AS DOUBLE) ELSE 0 END");
        Add("orders_per_month", "coalesce(g.frequency, 0) / greatest(coalesce(b.tenure_days, 0) / 30.44, 1)");
        Add("return_rate", "coalesce(coalesce(b.return_lines, 0) / nullif(coalesce(b.purchase_lines, 0) + coalesce(b.return_lines, 0), 0), 0)");
        Add("distinct_products", "coalesce(b.distinct_products, 0)");
        Add("distinct_categories", "coalesce(b.distinct_categories, 0)");
        Add("avg_basket_items", "coalesce(b.items / nullif(g.frequency, 0), 0)");
        Add("avg_unit_price", "coalesce(b.avg_unit_price, 0)");
        Add("discount_share", "coalesce(b.discount_share, 0)");
        for (int i = 0; i < TopCategories.Count; i++)
        {
            Add(Unique(ColumnName("share_category_", TopCategories[i])), $"coalesce(b.cat_{i} / nullif(b.gross, 0), 0)");
        }

        for (int i = 0; i < Channels.Count; i++)
        {
            Add(Unique(ColumnName("share_channel_", Channels[i])), $"coalesce(b.ch_{i} / nullif(b.purchase_lines, 0), 0)");
        }

        if (HasEvents)
        {
            AppendEngagementColumns(Add, weeks);
        }

        if (HasCustomers)
        {
            foreach (string a in NumericAttributes)
            {
                var def = new FeatureDefinition(Unique(ColumnName("", a)), $"Customer attribute '{a}'", "as given", FeatureFamily.Attribute, false, "missing values: the attribute's median");
                Add(def.Name, $"coalesce(c.{I(a)}, {Fill($"median(c.{I(a)})")})", def: def);
            }

            foreach (var (attribute, value, name) in OneHot)
            {
                var def = new FeatureDefinition(name, $"1 when '{attribute}' is '{value}'", "flag", FeatureFamily.Attribute, false);
                Add(name, $"CASE WHEN c.{I(attribute)} = {L(value)} THEN 1 ELSE 0 END", def: def);
            }

            foreach (string a in CategoricalAttributes)
            {
                var def = new FeatureDefinition(Unique(ColumnName("", a)), $"Customer attribute '{a}' (categorical, for profiling)", "category", FeatureFamily.Attribute, false);
                Add(def.Name, $"c.{I(a)}", FeatureSqlColumnKind.Text, def);
            }
        }

        if (Settings.IncludeProspects)
        {
            Add("is_prospect", "CASE WHEN coalesce(b.purchase_lines, 0) = 0 THEN 1 ELSE 0 END");
        }

        if (HoldoutEnd is not null)
        {
            Add("purchased_in_holdout", "CASE WHEN coalesce(g.holdout_orders, 0) > 0 THEN 1 ELSE 0 END", FeatureSqlColumnKind.Outcome);
            Add("holdout_orders", "coalesce(g.holdout_orders, 0)", FeatureSqlColumnKind.Outcome);
            Add("holdout_revenue", "coalesce(b.holdout_revenue, 0)", FeatureSqlColumnKind.Outcome);
            if (HasEvents)
            {
                Add("engaged_in_holdout", "CASE WHEN er.n_hold > 0 THEN 1 ELSE 0 END", FeatureSqlColumnKind.Outcome);
            }
        }

        if (_fills.Count > 0)
        {
            // Population-wide fill values (an attribute's median, the mean email rates) are computed once, over the rows of
            // the result, instead of as windows over the whole result, which would hold every row in memory.
            sql.AppendLine(", fills AS (");
            sql.AppendLine("  SELECT " + string.Join(", ", _fills.Select((f, i) => $"{f} AS fill_{i}")));
            sql.AppendLine("  FROM population pop");
            if (HasEvents)
            {
                sql.AppendLine("  LEFT JOIN fx_events e ON e.customer_id = pop.customer_id");
            }

            if (HasCustomers)
            {
                sql.AppendLine("  LEFT JOIN customers c ON c.customer_id = pop.customer_id");
            }

            sql.AppendLine(")");
        }

        // Without prospects the population is fx_buy's buyers: the rows come from fx_buy itself rather than from a join of the
        // population with it (a hash table of a million wide rows saved).
        bool fromBuy = !Settings.IncludeProspects;
        string key = fromBuy ? "b.customer_id" : "pop.customer_id";
        sql.AppendLine(CultureInfo.InvariantCulture, $"SELECT {key},");
        sql.AppendLine("  " + string.Join(",\n  ", exprs));
        sql.AppendLine(fromBuy ? "FROM fx_buy b" : "FROM population pop");
        if (_fills.Count > 0)
        {
            sql.AppendLine("CROSS JOIN fills f");
        }

        if (!fromBuy)
        {
            sql.AppendLine("LEFT JOIN fx_buy b ON b.customer_id = pop.customer_id");
        }

        sql.AppendLine(CultureInfo.InvariantCulture, $"LEFT JOIN fx_orders g ON g.customer_id = {key}");
        if (HasEvents)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"LEFT JOIN fx_events e ON e.customer_id = {key}");
            sql.AppendLine(CultureInfo.InvariantCulture, $"LEFT JOIN fx_events_recent er ON er.customer_id = {key}");
            if (weeks is null)
            {
                sql.AppendLine(CultureInfo.InvariantCulture, $"LEFT JOIN activity a ON a.customer_id = {key}");
            }
        }

        if (HasCustomers)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"LEFT JOIN customers c ON c.customer_id = {key}");
        }

        if (fromBuy)
        {
            sql.AppendLine("WHERE b.purchase_lines > 0");
        }

        sql.AppendLine(CultureInfo.InvariantCulture, $"ORDER BY {key}");
    }

    private void AppendEngagementColumns(Action<string, string, FeatureSqlColumnKind, FeatureDefinition?> add, WeekBitmaps? weeks)
    {
        void Add(string name, string expr) => add(name, expr, FeatureSqlColumnKind.Feature, null);
        Add("days_since_last_engagement", "coalesce(e.days_since_last_engagement, (SELECT days FROM ev_start))");
        for (int i = 0; i < EventTypes.Count; i++)
        {
            string stem = ColumnName("", EventTypes[i]);
            Add(Unique(stem + "_count"), $"coalesce(e.ev_{i}_all, 0)");
            Add(Unique(stem + "_30d"), $"coalesce(er.ev_{i}_30, 0)");
            Add(Unique(stem + "_90d"), $"coalesce(er.ev_{i}_90, 0)");
        }

        string openRate = $"e.{CountOf("email_open")} / nullif(e.{CountOf("email_sent")}, 0)";
        string clickRate = $"e.{CountOf("email_click")} / nullif(e.{CountOf("email_open")}, 0)";
        // The population mean is averaged in DECIMAL: exact sums, so the result does not depend on the parallel summation order.
        Add("email_open_rate", $"coalesce({openRate}, {Fill($"avg(CAST({openRate} AS DECIMAL(18, 12)))")}, 0)");
        Add("email_click_rate", $"coalesce({clickRate}, {Fill($"avg(CAST({clickRate} AS DECIMAL(18, 12)))")}, 0)");
        Add("received_email", $"CASE WHEN coalesce(e.{CountOf("email_sent")}, 0) > 0 THEN 1 ELSE 0 END");
        string span = $"greatest((epoch({T(Cutoff)}) - epoch(least(b.first_purchase, e.first_event))) / 86400.0 / 7, 1)";
        Add("web_sessions_per_week", $"coalesce(coalesce(e.{CountOf("web_visit")}, 0) / {span}, 0)");
        Add("app_sessions_per_week", $"coalesce(coalesce(e.{CountOf("app_session")}, 0) / {span}, 0)");
        Add("funnel_stage", "coalesce(e.funnel_stage, 0)");
        // Active weeks: the union of the purchase and event week bitmaps (or the distinct weeks, for very long histories).
        string active = weeks?.ActiveWeeks("b", "e") ?? "coalesce(a.active_weeks, 0)";
        Add("active_weeks_share", $"coalesce(least({active} / ceil({span}), 1), 0)");
        if (HasDevice)
        {
            foreach (string device in Devices)
            {
                Add($"{device}_share", $"coalesce(e.dev_{device} / nullif(e.dev_known, 0), 0)");
            }
        }

        Add("has_engagement", "CASE WHEN e.n > 0 THEN 1 ELSE 0 END");
    }

    private readonly List<string> _fills = [];

    /// <summary>A population-wide aggregate over the result's rows (the <c>fills</c> CTE), as the column that holds it.</summary>
    private string Fill(string aggregate)
    {
        _fills.Add(aggregate);
        return $"f.fill_{_fills.Count - 1}";
    }

    private string Unique(string name)
    {
        string candidate = name.Length == 0 ? "attr" : name;
        int n = 2;
        while (Columns.Any(c => c.Name == candidate) || candidate == "customer_id")
        {
            candidate = $"{name}_{n++}";
        }

        return candidate;
    }
}

/// <summary>What an output column of the feature SQL is.</summary>
internal enum FeatureSqlColumnKind
{
    /// <summary>A numeric feature.</summary>
    Feature,

    /// <summary>A holdout outcome.</summary>
    Outcome,

    /// <summary>A categorical attribute kept as text.</summary>
    Text,
}

/// <summary>One output column of the feature SQL.</summary>
internal sealed record FeatureSqlColumn(string Name, FeatureDefinition Definition, FeatureSqlColumnKind Kind);
