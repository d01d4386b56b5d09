using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Profiling;

/// <summary>The naming decision list on hand-made index rows: each rule's threshold, and its order.</summary>
public sealed class SegmentNamerTests
{
    /// <summary>A feature row with the given index and standardized difference (population mean 100, segment median = mean).</summary>
    private static FeatureIndexRow Row(string feature, double index, double d, double? medianIndex = null, double? median = null) => new()
    {
        Segment = 0, Feature = feature, Count = 100, SegmentMean = index, PopulationMean = 100, Index = index,
        SegmentMedian = median ?? index, PopulationMedian = 100, MedianIndex = medianIndex ?? index, StandardizedDifference = d,
        Effect = EffectSize.Large,
    };

    private static string Name(params FeatureIndexRow[] rows) => SegmentNamer.BaseName(new TraitReader(rows)).Name;

    private static readonly FeatureIndexRow Typical = Row("recency_days", 100, 0);

    [Fact]
    public void Recency_frequency_and_value_combine_into_the_rfm_names()
    {
        Assert.Equal("Lapsed one-time buyers", Name(Row("recency_days", 310, 1.2), Row("frequency", 28, -0.6, median: 1), Row("monetary", 50, -0.3)));
        Assert.Equal("Lapsed high-value customers", Name(Row("recency_days", 200, 0.6), Row("frequency", 100, 0), Row("monetary", 200, 0.5)));
        Assert.Equal("Loyal high-value customers", Name(Row("recency_days", 30, -0.8), Row("frequency", 300, 1.5), Row("monetary", 400, 1.2)));
        Assert.Equal("Loyal regulars", Name(Typical, Row("frequency", 160, 0.5), Row("monetary", 120, 0.1)));
        Assert.Equal("Cooling low-value customers", Name(Row("recency_days", 140, 0.3), Row("frequency", 80, -0.1), Row("monetary", 45, -0.3)));
        Assert.Equal("Mid-value customers", Name(Typical, Row("frequency", 100, 0), Row("monetary", 100, 0)));
    }

    [Fact]
    public void Thresholds_need_both_the_index_and_the_effect_size()
    {
        // Recency index 310 on a noisy feature (d 0.2) is not even cooling, with d 0.3 it is cooling but not lapsed;
        // index 174 is not lapsed however large d.
        Assert.Equal("Mid-value customers", Name(Row("recency_days", 310, 0.2), Row("frequency", 100, 0, median: 3)));
        Assert.Equal("Cooling mid-value customers", Name(Row("recency_days", 310, 0.3), Row("frequency", 100, 0, median: 3)));
        Assert.Equal("Cooling mid-value customers", Name(Row("recency_days", 174, 0.9), Row("frequency", 100, 0, median: 3)));
        Assert.Equal("Lapsed customers", Name(Row("recency_days", 175, 0.5), Row("frequency", 100, 0, median: 3)));
    }

    [Fact]
    public void A_median_spend_above_average_but_a_mean_below_it_is_not_high_value()
    {
        // Skewed spend: a segment of solid mid-tier customers has a high median index but sits below the mean.
        Assert.Equal("Mid-value customers", Name(Typical, Row("monetary", 79, -0.1, medianIndex: 180)));
        Assert.Equal("High-value customers", Name(Typical, Row("monetary", 110, 0.1, medianIndex: 180)));
    }

    [Fact]
    public void Persona_rules_come_first_in_their_order()
    {
        var lapsed = Row("recency_days", 250, 1.0);
        var bulk = Row("avg_basket_items", 400, 1.5);
        var returns = Row("return_rate", 900, 2.5);
        var discount = Row("discount_share", 300, 1.2);
        Assert.Equal("Lapsed bulk buyers", Name(lapsed, bulk, returns));
        Assert.Equal("Bulk business buyers", Name(bulk, Row("desktop_share", 200, 1.0)));
        Assert.Equal("Returns-heavy customers", Name(Typical, returns, discount));
        Assert.Equal("Returns-heavy high spenders", Name(Typical, returns, Row("monetary", 250, 0.8)));
        Assert.Equal("Discount hunters", Name(Typical, discount, Row("return_rate", 250, 2.0)));
        Assert.Equal("Volume-discount buyers", Name(Typical, discount, Row("avg_basket_items", 260, 0.6)));
        Assert.Equal("New one-time buyers", Name(Typical, Row("tenure_days", 30, -1.1), Row("frequency", 40, -0.5, median: 1)));
        Assert.Equal("Engaged browsers", Name(Typical, Row("web_sessions_per_week", 220, 0.9)));
    }
}
