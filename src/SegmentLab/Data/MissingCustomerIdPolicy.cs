namespace SegmentLab.Data;

/// <summary>What happens to transaction or event rows without a customer id.</summary>
public enum MissingCustomerIdPolicy
{
    /// <summary>Count them as filtered (guest checkouts are normal in shop exports) and leave them out; the default.</summary>
    Filter,

    /// <summary>Treat them as malformed: they go to the rejects file and count towards the rejected-share limit.</summary>
    Reject,
}
