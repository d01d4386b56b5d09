using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace SegmentLab.Cli.Tests.Corpus;

/// <summary>
/// Runs every case of the bad-input corpus (<c>Corpus/corpus.json</c>, inputs in <c>Corpus/cases/</c>) through the
/// command line in-process: the exit code, the message (file, line/column, fix), no stack trace, the row accounting
/// (read = loaded + filtered + rejected), the rejects file and, where stated, feature values.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Cases => new(CorpusCase.Names);

    [Fact]
    public void The_corpus_has_at_least_forty_cases_each_with_its_inputs() =>
        Assert.True(CorpusCase.Names.Count >= 40, $"{CorpusCase.Names.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_has_its_expected_outcome(string name)
    {
        var c = CorpusCase.Get(name);
        using var dir = new TempDir();
        string source = Path.Combine(CorpusCase.Root, "cases", name);
        if (Directory.Exists(source))
        {
            foreach (string f in Directory.GetFiles(source))
            {
                File.Copy(f, dir.File(Path.GetFileName(f)));
            }
        }

        if (c.SetupSql is { } sql)
        {
            using var db = new DuckDBConnection("Data Source=:memory:");
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = CorpusCase.Fill(sql, dir.Path);
            cmd.ExecuteNonQuery();
        }

        var run = CliRun.Of(c.CommandLine(dir.Path));
        string context = $"{name} ({c.Covers})\nexit {run.ExitCode}\nstderr: {run.Err}\nstdout: {Head(run.Out)}";
        Assert.False(run.Err.Contains("   at ", StringComparison.Ordinal) || run.Out.Contains("   at ", StringComparison.Ordinal), $"stack trace: {context}");
        Assert.False(run.Err.Contains("Exception", StringComparison.Ordinal), $"exception name in the message: {context}");
        Assert.True(run.ExitCode == c.ExitCode, $"expected exit {c.ExitCode}: {context}");
        foreach (string text in c.Message)
        {
            Assert.True(run.Err.Contains(text, StringComparison.Ordinal), $"message lacks \"{text}\": {context}");
        }

        if (c.ExitCode == CliApp.BadInput)
        {
            Assert.True(run.Err.Contains("Fix:", StringComparison.Ordinal) || run.Err.Contains("must", StringComparison.Ordinal),
                $"the message says what is wrong but not how to fix it: {context}");
            return;
        }

        if (c.Expect.TryGetProperty("tables", out var tables))
        {
            CheckAccounting(c, run.Out, tables, context);
        }

        if (c.Features is { } features)
        {
            CheckFeatures(dir, features, context);
        }
    }

    private static void CheckAccounting(CorpusCase c, string json, JsonElement expected, string context)
    {
        using var doc = JsonDocument.Parse(json);
        var report = doc.RootElement;
        var rejectedByTable = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in report.GetProperty("tables").EnumerateArray())
        {
            string table = t.GetProperty("table").GetString()!;
            long read = t.GetProperty("rowsRead").GetInt64(), loaded = t.GetProperty("rowsLoaded").GetInt64();
            long filtered = t.GetProperty("rowsFiltered").GetInt64(), rejected = t.GetProperty("rowsRejected").GetInt64();
            Assert.True(read == loaded + filtered + rejected, $"{table}: read {read} ≠ {loaded} + {filtered} + {rejected}: {context}");
            rejectedByTable[table] = rejected;
            if (!expected.TryGetProperty(table, out var want))
            {
                continue;
            }

            void Is(string key, string property)
            {
                if (want.TryGetProperty(key, out var v))
                {
                    Assert.True(v.GetInt64() == t.GetProperty(property).GetInt64(), $"{table}.{key}: expected {v}, got {t.GetProperty(property)}: {context}");
                }
            }

            Is("read", "rowsRead");
            Is("loaded", "rowsLoaded");
            Is("filtered", "rowsFiltered");
            Is("rejected", "rowsRejected");
            Is("customers", "distinctCustomers");
            Is("returns", "returnLines");
        }

        foreach (var table in expected.EnumerateObject())
        {
            Assert.True(rejectedByTable.ContainsKey(table.Name), $"no {table.Name} table in the report: {context}");
        }

        // The rejects file holds exactly the rejected rows, with file, line, column and reason.
        string rejectsPath = report.GetProperty("rejectsFile").GetString()!;
        var rows = SimpleCsv.Read(File.ReadAllText(rejectsPath));
        Assert.Equal(["table", "file", "line", "column", "reason", "raw"], rows[0]);
        var body = rows.Skip(1).ToList();
        foreach (var (table, count) in rejectedByTable)
        {
            Assert.True(body.Count(r => r[0] == table) == count, $"rejects file has {body.Count(r => r[0] == table)} {table} rows, report says {count}: {context}");
        }

        if (c.Expect.TryGetProperty("rejects", out var wanted))
        {
            var list = wanted.EnumerateArray().ToList();
            Assert.True(list.Count == body.Count, $"expected {list.Count} rejected rows, file has {body.Count}: {context}");
            for (int i = 0; i < list.Count; i++)
            {
                var w = list[i];
                var r = body[i];
                Assert.True(File.Exists(r[1]), $"rejects row {i + 1} names no existing file ({r[1]}): {context}");
                if (w.TryGetProperty("line", out var line))
                {
                    Assert.True(line.GetInt64().ToString(CultureInfo.InvariantCulture) == r[2], $"rejects row {i + 1}: line {r[2]}, expected {line}: {context}");
                }

                if (w.TryGetProperty("column", out var column))
                {
                    Assert.True(column.GetString() == r[3], $"rejects row {i + 1}: column '{r[3]}', expected '{column}': {context}");
                }

                if (w.TryGetProperty("reason", out var reason))
                {
                    Assert.True(r[4].Contains(reason.GetString()!, StringComparison.Ordinal), $"rejects row {i + 1}: reason '{r[4]}' lacks '{reason}': {context}");
                }
            }
        }
    }

    private static void CheckFeatures(TempDir dir, JsonElement features, string context)
    {
        string output = dir.File("features.csv");
        var run = CliRun.Of("features", "--config", dir.File("segmentlab.json"), "--out", output);
        Assert.True(run.ExitCode == 0, $"features: exit {run.ExitCode}: {run.Err}\n{context}");
        var rows = SimpleCsv.Read(File.ReadAllText(output));
        var header = rows[0];
        var byId = rows.Skip(1).ToDictionary(r => r[0], StringComparer.Ordinal);
        if (features.TryGetProperty("rows", out var n))
        {
            Assert.True(n.GetInt32() == byId.Count, $"features: {byId.Count} rows, expected {n}: {context}");
        }

        if (features.TryGetProperty("cells", out var cells))
        {
            foreach (var cell in cells.EnumerateArray())
            {
                string id = cell.GetProperty("id").GetString()!, column = cell.GetProperty("column").GetString()!;
                Assert.True(byId.TryGetValue(id, out var row), $"features: no row for customer '{id}' (ids: {string.Join(", ", byId.Keys)}): {context}");
                int col = header.IndexOf(column);
                Assert.True(col >= 0, $"features: no column '{column}' (columns: {string.Join(", ", header)}): {context}");
                double expected = cell.GetProperty("value").GetDouble();
                double actual = double.Parse(row![col], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"features: {id}.{column} = {actual}, expected {expected}: {context}");
            }
        }
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
