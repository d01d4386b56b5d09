namespace SegmentLab.Synthetic;

/// <summary>The behaviour parameters of one persona (rates are per 30 days of activity).</summary>
internal sealed record PersonaProfile(
    Persona Persona,
    double Weight,
    double OrdersPerMonth,
    double LinesPerOrder,
    double ExtraUnits,
    double DiscountShare,
    double ReturnChance,
    double[] CategoryWeights,
    double[] ChannelWeights,
    double OpenChance,
    double ClickGivenOpen,
    double WebPerMonth,
    double AppPerMonth,
    double FunnelStart,
    double FunnelContinue,
    double[] DeviceWeights,
    double ProspectChance,
    double AgeMean,
    double LoyaltyChance)
{
    public static readonly string[] Categories = ["home", "kitchen", "toys", "garden", "fashion", "electronics", "beauty", "stationery"];
    public static readonly string[] Channels = ["web", "app", "store", "marketplace"];
    public static readonly string[] Devices = ["mobile", "desktop", "tablet"];
    public static readonly string[] Regions = ["North", "South", "East", "West", "Central"];
    public static readonly string[] FunnelSteps = ["ebook_download", "explainer_video", "quiz", "demo_video", "contact_form"];

    // Categories:                      home kitch toys gard fash elec beau stat      Channels: web  app store market   Devices: mob desk tab
    public static readonly PersonaProfile[] All =
    [
        new(Persona.LoyalHighValue, 0.14, 1.5, 2.5, 1.0, 0.05, 0.04, [3, 3, 1, 2, 2, 3, 2, 1], [3, 5, 2, 0.5], 0.55, 0.25, 1.0, 2.0, 0.2, 0.3, [4, 3, 1], 0.0, 44, 0.8),
        new(Persona.DiscountHunter, 0.20, 0.9, 2.2, 0.6, 0.75, 0.12, [1, 1, 3, 1, 4, 2, 3, 1], [3, 1, 1, 4], 0.45, 0.45, 1.2, 0.5, 0.1, 0.3, [6, 3, 1], 0.0, 34, 0.4),
        new(Persona.NewOnboarding, 0.14, 0.8, 1.6, 0.4, 0.15, 0.06, [2, 2, 2, 1, 2, 2, 2, 1], [4, 2, 1, 1], 0.50, 0.20, 2.0, 0.7, 0.8, 0.55, [5, 4, 1], 0.0, 31, 0.15),
        new(Persona.Lapsed, 0.20, 0.7, 1.8, 0.5, 0.10, 0.06, [2, 2, 2, 2, 2, 1, 1, 1], [3, 1, 3, 1], 0.04, 0.05, 0.3, 0.1, 0.1, 0.3, [4, 5, 1], 0.0, 47, 0.1),
        new(Persona.EngagedBrowser, 0.22, 0.1, 1.2, 0.3, 0.15, 0.05, [2, 1, 1, 1, 3, 3, 2, 2], [5, 1, 1, 1], 0.35, 0.15, 3.0, 0.3, 0.7, 0.5, [6, 3, 1], 0.35, 29, 0.1),
        new(Persona.BulkB2B, 0.10, 0.4, 5.0, 30.0, 0.08, 0.03, [2, 2, 0.5, 1, 0.5, 2, 0.5, 5], [6, 0, 1, 1], 0.25, 0.20, 0.8, 0.0, 0.8, 0.75, [0.3, 9, 0.2], 0.0, 45, 0.05),
    ];

    public static PersonaProfile Of(Persona p) => All[(int)p];
}
