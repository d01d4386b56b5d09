namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab features</c>: the catalog, the SQL, and the table written as CSV or Parquet.</summary>
public sealed class FeaturesCommandTests
{
    private static string Setup(TempDir dir)
    {
        dir.Write("tx.csv", """
            customer_id,order_id,timestamp,amount
            1,O1,2024-01-02 10:00:00,10
            1,O2,2024-02-02 10:00:00,20
            2,O3,2024-02-10 10:00:00,5
            2,O4,2024-03-20 10:00:00,7

            """);
        return dir.Write("segmentlab.json", """{ "transactions": { "path": "tx.csv" }, "features": { "cutoff": "2024-03-01", "holdoutDays": 30 } }""");
    }

    [Fact]
    public void List_prints_the_catalog()
    {
        var run = CliRun.Of("features", "--list");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recency_days", run.Out);
        Assert.Contains("email_open_rate", run.Out);
        Assert.Contains("days_since_last_engagement", run.Out);
    }

    [Fact]
    public void Writes_csv_with_one_row_per_customer()
    {
        using var dir = new TempDir();
        string cfg = Setup(dir);
        var run = CliRun.Of("features", "--config", cfg, "--out", dir.File("features.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 customers", run.Out);
        var lines = File.ReadAllLines(dir.File("features.csv"));
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("customer_id,recency_days,frequency,monetary,", lines[0]);
        Assert.StartsWith("1,27.0,2.0,30.0,", lines[1]);   // Feb 2 10:00 → Mar 1 is 27.6 days
        Assert.Contains("purchased_in_holdout", lines[0]);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
    }

    [Fact]
    public void Writes_parquet_by_extension_and_the_cutoff_option_wins()
    {
        using var dir = new TempDir();
        string cfg = Setup(dir);
        var run = CliRun.Of("features", "--config", cfg, "--cutoff", "2024-02-05", "--out", dir.File("f.parquet"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 customers", run.Out);
        Assert.Contains("as of 2024-02-05", run.Out);
        byte[] head = File.ReadAllBytes(dir.File("f.parquet"))[..4];
        Assert.Equal("PAR1"u8.ToArray(), head);
    }

    [Fact]
    public void Explain_sql_prints_the_statement()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("features", "--config", Setup(dir), "--explain-sql");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("WITH", run.Out);
        Assert.Contains("ts < TIMESTAMP '2024-03-01 00:00:00'", run.Out);
        Assert.Contains("AS \"recency_days\"", run.Out);
    }

    [Fact]
    public void Bad_cutoff_is_a_usage_error() =>
        CliRun.Of("features", "--config", "x.json", "--cutoff", "01/02/2024").AssertBadInput();

    [Fact]
    public void Refuses_to_overwrite_an_input()
    {
        using var dir = new TempDir();
        string cfg = Setup(dir);
        CliRun.Of("features", "--config", cfg, "--out", dir.File("tx.csv")).AssertBadInput("refusing to overwrite an input file");
        Assert.StartsWith("customer_id,order_id", File.ReadAllText(dir.File("tx.csv")));
    }

    [Fact]
    public void Cutoff_outside_the_data_is_explained()
    {
        using var dir = new TempDir();
        CliRun.Of("features", "--config", Setup(dir), "--cutoff", "2023-01-01").AssertBadInput("not after the first transaction");
    }
}
