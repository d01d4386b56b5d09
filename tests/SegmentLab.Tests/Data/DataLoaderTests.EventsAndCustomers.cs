using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>The optional events and customers tables.</summary>
public sealed partial class DataLoaderTests
{
    [Fact]
    public void Events_map_free_text_types_and_keep_unmapped_ones_normalised()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n");
        dir.Write("ev.csv", "cust,when,what,dev\n1,2024-01-01 10:00:00,Opened ,Mobile\n1,2024-01-01 11:00:00,sent,\n2,2024-01-02,Webinar,desktop\n,2024-01-02,sent,\n");
        using var data = Load(dir, """
            { "transactions": { "path": "tx.csv" },
              "events": { "path": "ev.csv", "columns": { "customerId": "cust", "timestamp": "when", "eventType": "what", "device": "dev" },
                          "eventTypes": { "opened": "email_open", "SENT": "email_sent" } } }
            """);
        Assert.True(data.HasEvents);
        var q = data.Quality["events"]!;
        Assert.Equal((4L, 3L, 1L), (q.RowsRead, q.RowsLoaded, q.RowsFiltered));
        var rows = Rows(data, "SELECT * FROM events ORDER BY ts");
        Assert.Equal(["customer_id", "ts", "event_type", "device"], Columns(data, "events"));
        Assert.Equal(["1", new DateTime(2024, 1, 1, 10, 0, 0), "email_open", "mobile"], rows[0]);
        Assert.Equal(["1", new DateTime(2024, 1, 1, 11, 0, 0), "email_sent", null], rows[1]);
        Assert.Equal(["2", new DateTime(2024, 1, 2), "webinar", "desktop"], rows[2]);
    }

    [Fact]
    public void A_named_event_channel_or_campaign_column_must_exist_though_neither_is_loaded()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n");
        dir.Write("ev.csv", "customer_id,timestamp,event_type,medium\n1,2024-01-01,web_visit,web\n");
        var error = LoadFails(dir, """
            { "transactions": { "path": "tx.csv" }, "events": { "path": "ev.csv", "columns": { "channel": "chanel" } } }
            """);
        Assert.Contains("'chanel'", error.Message, StringComparison.Ordinal);
        Assert.Contains("events.columns.channel", error.Message + error.Fix, StringComparison.Ordinal);

        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" }, "events": { "path": "ev.csv", "columns": { "channel": "medium" } } }""");
        Assert.DoesNotContain("channel", Columns(data, "events"));
    }

    private static List<string> Columns(LoadedData data, string table) =>
        Rows(data, $"SELECT column_name FROM (DESCRIBE {table})").Select(r => (string)r[0]!).ToList();

    [Fact]
    public void Customers_attributes_are_typed_and_duplicate_ids_quarantined()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n");
        string customers = dir.Write("cu.csv", "customer_id,region,age,zip,score\n1,North,34,01234,1.5\n2,South,,02000,2\n1,East,50,03000,3\n3,West,41,04000,x\n");
        using var data = Load(dir, """
            { "transactions": { "path": "tx.csv" }, "customers": { "path": "cu.csv", "categorical": ["score"] }, "maxRejectedShare": 0.5 }
            """);
        Assert.Equal(["age"], data.NumericAttributes);
        Assert.Equal(["region", "zip", "score"], data.CategoricalAttributes);
        var q = data.Quality["customers"]!;
        Assert.Equal((4L, 3L, 1L), (q.RowsRead, q.RowsLoaded, q.RowsRejected));
        Assert.Contains(RejectLines(dir), l => l.StartsWith($"customers,{customers},4,customer_id,duplicate customer id '1'", StringComparison.Ordinal));
        var rows = Rows(data, "SELECT customer_id, region, age, zip FROM customers ORDER BY customer_id");
        Assert.Equal(["1", "North", 34.0, "01234"], rows[0]);
        Assert.Equal(["2", "South", null, "02000"], rows[1]);
    }

    [Fact]
    public void Parquet_tables_load_and_values_of_the_wrong_type_are_rejected_by_row()
    {
        using var dir = new TempDir();
        using (var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"""
                COPY (SELECT * FROM (VALUES ('1', 'O1', TIMESTAMP '2024-01-02 10:00:00', '12.5'), ('2', 'O2', TIMESTAMP '2024-01-03 10:00:00', 'twelve'))
                      t(customer_id, order_id, timestamp, amount)) TO '{dir.File("tx.parquet")}' (FORMAT parquet)
                """;
            cmd.ExecuteNonQuery();
        }

        using var data = Load(dir, """{ "transactions": { "path": "tx.parquet" }, "maxRejectedShare": 0.5 }""");
        var q = data.Quality["transactions"]!;
        Assert.Equal((2L, 1L, 1L), (q.RowsRead, q.RowsLoaded, q.RowsRejected));
        Assert.StartsWith($"transactions,{dir.File("tx.parquet")},2,amount,\"could not read 'twelve'", RejectLines(dir)[1]);
        Assert.Equal(new DateTime(2024, 1, 2, 10, 0, 0), Rows(data, "SELECT ts FROM transactions")[0][0]);
    }

    [Fact]
    public void Ids_with_leading_zeros_stay_text_across_tables()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "000123,O1,2024-01-02,1\n");
        dir.Write("ev.csv", "customer_id,timestamp,event_type\n000123,2024-01-01,web_visit\n");
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" }, "events": { "path": "ev.csv" } }""");
        Assert.Equal("000123", Rows(data, "SELECT t.customer_id FROM transactions t JOIN events e USING (customer_id)")[0][0]);
    }
}
