using System.Text.Json;

namespace SegmentLab.Cli.Tests.Corpus;

/// <summary>
/// One entry of <c>corpus.json</c>: a folder of input files under <c>cases/</c>, the command to run on it and the
/// expected outcome (loads with counts, loads with rows quarantined, or stops with exit 2 and a message).
/// </summary>
internal sealed record CorpusCase(string Name, string Covers, IReadOnlyList<string> Args, string? SetupSql, JsonElement Expect, JsonElement? Features)
{
    /// <summary>The folder holding the manifest and the case folders (copied next to the test assembly).</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> All = new(Load);

    public static IReadOnlyCollection<string> Names => All.Value.Keys.ToList();

    public static CorpusCase Get(string name) => All.Value[name];

    /// <summary>Expected exit code.</summary>
    public int ExitCode => Expect.GetProperty("exit").GetInt32();

    /// <summary>Texts the error message must contain (exit 2 cases).</summary>
    public IEnumerable<string> Message => Strings(Expect, "message");

    /// <summary>The command line with <c>{config}</c> and <c>{dir}</c> replaced.</summary>
    public string[] CommandLine(string dir) => Args.Select(a => Fill(a, dir)).ToArray();

    public static string Fill(string text, string dir) =>
        text.Replace("{config}", Path.Combine(dir, "segmentlab.json"), StringComparison.Ordinal).Replace("{dir}", dir, StringComparison.Ordinal);

    public static IEnumerable<string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(x => x.GetString()!) : [];

    private static IReadOnlyDictionary<string, CorpusCase> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "corpus.json")));
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            string name = c.GetProperty("name").GetString()!;
            var args = c.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList()
                : ["check", "--config", "{config}", "--json"];
            cases.Add(name, new CorpusCase(name, c.GetProperty("covers").GetString()!, args,
                c.TryGetProperty("setupSql", out var sql) ? sql.GetString() : null, c.GetProperty("expect").Clone(),
                c.TryGetProperty("features", out var f) ? f.Clone() : null));
        }

        return cases;
    }
}
