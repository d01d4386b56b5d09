using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>Reading <c>segmentlab.json</c>: defaults, comments, and a plain message for every mistake.</summary>
public sealed class SegmentLabConfigTests
{
    private static InputException Fails(string json) =>
        Assert.Throws<InputException>(() => SegmentLabConfig.Parse(json, "/tmp", "segmentlab.json"));

    [Fact]
    public void Defaults_apply_and_comments_trailing_commas_and_schema_are_accepted()
    {
        var c = SegmentLabConfig.Parse("""
            {
              "$schema": "../segmentlab.schema.json",
              // the orders export
              "transactions": { "path": "tx.csv", },
            }
            """, "/data/project", "segmentlab.json");
        Assert.Equal("/data/project/tx.csv", c.Resolve(c.Transactions!.Path));
        Assert.Equal(",", c.Transactions.Delimiter);
        Assert.Equal("customer_id", c.Transactions.Columns.CustomerId);
        Assert.True(c.Transactions.Cancellations.NegativeAmount);
        Assert.Equal(MissingCustomerIdPolicy.Filter, c.Transactions.MissingCustomerId);
        Assert.Equal(0.01, c.MaxRejectedShare);
        Assert.Equal("/data/project/out", c.OutputDirectory);
        Assert.Null(c.Events);
    }

    [Fact]
    public void Unknown_key_lists_the_valid_keys_and_suggests_the_closest()
    {
        var e = Fails("""
            {
              "transactions": {
                "path": "tx.csv",
                "delimeter": ";"
              }
            }
            """);
        Assert.Equal("segmentlab.json", e.File);
        Assert.Equal(4, e.Line);
        Assert.Contains("unknown key 'delimeter' in 'transactions'", e.Message);
        Assert.Contains("Valid keys: ", e.Message);
        Assert.Contains("delimiter", e.Message);
        Assert.Contains("columns", e.Message);
        Assert.Contains("did you mean 'delimiter'?", e.Fix);
    }

    [Fact]
    public void Unknown_top_level_key_is_reported()
    {
        var e = Fails("""{ "transactions": { "path": "tx.csv" }, "cutof": "2024-01-01" }""");
        Assert.Contains("unknown key 'cutof'", e.Message);
        Assert.Contains("transactions, events, customers", e.Message);
    }

    [Fact]
    public void Unknown_nested_column_role_is_reported_with_the_roles()
    {
        var e = Fails("""{ "transactions": { "path": "tx.csv", "columns": { "customer": "id" } } }""");
        Assert.Contains("unknown key 'customer' in 'transactions.columns'", e.Message);
        Assert.Contains("customerId", e.Message);
    }

    [Fact]
    public void Wrong_type_names_the_key_and_what_it_must_be()
    {
        var e = Fails("""{ "transactions": { "path": "tx.csv" }, "maxRejectedShare": "1%" }""");
        Assert.Contains("'maxRejectedShare' must be a number", e.Message);
        var e2 = Fails("""{ "transactions": { "path": "tx.csv", "missingCustomerId": "drop" } }""");
        Assert.Contains("'transactions.missingCustomerId' must be one of \"filter\", \"reject\"", e2.Message);
        var e3 = Fails("""{ "transactions": { "path": 3 } }""");
        Assert.Contains("'transactions.path' must be text", e3.Message);
    }

    [Fact]
    public void Invalid_json_gives_the_line()
    {
        var e = Fails("{\n \"transactions\": { \"path\": \"tx.csv\" }\n \"events\": {}\n}");
        Assert.Equal(3, e.Line);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Theory]
    [InlineData("""{ }""", "'transactions.path' is required")]
    [InlineData("""{ "transactions": { "path": "tx.csv" }, "maxRejectedShare": 2 }""", "between 0 and 1")]
    [InlineData("""{ "transactions": { "path": "tx.csv", "delimiter": ";;" } }""", "must be one character")]
    [InlineData("""{ "transactions": { "path": "tx.csv", "decimalSeparator": ";" } }""", "must be \".\" or \",\"")]
    [InlineData("""{ "transactions": { "path": "tx.csv", "delimiter": ",", "decimalSeparator": "," } }""", "are both")]
    [InlineData("""{ "transactions": { "path": "tx.csv", "encoding": "ebcdic" } }""", "'transactions.encoding'")]
    [InlineData("""{ "transactions": { "path": "tx.csv", "format": "xlsx" } }""", "\"auto\", \"csv\" or \"parquet\"")]
    public void Settings_out_of_range_are_refused(string json, string expected) =>
        Assert.Contains(expected, Fails(json).Message);

    [Fact]
    public void Missing_config_file_names_the_path()
    {
        var e = Assert.Throws<InputException>(() => SegmentLabConfig.Load("/no/such/segmentlab.json"));
        Assert.Equal("/no/such/segmentlab.json", e.File);
        Assert.Contains("segmentlab init", e.Fix);
    }

    [Fact]
    public void The_committed_configs_parse()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "data"), "*.json", SearchOption.AllDirectories))
        {
            var c = SegmentLabConfig.Load(file);
            Assert.NotNull(c.Transactions);
        }
    }
}
