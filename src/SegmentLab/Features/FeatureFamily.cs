namespace SegmentLab.Features;

/// <summary>The family a feature belongs to, for the catalog and for choosing inputs by family.</summary>
public enum FeatureFamily
{
    /// <summary>Purchase behaviour and value: recency, frequency, monetary and their relatives.</summary>
    Behavioural,

    /// <summary>Email, web, app and content-funnel engagement.</summary>
    Engagement,

    /// <summary>Devices used (mobile, desktop, tablet, app).</summary>
    Technographic,

    /// <summary>Customer attributes from the customers table.</summary>
    Attribute,

    /// <summary>Flags describing how a row was built (has_engagement, is_prospect).</summary>
    Flag,

    /// <summary>What happened in the holdout window after the cutoff: never a clustering input.</summary>
    Outcome,
}
