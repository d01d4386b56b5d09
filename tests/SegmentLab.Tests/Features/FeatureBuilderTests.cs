using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Tests.Features;

/// <summary>
/// Every feature on a tiny hand-worked fixture (cutoff 2024-03-01, 30-day holdout). A buys three times, returns once,
/// engages by email, web and the content funnel; B bought once and has no events before the cutoff (one visit in the
/// holdout); C's only order is after the cutoff;
/// D bought once long ago and was sent one email. Expected values are worked out in the comments.
/// </summary>
public sealed partial class FeatureBuilderTests
{
    private const string Transactions = """
        customer_id,order_id,timestamp,product_id,category,channel,quantity,unit_price,amount
        A,O1,2024-01-01 10:00:00,p1,home,web,2,10,20
        A,O1,2024-01-01 10:00:00,p2,toys,web,1,5,5
        A,O2,2024-01-11 12:00:00,p1,home,app,1,8,8
        A,O3,2024-02-10 00:00:00,p3,kitchen,web,1,30,30
        A,R1,2024-02-12 09:00:00,p3,kitchen,web,-1,30,-30
        A,O4,2024-03-05 09:00:00,p2,toys,web,1,12,12
        B,O5,2024-02-20 00:00:00,p2,toys,web,4,5,20
        C,O6,2024-03-10 00:00:00,p1,home,web,1,10,10
        D,O7,2023-12-01 00:00:00,p1,home,store,1,10,10

        """;

    private const string Events = """
        customer_id,timestamp,event_type,device
        A,2024-02-01 08:00:00,email_sent,
        A,2024-02-20 08:00:00,email_sent,
        A,2024-02-21 09:00:00,email_open,mobile
        A,2024-02-21 09:01:00,email_click,mobile
        A,2024-01-15 12:00:00,web_visit,desktop
        A,2024-02-25 12:00:00,web_visit,mobile
        A,2024-01-20 12:00:00,ebook_download,desktop
        A,2024-02-22 12:00:00,quiz,desktop
        A,2024-03-03 12:00:00,web_visit,mobile
        B,2024-03-05 10:00:00,web_visit,mobile
        C,2024-02-01 12:00:00,web_visit,desktop
        D,2023-12-15 08:00:00,email_sent,

        """;

    private const string Customers = "customer_id,region,age\nA,North,30\nB,South,\nC,North,40\nD,South,50\n";

    private static (LoadedData Data, FeatureTable Table) BuildFixture(TempDir dir, string features = """{ "cutoff": "2024-03-01", "holdoutDays": 30, "topCategories": 2, "oneHot": ["region"] }""")
    {
        dir.Write("tx.csv", Transactions);
        dir.Write("ev.csv", Events);
        dir.Write("cu.csv", Customers);
        var config = SegmentLabConfig.Parse($$"""
            { "transactions": { "path": "tx.csv" }, "events": { "path": "ev.csv" }, "customers": { "path": "cu.csv" }, "features": {{features}} }
            """, dir.Path, "segmentlab.json");
        var data = DataLoader.Load(config, dir.File("rejects.csv"));
        return (data, FeatureBuilder.Build(data));
    }

    private static double V(FeatureTable t, string customer, string feature) =>
        t[feature][t.CustomerIds.ToList().IndexOf(customer)];

    [Fact]
    public void Population_is_customers_with_a_purchase_before_the_cutoff()
    {
        using var dir = new TempDir();
        var (data, t) = BuildFixture(dir);
        using (data)
        {
            Assert.Equal(["A", "B", "D"], t.CustomerIds);   // C's only order is after the cutoff
            Assert.Equal(new DateOnly(2024, 3, 1), t.Cutoff);
            Assert.Equal(new DateOnly(2024, 3, 31), t.HoldoutEnd);
        }
    }

    [Theory]
    //                                        A                       B        D
    [InlineData("recency_days", 20, 10, 91)]                      // Feb 10 → Mar 1; Feb 20 → Mar 1; Dec 1 → Mar 1
    [InlineData("frequency", 3, 1, 1)]
    [InlineData("monetary", 33, 20, 10)]                          // A: 20 + 5 + 8 + 30 − 30 returned
    [InlineData("avg_order_value", 11, 20, 10)]
    [InlineData("tenure_days", 59, 10, 91)]                       // A: Jan 1 10:00 → Mar 1 is 59.58 days
    [InlineData("days_between_orders_mean", 19.7916667, 10, 91)] // A: (10.0833 + 29.5) / 2; one order: tenure
    [InlineData("days_between_orders_cv", 0.4905263, 0, 0)]      // A: 9.7083 / 19.7917
    [InlineData("orders_per_month", 1.5477966, 1, 0.33450549)]    // A: 3 / (59 / 30.44); B: tenure < 1 month
    [InlineData("return_rate", 0.2, 0, 0)]                        // A: 1 return line of 5
    [InlineData("distinct_products", 3, 1, 1)]
    [InlineData("distinct_categories", 3, 1, 1)]
    [InlineData("avg_basket_items", 1.6666667, 4, 1)]             // A: 5 items / 3 orders
    [InlineData("avg_unit_price", 13.25, 5, 10)]
    [InlineData("discount_share", 0.25, 0, 0)]                    // A: p1 at 8 ≤ 0.9 × median 10
    [InlineData("share_category_home", 0.4444444, 0, 1)]          // top 2 by revenue: home 38, kitchen 30 (toys 25 out)
    [InlineData("share_category_kitchen", 0.4761905, 0, 0)]
    [InlineData("share_channel_web", 0.75, 1, 0)]
    [InlineData("share_channel_app", 0.25, 0, 0)]
    [InlineData("share_channel_store", 0, 0, 1)]
    [InlineData("days_since_last_engagement", 4, 76, 76)]        // A: Feb 25 12:00 → Mar 1 is 4.5 days; D: Dec 15 08:00 is 76.7; B has no events: days since the first event in the data (D's)
    [InlineData("email_sent_count", 2, 0, 1)]
    [InlineData("email_sent_30d", 2, 0, 0)]
    [InlineData("email_sent_90d", 2, 0, 1)]                       // D's Dec 15 send is within 90 days
    [InlineData("email_open_count", 1, 0, 0)]
    [InlineData("web_visit_count", 2, 0, 0)]                      // A's Mar 3 visit is in the holdout, not a feature
    [InlineData("web_visit_30d", 1, 0, 0)]
    [InlineData("ebook_download_30d", 0, 0, 0)]
    [InlineData("ebook_download_90d", 1, 0, 0)]
    [InlineData("quiz_count", 1, 0, 0)]
    [InlineData("email_open_rate", 0.5, 0.25, 0)]                 // B was sent nothing: population mean of 0.5 and 0
    [InlineData("email_click_rate", 1, 1, 1)]                     // only A opened: the mean of defined rates is 1
    [InlineData("received_email", 1, 0, 1)]
    [InlineData("web_sessions_per_week", 0.2349650, 0, 0)]        // A: 2 visits / (59.583 days / 7)
    [InlineData("app_sessions_per_week", 0, 0, 0)]
    [InlineData("funnel_stage", 3, 0, 0)]                         // A reached quiz, step 3 of 5
    [InlineData("active_weeks_share", 0.7777778, 0.5, 0.1538462)] // A: 7 active weeks of ceil(8.51) = 9
    [InlineData("mobile_share", 0.5, 0, 0)]                       // A: 3 of 6 events with a device
    [InlineData("desktop_share", 0.5, 0, 0)]
    [InlineData("tablet_share", 0, 0, 0)]
    [InlineData("app_share", 0, 0, 0)]
    [InlineData("has_engagement", 1, 0, 1)]
    [InlineData("age", 30, 40, 50)]                               // B's missing age: the median of 30 and 50
    [InlineData("region=North", 1, 0, 0)]
    [InlineData("region=South", 0, 1, 1)]
    [InlineData("purchased_in_holdout", 1, 0, 0)]
    [InlineData("holdout_orders", 1, 0, 0)]
    [InlineData("holdout_revenue", 12, 0, 0)]
    [InlineData("engaged_in_holdout", 1, 1, 0)]                   // B's only event is in the holdout: engaged, yet has_engagement 0
    public void Every_feature_matches_its_hand_computed_value(string feature, double a, double b, double d)
    {
        var t = DefaultFixture.Value;
        Assert.Equal(a, V(t, "A", feature), 6);
        Assert.Equal(b, V(t, "B", feature), 6);
        Assert.Equal(d, V(t, "D", feature), 6);
    }

    /// <summary>The default fixture, built once for the theory's many cases (a FeatureTable is immutable).</summary>
    private static readonly Lazy<FeatureTable> DefaultFixture = new(() =>
    {
        using var dir = new TempDir();
        var (data, t) = BuildFixture(dir);
        data.Dispose();
        return t;
    });

    [Fact]
    public void Every_catalog_entry_is_covered_by_the_fixture()
    {
        using var dir = new TempDir();
        var (data, t) = BuildFixture(dir, """{ "cutoff": "2024-03-01", "holdoutDays": 30, "topCategories": 2, "oneHot": ["region"], "includeProspects": true }""");
        using (data)
        {
            var built = t.Features.Concat(t.Outcomes).Concat(t.Attributes).Select(f => FeatureCatalog.Find(f.Name)?.Name ?? f.Family switch
            {
                FeatureFamily.Attribute when f.Name.Contains('=') => "<attribute>=<value>",
                FeatureFamily.Attribute => "<attribute>",
                _ => f.Name,
            }).ToHashSet();
            var missing = FeatureCatalog.All.Select(f => f.Name).Where(n => !built.Contains(n)).ToList();
            Assert.Empty(missing);
            Assert.True(FeatureCatalog.All.Count(f => f.Family != FeatureFamily.Outcome) >= 25);
        }
    }

    [Fact]
    public void Categorical_attributes_are_kept_as_text_for_profiling()
    {
        using var dir = new TempDir();
        var (data, t) = BuildFixture(dir);
        using (data)
        {
            Assert.Equal(["North", "South", "South"], t.Text("region"));
            Assert.DoesNotContain(t.Features, f => f.Name == "region");
        }
    }

    [Fact]
    public void Prospects_are_included_only_when_asked_with_zero_purchase_features()
    {
        using var dir = new TempDir();
        var (data, t) = BuildFixture(dir, """{ "cutoff": "2024-03-01", "holdoutDays": 30, "includeProspects": true }""");
        using (data)
        {
            Assert.Equal(["A", "B", "C", "D"], t.CustomerIds);
            Assert.Equal([0.0, 0, 1, 0], t["is_prospect"]);
            Assert.Equal(0, V(t, "C", "frequency"));
            Assert.Equal(0, V(t, "C", "monetary"));
            Assert.Equal(1, V(t, "C", "web_visit_count"));
            Assert.Equal(1, V(t, "C", "purchased_in_holdout"));    // C's first order is in the holdout window
        }
    }

    [Fact]
    public void Features_never_see_rows_after_the_cutoff()
    {
        using var dir = new TempDir();
        var (data, early) = BuildFixture(dir, """{ "cutoff": "2024-02-11", "holdoutDays": 0 }""");
        using (data)
        {
            // Before Feb 11 A had orders O1..O3 and no return; nothing of B (Feb 20) exists yet.
            Assert.Equal(["A", "D"], early.CustomerIds);
            Assert.Equal(3, V(early, "A", "frequency"));
            Assert.Equal(63, V(early, "A", "monetary"));
            Assert.Equal(0, V(early, "A", "return_rate"));
            Assert.Empty(early.Outcomes);

            // Events too, in the whole history and in the last 30 and 90 days (from Jan 12 and Nov 13): A's Feb 20 send
            // and Feb 22 quiz come after the cutoff.
            Assert.Equal(1, V(early, "A", "web_visit_count"));
            Assert.Equal(1, V(early, "A", "web_visit_30d"));
            Assert.Equal(1, V(early, "A", "email_sent_30d"));
            Assert.Equal(1, V(early, "A", "ebook_download_90d"));
            Assert.DoesNotContain(early.Features, f => f.Name == "quiz_count");   // no quiz before the cutoff: no column
            Assert.Equal(0, V(early, "D", "email_sent_30d"));
            Assert.Equal(1, V(early, "D", "email_sent_90d"));
        }
    }

    [Fact]
    public void Outcomes_are_never_matrix_inputs()
    {
        using var dir = new TempDir();
        var (data, t) = BuildFixture(dir);
        using (data)
        {
            Assert.Throws<ArgumentException>(() => t.ToMatrix(["frequency", "holdout_revenue"]));
            Assert.DoesNotContain(t.DefaultInputs, n => t.Outcomes.Any(o => o.Name == n));
            var m = t.ToMatrix(["frequency", "monetary"]);
            Assert.Equal((3, 2), (m.Rows, m.Columns));
            Assert.Equal(33f, m[0, 1]);
        }
    }

    [Fact]
    public void A_cutoff_before_the_data_is_refused_with_the_valid_range()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => BuildFixture(dir, """{ "cutoff": "2020-01-01" }"""));
        Assert.Contains("not after the first transaction", e.Message);
        Assert.Contains("features.cutoff", e.Fix);
    }
}
