using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Tests.Features;

/// <summary>Orders: ties in time, orders of returns only and holdout orders, on their own small data.</summary>
public sealed partial class FeatureBuilderTests
{
    /// <summary>
    /// E: O1 and O2 in the same second (Jan 5 10:00), O3 ten days later, a returns-only order R1 (Jan 20) and O4 in the
    /// holdout. F: one order before the cutoff and one line of it returned in a separate order.
    /// </summary>
    private const string OrderTransactions = """
        customer_id,order_id,timestamp,product_id,category,channel,quantity,unit_price,amount
        E,O1,2024-01-05 10:00:00,p1,home,web,1,10,10
        E,O2,2024-01-05 10:00:00,p2,home,web,1,20,20
        E,O3,2024-01-15 10:00:00,p1,home,web,1,10,10
        E,R1,2024-01-20 10:00:00,p1,home,web,-1,10,-10
        E,O4,2024-02-05 10:00:00,p1,home,web,1,10,10
        F,O5,2024-01-10 00:00:00,p1,home,web,2,10,20
        F,R2,2024-01-11 00:00:00,p1,home,web,-1,10,-10

        """;

    [Fact]
    public void Orders_in_the_same_second_give_a_zero_gap_and_returns_are_not_orders()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", OrderTransactions);
        var config = SegmentLabConfig.Parse("""
            { "transactions": { "path": "tx.csv" }, "features": { "cutoff": "2024-02-01", "holdoutDays": 30 } }
            """, dir.Path, "segmentlab.json");
        using var data = DataLoader.Load(config, dir.File("rejects.csv"));
        var t = FeatureBuilder.Build(data);

        // E: three orders (R1 holds only a return), gaps 0 and 10 days: mean 5, CV = sqrt(2·100 − 10²) / 10 = 1.
        Assert.Equal(3, V(t, "E", "frequency"));
        Assert.Equal(5, V(t, "E", "days_between_orders_mean"), 6);
        Assert.Equal(1, V(t, "E", "days_between_orders_cv"), 6);
        Assert.Equal(1, V(t, "E", "holdout_orders"));
        Assert.Equal(1, V(t, "E", "purchased_in_holdout"));

        // F: one order, so no gap: the mean falls back to the tenure (Jan 10 → Feb 1, 22 days) and the CV to 0.
        Assert.Equal(1, V(t, "F", "frequency"));
        Assert.Equal(22, V(t, "F", "days_between_orders_mean"), 6);
        Assert.Equal(0, V(t, "F", "days_between_orders_cv"));
        Assert.Equal(0, V(t, "F", "holdout_orders"));
    }
}
