namespace SegmentLab.Cli.Tests.Commands;

/// <summary><c>segmentlab check</c>: every bad-input case of the data contract exits 2 with its message and no stack trace.</summary>
public sealed class CheckCommandTests
{
    private const string Header = "customer_id,order_id,timestamp,amount\n";

    private static CliRun Check(TempDir dir, string tx, string? config = null)
    {
        dir.Write("tx.csv", tx);
        string cfg = dir.Write("segmentlab.json", config ?? """{ "transactions": { "path": "tx.csv" } }""");
        return CliRun.Of("check", "--config", cfg);
    }

    private static CliRun CheckIn(string tx, string? config = null)
    {
        using var dir = new TempDir();
        return Check(dir, tx, config);
    }

    [Fact]
    public void Good_data_prints_the_row_accounting_and_exits_0()
    {
        using var dir = new TempDir();
        var run = Check(dir, Header + "1,O1,2024-01-02,1\n,O2,2024-01-02,1\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("transactions", run.Out);
        Assert.Contains("1 rows filtered (no customer id)", run.Out);
        Assert.True(File.Exists(dir.File("out/rejects.csv")));
    }

    [Fact]
    public void Json_output_is_the_quality_report()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n");
        var run = CliRun.Of("check", "--config", dir.Write("segmentlab.json", """{ "transactions": { "path": "tx.csv" } }"""), "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        var t = doc.RootElement.GetProperty("tables")[0];
        Assert.Equal("transactions", t.GetProperty("table").GetString());
        Assert.Equal(1, t.GetProperty("rowsLoaded").GetInt64());
        Assert.True(t.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public void Missing_config_file() =>
        CliRun.Of("check", "--config", "/no/such/segmentlab.json").AssertBadInput("/no/such/segmentlab.json", "does not exist");

    [Fact]
    public void Missing_option_is_a_usage_error() => CliRun.Of("check").AssertBadInput("--config");

    [Fact]
    public void Unknown_command_is_a_usage_error() => CliRun.Of("frobnicate").AssertBadInput("frobnicate");

    [Fact]
    public void Missing_data_file()
    {
        using var dir = new TempDir();
        string cfg = dir.Write("segmentlab.json", """{ "transactions": { "path": "gone.csv" } }""");
        CliRun.Of("check", "--config", cfg).AssertBadInput(dir.File("gone.csv"), "does not exist");
    }

    [Fact]
    public void Missing_required_column() =>
        CheckIn("cust,order_id,timestamp,amount\n1,O1,2024-01-02,1\n")
            .AssertBadInput("tx.csv", "'customer_id'", "Columns found: cust, order_id, timestamp, amount", "did you mean 'cust'?");

    [Fact]
    public void Unparseable_dates() =>
        CheckIn(Header + "1,O1,31/12/2024,1\n")
            .AssertBadInput("tx.csv, line 2, column 'timestamp'", "'31/12/2024'", "ISO 8601", "timestampFormat");

    [Fact]
    public void Unparseable_numbers() =>
        CheckIn(Header + "1,O1,2024-12-31,1.234,56\n1,O2,2024-12-31,\"12,5\"\n")
            .AssertBadInput("tx.csv, line 2");

    [Fact]
    public void Empty_file() => CheckIn("").AssertBadInput("tx.csv", "empty");

    [Fact]
    public void Wrong_delimiter() =>
        CheckIn("customer_id;order_id;timestamp;amount\n1;O1;2024-01-02;1\n").AssertBadInput("tx.csv, line 1", "looks ';'-delimited");

    [Fact]
    public void Duplicate_header() =>
        CheckIn("customer_id,order_id,timestamp,amount,amount\n1,O1,2024-01-02,1,1\n").AssertBadInput("names 'amount' twice");

    [Fact]
    public void Unknown_config_key() =>
        CheckIn(Header + "1,O1,2024-01-02,1\n", """{ "transactions": { "path": "tx.csv", "seperator": ";" } }""")
            .AssertBadInput("segmentlab.json, line 1", "unknown key 'seperator'", "Valid keys:", "delimiter");

    [Fact]
    public void Config_value_of_the_wrong_type() =>
        CheckIn(Header + "1,O1,2024-01-02,1\n", """{ "transactions": { "path": "tx.csv" }, "maxRejectedShare": "lots" }""")
            .AssertBadInput("'maxRejectedShare' must be a number");
}
