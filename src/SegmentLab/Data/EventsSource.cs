namespace SegmentLab.Data;

/// <summary>The optional engagement-events table: one row per email send/open/click, visit, session or content step.</summary>
public sealed record EventsSource : TableSource
{
    /// <summary>Column mapping; defaults are the conventional names.</summary>
    public EventColumns Columns { get; init; } = new();

    /// <summary>
    /// Maps the analyst's event-type values to SegmentLab's canonical ones (<c>email_sent</c>, <c>email_open</c>,
    /// <c>email_click</c>, <c>web_visit</c>, <c>app_session</c>, content-funnel steps, …). Matching ignores case and
    /// surrounding spaces; unmapped values are kept, lower-cased and trimmed. Default empty.
    /// </summary>
    public IReadOnlyDictionary<string, string> EventTypes { get; init; } = new Dictionary<string, string>();

    /// <summary>What happens to rows without a customer id; default <see cref="MissingCustomerIdPolicy.Filter"/>.</summary>
    public MissingCustomerIdPolicy MissingCustomerId { get; init; } = MissingCustomerIdPolicy.Filter;
}
