namespace SegmentLab.Data;

/// <summary>Maps the analyst's engagement-event column names onto SegmentLab's roles.</summary>
public sealed record EventColumns
{
    /// <summary>Customer identifier; default <c>customer_id</c>.</summary>
    public string CustomerId { get; init; } = "customer_id";

    /// <summary>When the event happened; default <c>timestamp</c>.</summary>
    public string Timestamp { get; init; } = "timestamp";

    /// <summary>Event type (free text, mapped by <see cref="EventsSource.EventTypes"/>); default <c>event_type</c>.</summary>
    public string EventType { get; init; } = "event_type";

    /// <summary>Channel (optional); default <c>channel</c> when present.</summary>
    public string? Channel { get; init; }

    /// <summary>Device (optional: mobile, desktop, tablet, app); default <c>device</c> when present.</summary>
    public string? Device { get; init; }

    /// <summary>Campaign id (optional); default <c>campaign_id</c> when present.</summary>
    public string? CampaignId { get; init; }
}
