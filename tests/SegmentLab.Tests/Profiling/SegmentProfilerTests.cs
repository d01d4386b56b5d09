using SegmentLab.Data;
using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Profiling;

/// <summary>
/// Profiles of the four planted personas: the names the rules must give, hand-worked sizes, shares and revenue shares,
/// descriptions that quote the evidence, lift and categories from the validation report, and determinism.
/// </summary>
public sealed partial class SegmentProfilerTests
{
    private static readonly ProfileTestData D = ProfileTestData.Instance;

    private static SegmentProfiles Build(ProfilingSettings? settings = null) =>
        SegmentProfiler.Build(D.Table, D.Model.Labels, D.Validation.Report, settings, D.Validation.Silhouette);

    [Fact]
    public void The_planted_personas_recover_as_segments_and_get_the_names_their_evidence_calls_for()
    {
        var profiles = Build();
        for (int persona = 0; persona < 4; persona++)
        {
            int s = D.SegmentOf(persona);
            // The blobs are well apart: k-means recovers each persona whole.
            Assert.Equal(ProfileTestData.PerPersona, profiles[s].Size);
            Assert.Equal(ProfileTestData.ExpectedNames[persona], profiles[s].Name);
            Assert.False(profiles[s].NameOverridden);
        }

        Assert.Contains("lapsed", profiles[D.SegmentOf(0)].Traits);
        Assert.Contains("one-time", profiles[D.SegmentOf(0)].Traits);
        Assert.Contains("new", profiles[D.SegmentOf(2)].Traits);
        Assert.Contains("discount-driven", profiles[D.SegmentOf(3)].Traits);
    }

    [Fact]
    public void Sizes_shares_and_revenue_shares_are_the_hand_counted_ones()
    {
        var profiles = Build();
        var monetary = D.Table.Numeric("monetary");
        double total = monetary.Sum();
        for (int s = 0; s < 4; s++)
        {
            var rows = Enumerable.Range(0, D.Table.Rows).Where(i => D.Model.Labels[i] == s).ToArray();
            Assert.Equal(rows.Length, profiles[s].Size);
            Assert.Equal(rows.Length / 200.0, profiles[s].Share, 12);
            Assert.Equal(rows.Sum(i => monetary[i]) / total, profiles[s].RevenueShare, 12);
        }

        Assert.Equal(1.0, profiles.Segments.Sum(s => s.RevenueShare), 12);
        // The loyal high spenders bring most of the revenue with a quarter of the customers.
        Assert.True(profiles[D.SegmentOf(1)].RevenueShare > 0.8, $"revenue share {profiles[D.SegmentOf(1)].RevenueShare}");
    }

    [Fact]
    public void Feature_rows_are_segment_mean_over_population_mean()
    {
        var profiles = Build();
        var recency = D.Table.Numeric("recency_days");
        int lapsed = D.SegmentOf(0);
        double segmentMean = Enumerable.Range(0, 200).Where(i => D.Model.Labels[i] == lapsed).Average(i => recency[i]);
        var row = profiles[lapsed]["recency_days"]!;
        Assert.Equal(segmentMean, row.SegmentMean, 9);
        Assert.Equal(100 * segmentMean / recency.Average(), row.Index!.Value, 6);
        Assert.Equal(ProfileTestData.Inputs, profiles.Features);
        Assert.Equal(ProfileTestData.Inputs, profiles.KeyFeatures);
        Assert.Equal("recency_days", profiles[lapsed].OverIndexed[0].Feature);
        Assert.All(profiles[lapsed].OverIndexed, r => Assert.True(r.StandardizedDifference >= 0.2));
        Assert.All(profiles[lapsed].UnderIndexed, r => Assert.True(r.StandardizedDifference <= -0.2));
    }

    [Fact]
    public void Descriptions_quote_the_indexes_lift_and_categories_they_rest_on()
    {
        var profiles = Build();
        var lapsed = profiles[D.SegmentOf(0)];
        string recencyIndex = lapsed["recency_days"]!.Index!.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"(recency index {recencyIndex})", lapsed.Description, StringComparison.Ordinal);
        Assert.Contains("placed a median of 1 order (frequency index", lapsed.Description, StringComparison.Ordinal);
        Assert.StartsWith("50 customers (25% of the base)", lapsed.Description, StringComparison.Ordinal);

        var purchase = lapsed.Outcomes.Single(o => o.Outcome == "purchased_in_holdout");
        Assert.True(purchase.Binary);
        Assert.True(purchase.Lift < 1 && purchase.Significant, $"lift {purchase.Lift}");
        Assert.Contains("In the holdout window", lapsed.Description, StringComparison.Ordinal);
        Assert.Contains(lapsed.Outcomes, o => o.Outcome == "holdout_revenue" && !o.Binary);

        var discount = profiles[D.SegmentOf(3)];
        Assert.Contains(discount.TopCategories, c => c.Attribute == "region" && c.Value == "East");
        Assert.Contains("Over-represented: region East", discount.Description, StringComparison.Ordinal);
        Assert.Contains("discount share (index", discount.Description, StringComparison.Ordinal);
        Assert.All(profiles.Segments, s => Assert.NotNull(s.Silhouette));
        Assert.All(profiles.Segments, s => Assert.NotNull(s.Stability));
    }

    [Fact]
    public void Profiles_are_deterministic()
    {
        var a = Build();
        var b = Build();
        Assert.Equal(a.Names, b.Names);
        Assert.Equal(a.Segments.Select(s => s.Description), b.Segments.Select(s => s.Description));
        Assert.Equal(a.ToString(), b.ToString());
    }

    [Fact]
    public void Names_from_config_override_the_generated_ones_and_bad_ones_are_refused()
    {
        var profiles = Build(new ProfilingSettings { Names = new Dictionary<string, string> { ["2"] = "  Fresh faces " } });
        Assert.Equal("Fresh faces", profiles[2].Name);
        Assert.True(profiles[2].NameOverridden);
        Assert.Equal(Build().Names.Where((_, i) => i != 2), profiles.Names.Where((_, i) => i != 2));

        var tooHigh = Assert.Throws<InputException>(() => Build(new ProfilingSettings { Names = new Dictionary<string, string> { ["4"] = "X" } }));
        Assert.Contains("renames segment 4, but the model has 4 segments (0..3)", tooHigh.Message, StringComparison.Ordinal);
        var notId = Assert.Throws<InputException>(() => Build(new ProfilingSettings { Names = new Dictionary<string, string> { ["top"] = "X" } }));
        Assert.Contains("\"top\"", notId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_that_takes_a_generated_name_pushes_the_generated_one_to_a_distinct_name()
    {
        int loyal = D.SegmentOf(1);
        int other = D.SegmentOf(0);
        var profiles = Build(new ProfilingSettings
        {
            Names = new Dictionary<string, string> { [other.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "Loyal high-value customers" },
        });
        Assert.Equal("Loyal high-value customers", profiles[other].Name);
        Assert.StartsWith("Loyal high-value customers, ", profiles[loyal].Name, StringComparison.Ordinal);
        Assert.Equal(4, profiles.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void WithNames_renames_immutably_and_refuses_duplicates()
    {
        var profiles = Build();
        var renamed = profiles.WithNames(new Dictionary<int, string> { [0] = "Zero" });
        Assert.Equal("Zero", renamed[0].Name);
        Assert.NotEqual("Zero", profiles[0].Name);
        var clash = Assert.Throws<ArgumentException>(() => profiles.WithNames(new Dictionary<int, string> { [0] = profiles[1].Name.ToUpperInvariant() }));
        Assert.Contains("names must be unique", clash.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => profiles.WithNames(new Dictionary<int, string> { [9] = "Nine" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => profiles[4]);
    }

    [Fact]
    public void ToDataFrame_has_one_row_per_segment_with_indexes_and_lifts()
    {
        var profiles = Build();
        var df = profiles.ToDataFrame();
        Assert.Equal(4, df.Rows.Count);
        var columns = df.Columns.Select(c => c.Name).ToArray();
        Assert.Equal(["segment_id", "name", "size", "share", "revenue_share", "silhouette", "stability"], columns[..7]);
        Assert.Contains("index_recency_days", columns);
        Assert.Contains("lift_purchased_in_holdout", columns);
        Assert.Equal("description", columns[^1]);
        int s = D.SegmentOf(3);
        Assert.Equal(profiles[s].Name, df["name"][s]);
        Assert.Equal(profiles[s]["discount_share"]!.Index, (double?)df["index_discount_share"][s]);
    }

    [Fact]
    public void Labels_that_do_not_match_the_table_are_refused()
    {
        var report = new ValidationReport { Data = DataSummary.From(D.Table, D.Model.Labels, ProfileTestData.Inputs, 4) };
        Assert.ThrowsAny<ArgumentException>(() => SegmentProfiler.Build(D.Table, D.Model.Labels.Take(10).ToArray(), report));
    }
}
