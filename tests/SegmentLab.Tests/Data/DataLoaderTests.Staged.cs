using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>Tables too big for memory are staged once as Parquet: the same rows, accounting and rejects as in memory.</summary>
public sealed partial class DataLoaderTests
{
    private const string StagedConfig = """
        { "transactions": { "path": "tx.csv" }, "events": { "path": "ev.csv" }, "maxRejectedShare": 1 }
        """;

    private static LoadedData LoadWith(TempDir dir, LoadTuning tuning, string rejects) =>
        DataLoader.Load(SegmentLabConfig.Parse(StagedConfig, dir.Path, dir.File("segmentlab.json")), dir.File(rejects), tuning);

    private static void WriteStagedInputs(TempDir dir)
    {
        dir.Write("tx.csv", Header + "1,O1,2024-01-02 10:00:00,12.50\n,O2,2024-01-02,2\n2,O3,not a date,3\n 2 ,O4,2024-03-01,-4\n3,O5,2024-03-02,abc\n");
        dir.Write("ev.csv", "customer_id,timestamp,event_type,channel\n1,2024-01-01,View, Web\n2,2024-01-03,CLICK,app\n,2024-01-04,view,web\n");
    }

    [Fact]
    public void Staged_tables_hold_the_same_rows_accounting_and_rejects_as_in_memory_ones()
    {
        using var dir = new TempDir();
        WriteStagedInputs(dir);
        string work = dir.File("work");
        using var memory = LoadWith(dir, LoadTuning.Default, "out/rejects-memory.csv");
        using var staged = LoadWith(dir, new LoadTuning(KeepInMemoryBelowBytes: 0, WorkDirectory: work), "out/rejects-staged.csv");

        Assert.True(File.Exists(Path.Combine(work, "typed_transactions.parquet")));
        Assert.Contains("transactions", staged.Streamed);
        foreach (string sql in new[]
        {
            "SELECT * FROM transactions ORDER BY order_id",
            "SELECT * FROM events ORDER BY customer_id, ts",
        })
        {
            Assert.Equal(Rows(memory, sql), Rows(staged, sql));
        }

        var q = staged.Quality["transactions"]!;
        Assert.Equal((5L, 2L, 1L, 2L), (q.RowsRead, q.RowsLoaded, q.RowsFiltered, q.RowsRejected));
        Assert.Equal(memory.Quality["transactions"]!.RejectedByReason, q.RejectedByReason);
        Assert.Equal(memory.Quality["events"]!.RowsLoaded, staged.Quality["events"]!.RowsLoaded);
        Assert.Equal(File.ReadAllLines(dir.File("out/rejects-memory.csv")), File.ReadAllLines(dir.File("out/rejects-staged.csv")));
        Assert.Contains(File.ReadAllLines(dir.File("out/rejects-staged.csv")), l => l.Contains(",4,", StringComparison.Ordinal) && l.Contains("not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void The_staging_folder_is_deleted_with_the_loaded_data()
    {
        using var dir = new TempDir();
        WriteStagedInputs(dir);
        string work = dir.File("work");
        var staged = LoadWith(dir, new LoadTuning(KeepInMemoryBelowBytes: 0, WorkDirectory: work), "out/rejects.csv");
        Assert.True(Directory.Exists(work));
        staged.Dispose();
        Assert.False(Directory.Exists(work));
    }
}
