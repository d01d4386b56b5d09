using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>Each bad-input case of the data contract gives its own plain-English message.</summary>
public sealed partial class DataLoaderTests
{
    [Fact]
    public void Missing_file_names_the_path()
    {
        using var dir = new TempDir();
        var e = LoadFails(dir, """{ "transactions": { "path": "nope.csv" } }""");
        Assert.Equal(dir.File("nope.csv"), e.File);
        Assert.Contains("does not exist", e.Message);
        Assert.Contains("transactions.path", e.Fix);
    }

    [Fact]
    public void Glob_matching_nothing_says_so()
    {
        using var dir = new TempDir();
        var e = LoadFails(dir, """{ "transactions": { "path": "exports/*.csv" } }""");
        Assert.Contains("no file matches", e.Message);
    }

    [Fact]
    public void Missing_required_column_names_it_lists_the_columns_and_suggests_the_closest()
    {
        using var dir = new TempDir();
        string path = dir.Write("tx.csv", "CustomerID,order_id,timestamp,amount\n1,O1,2024-01-02,1\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Equal(path, e.File);
        Assert.Equal("customer_id", e.Column);
        Assert.Contains("Columns found: CustomerID, order_id, timestamp, amount", e.Message);
        Assert.Contains("did you mean 'CustomerID'?", e.Fix);
    }

    [Fact]
    public void No_amount_and_no_quantity_price_pair_is_explained()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "customer_id,order_id,timestamp,total\n1,O1,2024-01-02,1\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Contains("there is no amount", e.Message);
        Assert.Contains("unitPrice", e.Fix);
    }

    [Fact]
    public void Unparseable_dates_above_the_limit_stop_with_file_line_value_and_expected_format()
    {
        using var dir = new TempDir();
        string path = dir.Write("tx.csv", Header + "1,O1,12/31/2024 10:00,1\n1,O2,12/30/2024 10:00,1\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Equal(path, e.File);
        Assert.Equal(2, e.Line);
        Assert.Equal("timestamp", e.Column);
        Assert.Contains("'12/31/2024 10:00'", e.Message);
        Assert.Contains("ISO 8601", e.Message);
        Assert.Contains("timestampFormat", e.Fix);
        Assert.Contains("2 of 2 transactions rows", e.Message);
    }

    [Fact]
    public void Unparseable_numbers_above_the_limit_stop_and_suggest_the_decimal_separator()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "customer_id;order_id;timestamp;amount\n1;O1;2024-01-02;12,50\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv", "delimiter": ";" } }""");
        Assert.Equal(2, e.Line);
        Assert.Contains("'12,50'", e.Message);
        Assert.Contains("decimalSeparator", e.Fix);
    }

    [Fact]
    public void Non_finite_and_huge_amounts_are_rejected()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,NaN\n1,O2,2024-01-02,Infinity\n1,O3,2024-01-02,1e308\n");
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" }, "maxRejectedShare": 1 }""");
        var q = data.Quality["transactions"]!;
        Assert.Equal((3L, 0L, 3L), (q.RowsRead, q.RowsLoaded, q.RowsRejected));
        Assert.Contains(RejectLines(dir), l => l.Contains("'NaN' is not a finite number"));
        Assert.Contains(RejectLines(dir), l => l.Contains("'1e308' is too large"));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_a_rejected_row_with_its_line()
    {
        using var dir = new TempDir();
        string huge = new('x', RawTable.MaxLineBytes + 10);
        dir.Write("tx.csv", Header + "1,O1,2024-01-02,1\n" + $"2,{huge},2024-01-02,1\n" + "3,O3,2024-01-03,1\n");
        using var data = Load(dir, """{ "transactions": { "path": "tx.csv" }, "maxRejectedShare": 1 }""");
        var q = data.Quality["transactions"]!;
        Assert.Equal((3L, 2L, 1L), (q.RowsRead, q.RowsLoaded, q.RowsRejected));
        Assert.Contains(RejectLines(dir), l => l.Contains(",3,") && l.Contains("the line is too long (over 2 MB"));
    }

    [Fact]
    public void Empty_file_is_named()
    {
        using var dir = new TempDir();
        string path = dir.Write("tx.csv", "");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Equal(path, e.File);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Header_only_transactions_stop_with_a_clear_message()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header);
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Contains("header but no rows", e.Message);
    }

    [Fact]
    public void Wrong_delimiter_is_recognised_and_the_right_one_suggested()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "customer_id;order_id;timestamp;amount\n1;O1;2024-01-02;1\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Equal(1, e.Line);
        Assert.Contains("looks ';'-delimited", e.Message);
        Assert.Contains("\"delimiter\": \";\"", e.Fix);
    }

    [Fact]
    public void Duplicate_header_names_both_positions()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "customer_id,order_id,timestamp,amount,Amount\n1,O1,2024-01-02,1,2\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Contains("names 'Amount' twice (columns 4 and 5)", e.Message);
    }

    [Fact]
    public void Blank_header_name_is_reported()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "customer_id,,timestamp,amount\n1,O1,2024-01-02,1\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv" } }""");
        Assert.Contains("column 2 of the header has no name", e.Message);
    }

    [Fact]
    public void Files_of_one_table_with_different_headers_are_refused()
    {
        using var dir = new TempDir();
        dir.Write("a.csv", Header + "1,O1,2024-01-02,1\n");
        string b = dir.Write("b.csv", "customer_id,order_id,amount,timestamp\n1,O2,1,2024-01-02\n");
        var e = LoadFails(dir, """{ "transactions": { "path": "*.csv" } }""");
        Assert.Equal(b, e.File);
        Assert.Contains("differs", e.Message);
    }

    [Fact]
    public void Truncated_gzip_is_reported_as_a_read_error_not_a_crash()
    {
        using var dir = new TempDir();
        var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes(Header));
            for (int i = 0; i < 20_000; i++)
            {
                gz.Write(System.Text.Encoding.UTF8.GetBytes($"{i},O{i},2024-01-02,{i}\n"));
            }
        }

        byte[] all = ms.ToArray();
        dir.WriteBytes("tx.csv.gz", all[..(all.Length / 2)]);
        var e = LoadFails(dir, """{ "transactions": { "path": "tx.csv.gz" } }""");
        Assert.Equal(dir.File("tx.csv.gz"), e.File);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("truncated", e.Fix);
    }
}
