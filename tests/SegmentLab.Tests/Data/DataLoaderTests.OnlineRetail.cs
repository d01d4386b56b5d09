using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>The real UCI Online Retail II sheet loads with exactly the counts in its README.</summary>
public sealed partial class DataLoaderTests
{
    [SkippableOnlineRetailFact]
    public void OnlineRetail_loads_with_the_reference_counts()
    {
        using var tmp = new TempDir();
        var config = SegmentLabConfig.Load(TestPaths.OnlineRetailConfig);
        using var data = DataLoader.Load(config, tmp.File("rejects.csv"));
        var tx = data.Quality["transactions"]!;

        Assert.Equal(525_461, tx.RowsRead);
        Assert.Equal(107_927, tx.FilteredByRule["no customer id"]);
        Assert.Equal(0, tx.RowsRejected);
        Assert.Equal(525_461 - 107_927, tx.RowsLoaded);
        Assert.True(tx.Balanced);
        Assert.Equal(10_206, tx.ReturnLines);
        Assert.Equal(4_383, tx.DistinctCustomers);
        Assert.Equal(new DateTime(2009, 12, 1, 7, 45, 0), tx.FirstTimestamp);
        Assert.Equal(new DateTime(2010, 12, 9, 20, 1, 0), tx.LastTimestamp);
        Assert.Equal(["table,file,line,column,reason,raw"], File.ReadAllLines(tmp.File("rejects.csv")));
    }
}
