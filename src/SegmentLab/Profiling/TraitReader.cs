using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>
/// Reads a segment's feature index rows as traits with fixed, documented thresholds: an index (segment mean /
/// population mean × 100) far from 100 AND a standardized difference of at least a small effect, so a big index on a
/// noisy feature does not count. The RFM states (recency, frequency, value, tenure) and the persona cues (bulk,
/// browsing, discount) feed the name; every trait feeds the description and breaks ties between names.
/// </summary>
internal sealed class TraitReader
{
    // Generic high / low traits: feature, words when high, words when low (null: not a trait).
    private static readonly (string Feature, string? High, string? Low)[] Generic =
    [
        ("avg_order_value", "big-ticket orders", "small orders"),
        ("orders_per_month", "fast repeat buyers", null),
        ("return_rate", "returns-heavy", null),
        ("discount_share", "discount-driven", "full-price"),
        ("avg_basket_items", "bulk baskets", null),
        ("distinct_products", "broad range", "narrow range"),
        ("email_open_rate", "email-engaged", "email-dormant"),
        ("email_click_rate", "offer clickers", null),
        ("web_sessions_per_week", "web-active", "web-dormant"),
        ("app_sessions_per_week", "app users", null),
        ("funnel_stage", "deep in the content funnel", null),
        ("active_weeks_share", "consistently active", "sporadic"),
        ("days_since_last_engagement", "disengaged", null),
        ("desktop_share", "desktop-first", null),
        ("mobile_share", "mobile-first", null),
    ];

    private readonly Dictionary<string, FeatureIndexRow> _rows;

    public TraitReader(IEnumerable<FeatureIndexRow> rows) =>
        _rows = rows.ToDictionary(r => r.Feature, StringComparer.Ordinal);

    /// <summary>The features read, in the order given.</summary>
    public IEnumerable<string> Features => _rows.Keys;

    /// <summary>The row of a feature, or null when the table lacks it.</summary>
    public FeatureIndexRow? Row(string feature) => _rows.GetValueOrDefault(feature);

    /// <summary>lapsed: recency index ≥ 175 and d ≥ 0.5; cooling: index ≥ 130 and d ≥ 0.25; active: index ≤ 60 and d ≤ −0.3.</summary>
    public RecencyState Recency => Row("recency_days") switch
    {
        null => RecencyState.Unknown,
        var r when High(r, 175, 0.5) => RecencyState.Lapsed,
        var r when High(r, 130, 0.25) => RecencyState.Cooling,
        var r when Low(r, 60, 0.3) => RecencyState.Active,
        _ => RecencyState.Typical,
    };

    /// <summary>High: frequency index ≥ 150 and d ≥ 0.4. One-time: the median customer has one order. Low: index ≤ 67 and d ≤ −0.3.</summary>
    public Tier Frequency => Row("frequency") switch
    {
        null => Tier.Unknown,
        var r when High(r, 150, 0.4) => Tier.High,
        var r when r.SegmentMedian <= 1 => Tier.OneTime,
        var r when Low(r, 67, 0.3) => Tier.Low,
        _ => Tier.Mid,
    };

    /// <summary>
    /// Value from monetary, on the median index first (spend is heavily skewed, so a few big accounts swing the mean):
    /// high when the median index ≥ 175 and the mean index ≥ 100 (a segment below the average spend is not called
    /// high-value beside a table showing it), or the mean index ≥ 175 with d ≥ 0.3; low when the median index ≤ 60 or
    /// the mean index ≤ 40.
    /// </summary>
    public Tier Value => Row("monetary") switch
    {
        null => Tier.Unknown,
        var r when (r.MedianIndex >= 175 && r.Index >= 100) || High(r, 175, 0.3) => Tier.High,
        var r when r.MedianIndex <= 60 || r.Index <= 40 => Tier.Low,
        _ => Tier.Mid,
    };

    /// <summary>New: tenure index ≤ 40 and d ≤ −0.8 (most customers first bought recently).</summary>
    public bool IsNew => Row("tenure_days") is { } r && Low(r, 40, 0.8);

    /// <summary>Bulk: items per order index ≥ 250 with d ≥ 0.8, or (without quantities) order value index ≥ 250 with d ≥ 0.8.</summary>
    public bool IsBulk => Row("avg_basket_items") is { } b && b.PopulationMean > 0
        ? High(b, 250, 0.8)
        : Row("avg_order_value") is { } a && High(a, 250, 0.8);

    /// <summary>Business-like: desktop share index ≥ 175 or funnel stage index ≥ 250 (demo / contact steps), each with d ≥ 0.8.</summary>
    public bool IsBusinessLike =>
        (Row("desktop_share") is { } d && High(d, 175, 0.8)) || (Row("funnel_stage") is { } f && High(f, 250, 0.8));

    /// <summary>Browser: web sessions index ≥ 175 with d ≥ 0.5, or funnel stage index ≥ 175 with d ≥ 0.5.</summary>
    public bool IsBrowser =>
        (Row("web_sessions_per_week") is { } w && High(w, 175, 0.5)) || (Row("funnel_stage") is { } f && High(f, 175, 0.5));

    /// <summary>Returns-heavy: return rate index ≥ 300 with d ≥ 1 (returns are the segment's defining behaviour).</summary>
    public bool IsReturnsHeavy => Row("return_rate") is { } r && High(r, 300, 1.0);

    /// <summary>Discount-driven: discount share index ≥ 175 with d ≥ 0.5.</summary>
    public bool IsDiscount => Row("discount_share") is { } r && High(r, 175, 0.5);

    /// <summary>Every trait found, strongest first (ties by key), each at most once.</summary>
    public IReadOnlyList<Trait> Traits()
    {
        var traits = new List<Trait>();
        void Add(string key, string words, string feature)
        {
            if (Row(feature) is { } r)
            {
                traits.Add(new Trait(key, words, feature, Math.Abs(r.StandardizedDifference ?? 0)));
            }
        }

        switch (Recency)
        {
            case RecencyState.Lapsed: Add("lapsed", "lapsed", "recency_days"); break;
            case RecencyState.Cooling: Add("cooling", "cooling", "recency_days"); break;
            case RecencyState.Active: Add("active", "recently active", "recency_days"); break;
        }

        switch (Frequency)
        {
            case Tier.High: Add("frequent", "frequent buyers", "frequency"); break;
            case Tier.OneTime: Add("one-time", "one-time buyers", "frequency"); break;
            case Tier.Low: Add("infrequent", "infrequent buyers", "frequency"); break;
        }

        switch (Value)
        {
            case Tier.High: Add("high-value", "high spend", "monetary"); break;
            case Tier.Low: Add("low-value", "low spend", "monetary"); break;
        }

        if (IsNew)
        {
            Add("new", "new", "tenure_days");
        }
        else if (Row("tenure_days") is { } t && High(t, 150, 0.5))
        {
            Add("long-standing", "long-standing", "tenure_days");
        }

        foreach (var (feature, high, low) in Generic)
        {
            if (Row(feature) is not { } r)
            {
                continue;
            }

            if (high is not null && High(r, 150, 0.5))
            {
                Add(high, high, feature);
            }
            else if (low is not null && Low(r, 50, 0.5))
            {
                Add(low, low, feature);
            }
        }

        foreach (var r in _rows.Values.Where(r => r.Feature.StartsWith("share_category_", StringComparison.Ordinal)
                     || r.Feature.StartsWith("share_channel_", StringComparison.Ordinal)))
        {
            if (High(r, 175, 0.5))
            {
                bool category = r.Feature.StartsWith("share_category_", StringComparison.Ordinal);
                string what = r.Feature[(category ? "share_category_" : "share_channel_").Length..].Replace('_', ' ');
                Add(r.Feature, category ? $"{what} buyers" : $"{what} channel", r.Feature);
            }
        }

        return traits.OrderByDescending(t => t.Strength).ThenBy(t => t.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Index at or above <paramref name="index"/> (or undefined) and d at or above <paramref name="d"/>.</summary>
    internal static bool High(FeatureIndexRow r, double index, double d) =>
        (r.Index is null || r.Index >= index) && (r.StandardizedDifference ?? 0) >= d;

    /// <summary>Index at or below <paramref name="index"/> (or undefined) and d at or below −<paramref name="d"/>.</summary>
    internal static bool Low(FeatureIndexRow r, double index, double d) =>
        (r.Index is null || r.Index <= index) && (r.StandardizedDifference ?? 0) <= -d;

    /// <summary>Where a segment's last orders sit against the population.</summary>
    internal enum RecencyState { Unknown, Typical, Active, Cooling, Lapsed }

    /// <summary>A three-level reading of a feature, plus one-time for frequency.</summary>
    internal enum Tier { Unknown, Mid, High, Low, OneTime }
}
