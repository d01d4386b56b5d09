namespace SegmentLab.Data;

/// <summary>
/// The <c>features</c> section of <c>segmentlab.json</c>: the as-of date, the holdout window, the cleaning rules for
/// purchase lines and which features feed clustering. Defaults suit a typical shop export.
/// </summary>
public sealed record FeatureSettings
{
    /// <summary>Features use only data strictly before this date. Default null: the day after the last transaction.</summary>
    public DateOnly? Cutoff { get; init; }

    /// <summary>Days after the cutoff whose behaviour becomes the outcomes (purchased_in_holdout, …); default 90, 0 for none.</summary>
    public int HoldoutDays { get; init; } = 90;

    /// <summary>How many of the population's top categories (by revenue) become share columns; default 5.</summary>
    public int TopCategories { get; init; } = 5;

    /// <summary>
    /// Include customers with no purchase before the cutoff (but with events or a customers row) as prospects, with purchase
    /// features of zero and <c>is_prospect</c> = 1; default false (purchase-based segmentation).
    /// </summary>
    public bool IncludeProspects { get; init; }

    /// <summary>The content funnel's event types in order; <c>funnel_stage</c> is the 1-based furthest step reached (0 = none).</summary>
    public IReadOnlyList<string> Funnel { get; init; } = ["ebook_download", "explainer_video", "quiz", "demo_video", "contact_form"];

    /// <summary>Net returns off monetary value and revenue (default true); false counts purchases only.</summary>
    public bool NetReturns { get; init; } = true;

    /// <summary>Only lines with a unit price above zero count as purchases (drops free and adjustment lines); default false.</summary>
    public bool RequirePositivePrice { get; init; }

    /// <summary>Only lines with a quantity above zero count as purchases; default false.</summary>
    public bool RequirePositiveQuantity { get; init; }

    /// <summary>Categorical customer attributes to one-hot encode as inputs (<c>region=North</c>, …); default none.</summary>
    public IReadOnlyList<string> OneHot { get; init; } = [];

    /// <summary>
    /// Features (by name) that feed clustering; default null: the catalog's default inputs available in the data
    /// (RFM and value features, and engagement rates when events exist).
    /// </summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>How the inputs are transformed before clustering.</summary>
    public TransformSettings Transforms { get; init; } = new();
}
