namespace SegmentLab.Synthetic;

/// <summary>The latent customer types the generator draws from; <c>truth.csv</c> records each customer's.</summary>
public enum Persona
{
    /// <summary>Buys often and much, full price, opens most emails, uses the app.</summary>
    LoyalHighValue,

    /// <summary>Buys mostly discounted items, clicks email offers, returns a fair share.</summary>
    DiscountHunter,

    /// <summary>Signed up in the last months: few orders so far, working through the content funnel.</summary>
    NewOnboarding,

    /// <summary>Used to buy, stopped a year or more ago; ignores email.</summary>
    Lapsed,

    /// <summary>Visits the website a lot and reads content, rarely buys (some never have: prospects).</summary>
    EngagedBrowser,

    /// <summary>Business buyers: few large orders of many units, desktop, reach the demo/contact steps.</summary>
    BulkB2B,
}
