using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Tests.Synthetic;

/// <summary>Each persona shows its designed behaviour, measured through SegmentLab's own features on generated data.</summary>
public sealed partial class SyntheticGeneratorTests
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, double>>> Medians = new(ComputeMedians);

    private static Dictionary<string, Dictionary<string, double>> ComputeMedians()
    {
        using var dir = new TempDir();
        SegmentLab.Synthetic.SyntheticGenerator.Generate(new SegmentLab.Synthetic.GeneratorOptions { Customers = 4_000, Seed = 11 }, dir.Path);
        var config = SegmentLabConfig.Parse("""
            { "transactions": { "path": "transactions.csv" }, "events": { "path": "events.csv" },
              "customers": { "path": "customers.csv", "ignore": ["signup_date"] },
              "features": { "cutoff": "2025-10-03", "holdoutDays": 90 } }
            """, dir.Path, "segmentlab.json");
        using var data = DataLoader.Load(config, dir.File("rejects.csv"));
        var table = FeatureBuilder.Build(data);
        var persona = File.ReadLines(dir.File("truth.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        string[] features = ["recency_days", "frequency", "monetary", "avg_basket_items", "discount_share", "web_sessions_per_week", "tenure_days", "purchased_in_holdout", "desktop_share", "funnel_stage", "app_sessions_per_week", "email_open_rate"];
        var result = new Dictionary<string, Dictionary<string, double>>();
        foreach (var group in Enumerable.Range(0, table.Rows).GroupBy(i => persona[table.CustomerIds[i]]))
        {
            result[group.Key] = features.ToDictionary(f => f, f => Median(group.Select(i => table[f][i])));
        }

        // Holdout purchase rate as a mean, not a median.
        foreach (var group in Enumerable.Range(0, table.Rows).GroupBy(i => persona[table.CustomerIds[i]]))
        {
            result[group.Key]["holdout_rate"] = group.Average(i => table["purchased_in_holdout"][i]);
        }

        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    private static string Top(string feature) => Medians.Value.MaxBy(p => p.Value[feature]).Key;

    private static string Bottom(string feature) => Medians.Value.MinBy(p => p.Value[feature]).Key;

    [Theory]
    [InlineData("recency_days", "Lapsed")]                   // stopped buying a year before the cutoff
    [InlineData("frequency", "LoyalHighValue")]
    [InlineData("avg_basket_items", "BulkB2B")]              // many units per order
    [InlineData("discount_share", "DiscountHunter")]
    [InlineData("web_sessions_per_week", "EngagedBrowser")]
    [InlineData("desktop_share", "BulkB2B")]
    [InlineData("app_sessions_per_week", "LoyalHighValue")]
    [InlineData("email_open_rate", "LoyalHighValue")]
    [InlineData("tenure_days", "Lapsed")]
    public void The_persona_with_the_highest_median_is_the_designed_one(string feature, string persona) =>
        Assert.Equal(persona, Top(feature));

    [Theory]
    [InlineData("tenure_days", "NewOnboarding")]             // signed up in the last months
    [InlineData("frequency", "NewOnboarding")]
    [InlineData("holdout_rate", "Lapsed")]                   // lapsed customers do not come back in the holdout
    [InlineData("email_open_rate", "Lapsed")]
    public void The_persona_with_the_lowest_value_is_the_designed_one(string feature, string persona) =>
        Assert.Equal(persona, Bottom(feature));

    [Fact]
    public void Loyal_customers_outspend_every_other_consumer_persona()
    {
        var m = Medians.Value;
        foreach (string other in new[] { "DiscountHunter", "NewOnboarding", "Lapsed", "EngagedBrowser" })
        {
            Assert.True(m["LoyalHighValue"]["monetary"] > 2 * m[other]["monetary"], $"loyal {m["LoyalHighValue"]["monetary"]} vs {other} {m[other]["monetary"]}");
        }
    }

    [Fact]
    public void Browsers_visit_far_more_per_purchase_than_loyal_customers()
    {
        var m = Medians.Value;
        double browser = m["EngagedBrowser"]["web_sessions_per_week"] / Math.Max(1, m["EngagedBrowser"]["frequency"]);
        double loyal = m["LoyalHighValue"]["web_sessions_per_week"] / m["LoyalHighValue"]["frequency"];
        Assert.True(browser > 10 * loyal, $"browser {browser} vs loyal {loyal}");
    }
}
