using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>Loading the data contract's tables from small hand-made files.</summary>
public sealed partial class DataLoaderTests
{
    private const string Header = "customer_id,order_id,timestamp,amount\n";

    private static LoadedData Load(TempDir dir, string configJson) =>
        DataLoader.Load(SegmentLabConfig.Parse(configJson, dir.Path, dir.File("segmentlab.json")), dir.File("out/rejects.csv"));

    private static InputException LoadFails(TempDir dir, string configJson) =>
        Assert.Throws<InputException>(() => Load(dir, configJson).Dispose());

    private static List<object?[]> Rows(LoadedData data, string sql)
    {
        using var cmd = data.Connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < r.FieldCount; i++)
            {
                row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string[] RejectLines(TempDir dir) => File.ReadAllLines(dir.File("out/rejects.csv"));

    [Fact]
    public void Loads_a_plain_file_with_conventional_column_names()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "007,O1,2024-01-02 10:00:00,12.50\n007,O2,2024-02-03,5\n8,R1,2024-02-04 09:00:00,-5\n");
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" } }""");

        var q = data.Quality["transactions"]!;
        Assert.Equal((3L, 3L, 0L, 0L), (q.RowsRead, q.RowsLoaded, q.RowsFiltered, q.RowsRejected));
        Assert.Equal(2, q.DistinctCustomers);
        Assert.Equal(1, q.ReturnLines);
        var rows = Rows(data, "SELECT customer_id, order_id, ts, amount, is_return FROM transactions ORDER BY order_id");
        Assert.Equal(["007", "O1", new DateTime(2024, 1, 2, 10, 0, 0), 12.5m, false], rows[0]);
        Assert.Equal(["007", "O2", new DateTime(2024, 2, 3), 5m, false], rows[1]);
        Assert.Equal(["8", "R1", new DateTime(2024, 2, 4, 9, 0, 0), -5m, true], rows[2]);
        Assert.False(data.HasEvents);
    }

    [Fact]
    public void Amount_is_quantity_times_unit_price_when_there_is_no_amount_column()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "Cust;Inv;When;Qty;Price\n1;A;01/02/2024 10:00;3;2,50\n1;CB;02/02/2024 11:30;-1;2,50\n");
        using var data = Load(dir, """
            { "transactions": { "path": "tx.csv", "delimiter": ";", "decimalSeparator": ",", "timestampFormat": "%d/%m/%Y %H:%M",
              "columns": { "customerId": "Cust", "orderId": "Inv", "timestamp": "When", "quantity": "Qty", "unitPrice": "Price" },
              "cancellations": { "orderIdPrefix": "C", "negativeAmount": false } } }
            """);
        var rows = Rows(data, "SELECT order_id, ts, amount, quantity, unit_price, is_return FROM transactions ORDER BY order_id");
        Assert.Equal(["A", new DateTime(2024, 2, 1, 10, 0, 0), 7.5m, 3m, 2.5m, false], rows[0]);
        Assert.Equal(["CB", new DateTime(2024, 2, 2, 11, 30, 0), -2.5m, -1m, 2.5m, true], rows[1]);
    }

    [Fact]
    public void Rows_without_customer_id_are_filtered_and_counted()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n,O2,2024-01-02,2\n  ,O3,2024-01-02,3\n");
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" } }""");
        var q = data.Quality["transactions"]!;
        Assert.Equal(3, q.RowsRead);
        Assert.Equal(1, q.RowsLoaded);
        Assert.Equal(2, q.FilteredByRule["no customer id"]);
        Assert.True(q.Balanced);
    }

    [Fact]
    public void Rows_without_customer_id_are_rejected_when_the_config_says_so()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n,O2,2024-01-02,2\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv", "missingCustomerId": "reject" }, "maxRejectedShare": 0.2 }""");
        Assert.Contains("no customer id", e.Message);
        Assert.Equal(3, e.Line);
        Assert.Contains("no customer id", RejectLines(dir)[1]);
    }

    [Fact]
    public void Malformed_rows_below_the_limit_are_quarantined_with_file_line_and_reason()
    {
        using var dir = new TempDir();
        var lines = new List<string> { "customer_id,order_id,timestamp,amount" };
        for (int i = 0; i < 200; i++)
        {
            lines.Add($"{i},O{i},2024-01-02 10:00:00,{i}.5");
        }

        lines[50] = "49,O49,2024-13-45 10:00:00,1";      // line 51: bad date
        lines[101] = "100,O100,2024-01-02 10:00:00,abc";  // line 102: bad number
        lines[150] = "149,O149,2024-01-02 10:00:00";      // line 151: too few fields
        string path = dir.Write("tx.csv", string.Join("\n", lines) + "\n");
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" }, "maxRejectedShare": 0.05 }""");

        var q = data.Quality["transactions"]!;
        Assert.Equal((200L, 197L, 3L), (q.RowsRead, q.RowsLoaded, q.RowsRejected));
        Assert.True(q.Balanced);
        var rejects = RejectLines(dir);
        Assert.Equal(4, rejects.Length);
        Assert.Contains(rejects, r => r.StartsWith($"transactions,{path},51,timestamp,", StringComparison.Ordinal) && r.Contains("'2024-13-45 10:00:00'"));
        Assert.Contains(rejects, r => r.StartsWith($"transactions,{path},102,amount,", StringComparison.Ordinal) && r.Contains("'abc'"));
        Assert.Contains(rejects, r => r.StartsWith($"transactions,{path},151,", StringComparison.Ordinal) && r.Contains("too few fields: expected 4, found 3"));
    }

    [Fact]
    public void Several_files_by_glob_and_gzip_load_as_one_table_with_lines_per_file()
    {
        using var dir = new TempDir();
        dir.Write("in/a.csv", Header + "1,O1,2024-01-02,1\n2,O2,2024-01-03,2\n");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(dir.File("in/b.csv.gz")), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes(Header + "3,O3,2024-01-04,3\n3,O4,bad,4\n"));
        }

        using var data = Load(dir, """{ "transactions": { "path": "in/*.csv*" }, "maxRejectedShare": 0.5 }""");
        var q = data.Quality["transactions"]!;
        Assert.Equal(2, q.Files.Count);
        Assert.Equal((4L, 3L, 1L), (q.RowsRead, q.RowsLoaded, q.RowsRejected));
        Assert.StartsWith($"transactions,{dir.File("in/b.csv.gz")},3,timestamp,", RejectLines(dir)[1]);
    }

    [Fact]
    public void Quoted_fields_with_delimiters_and_newlines_and_a_bom_and_crlf_load()
    {
        using var dir = new TempDir();
        byte[] bom = [0xEF, 0xBB, 0xBF];
        string text = "customer_id,order_id,timestamp,amount,category\r\n1,O1,2024-01-02,1,\"Home, garden\"\r\n2,O2,2024-01-02,2,\"two\nlines\"\r\n";
        dir.WriteBytes("tx.csv", [.. bom, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" } }""");
        var rows = Rows(data, "SELECT customer_id, category FROM transactions ORDER BY customer_id");
        Assert.Equal(["1", "Home, garden"], rows[0]);
        Assert.Equal("two\nlines", ((string)rows[1][1]!).Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Latin1_text_reads_with_the_latin1_encoding()
    {
        using var dir = new TempDir();
        dir.WriteBytes("tx.csv", System.Text.Encoding.Latin1.GetBytes(Header.TrimEnd('\n') + ",category\n1,O1,2024-01-02,1,Caf\u00e9\n"));
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv", "encoding": "latin-1" } }""");
        Assert.Equal("Caf\u00e9", Rows(data, "SELECT category FROM transactions")[0][0]);
    }
}
