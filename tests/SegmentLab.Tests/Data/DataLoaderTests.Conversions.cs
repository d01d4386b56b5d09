using DuckDB.NET.Data;
using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>
/// Text and ISO timestamps: spaces trimmed, offsets applied (every time is UTC), whichever path reads them — the plain-cast shortcut for
/// yyyy-mm-dd hh:mm:ss, the full TIMESTAMPTZ parse for the rest, typed or text read.
/// </summary>
public sealed partial class DataLoaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Iso_timestamps_with_and_without_offsets_load_as_utc(bool typedRead)
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", Header
            + "1,O1,2024-01-02 10:00:00,1\n"
            + "1,O2,2024-01-02T10:00:00,1\n"
            + "1,O3,2024-01-02 10:00:00+02:00,1\n"
            + "1,O4,2024-01-02T10:00:00Z,1\n"
            + "1,O5,2024-01-02T10:00:00-05:30,1\n"
            + "1,O6,2024-01-02,1\n"
            + "1,O7,2024-01-02 10:00:00.250,1\n"
            + "1,O8, 2024-01-02 10:00:00 ,1\n");
        var config = SegmentLabConfig.Parse("""{ "transactions": { "path": "tx.csv" } }""", dir.Path, dir.File("segmentlab.json"));
        using var data = DataLoader.Load(config, dir.File("out/rejects.csv"), new LoadTuning(TypedRead: typedRead));

        var ts = Rows(data, "SELECT ts FROM transactions ORDER BY order_id").Select(r => (DateTime)r[0]!).ToArray();
        var tenAm = new DateTime(2024, 1, 2, 10, 0, 0);
        Assert.Equal(
            [tenAm, tenAm, tenAm.AddHours(-2), tenAm, tenAm.AddHours(5.5), tenAm.Date, tenAm.AddMilliseconds(250), tenAm],
            ts);
        Assert.Equal(0, data.Quality["transactions"]!.RowsRejected);
    }

    [Theory]
    [InlineData("2024-01-02 10:00:00")]
    [InlineData("2024-01-02T23:59:59")]
    [InlineData("2024-02-29 00:00:00")]
    [InlineData("2023-02-29 00:00:00")]
    [InlineData("2024-01-02 10:00:0Z")]
    [InlineData("2024-01-02 10:00:+2")]
    [InlineData("2024-01-02 1Z:00:00")]
    [InlineData("2024-01-02 24:00:00")]
    [InlineData("2024-13-02 10:00:00")]
    [InlineData("abcd-ef-gh ij:kl:mn")]
    [InlineData("-001-01-02 10:00:00")]
    [InlineData("2024-01-02 10:00:60")]
    public void The_plain_cast_shortcut_reads_what_the_full_parse_reads(string value)
    {
        // Every string in the shortcut's shape must give the instant (or the NULL) that the offset-aware parse gives.
        string literal = SqlText.Literal(value);
        var (shortcut, full) = Both(
            $"SET TimeZone = 'UTC'; SELECT CAST({TypedTableBuilder.IsoTimeSql(literal)} AS VARCHAR), CAST(TRY_CAST(TRY_CAST({literal} AS TIMESTAMPTZ) AS TIMESTAMP) AS VARCHAR)");
        Assert.Equal(full, shortcut);
    }

    [Theory]
    [InlineData("C0001")]
    [InlineData(" C0001")]
    [InlineData("C0001  ")]
    [InlineData("\u00a0C0001\u3000")]
    [InlineData("\tC0001")]
    [InlineData("Café")]
    [InlineData(" Café ")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u2003")]
    public void Text_is_trimmed_exactly_as_trim_would(string value)
    {
        // The shortcut skips trim for values that cannot change; it must agree with trim on every value.
        var (shortcut, full) = Both($"SELECT {TypedTableBuilder.TextSql("v")}, NULLIF(trim(v), '') FROM (SELECT {SqlText.Literal(value)} AS v)");
        Assert.Equal(full, shortcut);
    }

    /// <summary>The two text columns of the one row <paramref name="sql"/> returns, on a fresh database.</summary>
    private static (string? First, string? Second) Both(string sql)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        return (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
    }
}
