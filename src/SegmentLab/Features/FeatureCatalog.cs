namespace SegmentLab.Features;

/// <summary>
/// Every feature SegmentLab can build, with its meaning, unit, family and edge-case encoding
/// (<c>segmentlab features --list</c> prints it). Some entries are templates expanded per data set: category and
/// channel shares, per-event-type counts, customer attributes.
/// </summary>
public static class FeatureCatalog
{
    /// <summary>The fixed features, in output order; templates (names with <c>&lt;…&gt;</c>) expand per data set.</summary>
    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        new("recency_days", "Whole days from the last purchase to the cutoff", "days", FeatureFamily.Behavioural, true,
            "floor((cutoff − last purchase) / 1 day), as pandas' Timedelta.days"),
        new("frequency", "Distinct orders before the cutoff", "orders", FeatureFamily.Behavioural, true),
        new("monetary", "Total purchase value, net of returns unless netReturns is false", "currency", FeatureFamily.Behavioural, true,
            "can be negative when returns exceed purchases in the window"),
        new("avg_order_value", "monetary / frequency", "currency", FeatureFamily.Behavioural, true),
        new("tenure_days", "Whole days from the first purchase to the cutoff", "days", FeatureFamily.Behavioural, true),
        new("days_between_orders_mean", "Mean days between consecutive orders", "days", FeatureFamily.Behavioural, false,
            "one order: tenure_days (the gap is at least that long — a censored lower bound, not 0)"),
        new("days_between_orders_cv", "Coefficient of variation of the days between orders (regularity)", "ratio", FeatureFamily.Behavioural, false,
            "fewer than two gaps: 0"),
        new("orders_per_month", "frequency per 30.44 days of tenure", "orders per month", FeatureFamily.Behavioural, true,
            "tenure shorter than a month counts as one month, so new customers are not inflated"),
        new("return_rate", "Return or cancellation lines / all lines", "share", FeatureFamily.Behavioural, true),
        new("distinct_products", "Distinct products bought", "count", FeatureFamily.Behavioural, true, "0 when there is no product column"),
        new("distinct_categories", "Distinct categories bought", "count", FeatureFamily.Behavioural, false, "0 when there is no category column"),
        new("avg_basket_items", "Mean quantity per order", "items", FeatureFamily.Behavioural, false, "0 when there is no quantity column"),
        new("avg_unit_price", "Mean unit price of purchase lines", "currency", FeatureFamily.Behavioural, false, "0 when there is no unit price"),
        new("discount_share", "Share of purchase lines priced at least 10% below the product's median price", "share", FeatureFamily.Behavioural, true,
            "needs product and unit price columns; 0 otherwise"),
        new("share_category_<name>", "Share of purchase value in each of the population's top categories", "share", FeatureFamily.Behavioural, false,
            "top N by population revenue (features.topCategories)"),
        new("share_channel_<name>", "Share of purchase lines in each sales channel", "share", FeatureFamily.Behavioural, false),

        new("days_since_last_engagement", "Whole days from the last event to the cutoff", "days", FeatureFamily.Engagement, true,
            "no events: the days from the first event in the data to the cutoff (as if last seen at the start), since 0 would read as 'engaged today'"),
        new("<event_type>_count", "Events of each type before the cutoff", "count", FeatureFamily.Engagement, false, "no events: 0"),
        new("<event_type>_30d", "Events of each type in the 30 days before the cutoff", "count", FeatureFamily.Engagement, false, "no events: 0"),
        new("<event_type>_90d", "Events of each type in the 90 days before the cutoff", "count", FeatureFamily.Engagement, false, "no events: 0"),
        new("email_open_rate", "email_open / email_sent", "share", FeatureFamily.Engagement, true,
            "nothing sent: the population's mean open rate (neutral for clustering), with received_email = 0 telling them apart"),
        new("email_click_rate", "email_click / email_open (click-to-open rate)", "share", FeatureFamily.Engagement, true,
            "nothing opened: the population's mean click-to-open rate, with received_email telling whether any email was sent"),
        new("received_email", "1 when any email was sent to the customer before the cutoff", "flag", FeatureFamily.Engagement, false),
        new("web_sessions_per_week", "web_visit events per week of the customer's active span", "per week", FeatureFamily.Engagement, true,
            "span: from the first purchase or event to the cutoff, at least one week"),
        new("app_sessions_per_week", "app_session events per week of the customer's active span", "per week", FeatureFamily.Engagement, true,
            "span as for web_sessions_per_week"),
        new("funnel_stage", "Furthest content-funnel step reached (1 = first step of features.funnel; 0 = none)", "stage", FeatureFamily.Engagement, true),
        new("active_weeks_share", "Share of the weeks in the active span with any purchase or event", "share", FeatureFamily.Engagement, true),

        new("mobile_share", "Share of events with a device that came from a mobile device", "share", FeatureFamily.Technographic, false,
            "no events with a device: 0"),
        new("desktop_share", "Share of events with a device that came from a desktop", "share", FeatureFamily.Technographic, false),
        new("tablet_share", "Share of events with a device that came from a tablet", "share", FeatureFamily.Technographic, false),
        new("app_share", "Share of events with a device that came from the app", "share", FeatureFamily.Technographic, false),

        new("<attribute>", "Numeric customer attributes, passed through", "as given", FeatureFamily.Attribute, false,
            "missing values: the attribute's median"),
        new("<attribute>=<value>", "One-hot columns of categorical attributes named in features.oneHot", "flag", FeatureFamily.Attribute, false,
            "categorical attributes are always kept for profiling and over-index, as text"),

        new("has_engagement", "1 when the customer has any event before the cutoff", "flag", FeatureFamily.Flag, false,
            "customers without events get engagement features of 0 (except as noted) and has_engagement = 0"),
        new("is_prospect", "1 for customers without a purchase before the cutoff (only with includeProspects)", "flag", FeatureFamily.Flag, false,
            "without includeProspects such customers are excluded; with it, their purchase features are 0"),

        new("purchased_in_holdout", "1 when the customer bought in the holdout window", "flag", FeatureFamily.Outcome, false,
            "outcomes are never clustering inputs; they feed lift"),
        new("holdout_orders", "Distinct orders in the holdout window", "orders", FeatureFamily.Outcome, false),
        new("holdout_revenue", "Purchase value in the holdout window (net of returns unless netReturns is false)", "currency", FeatureFamily.Outcome, false),
        new("engaged_in_holdout", "1 when the customer had any event in the holdout window", "flag", FeatureFamily.Outcome, false),
    ];

    /// <summary>The catalog entry for a feature name, resolving templates (share_category_home → share_category_&lt;name&gt;).</summary>
    public static FeatureDefinition? Find(string name)
    {
        var exact = All.FirstOrDefault(f => f.Name == name);
        if (exact is not null)
        {
            return exact;
        }

        if (name.StartsWith("share_category_", StringComparison.Ordinal))
        {
            return All.First(f => f.Name == "share_category_<name>");
        }

        if (name.StartsWith("share_channel_", StringComparison.Ordinal))
        {
            return All.First(f => f.Name == "share_channel_<name>");
        }

        foreach (string suffix in new[] { "_count", "_30d", "_90d" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return All.First(f => f.Name == "<event_type>" + suffix);
            }
        }

        return null;
    }
}
