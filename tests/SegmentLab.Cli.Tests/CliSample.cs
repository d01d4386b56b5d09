using System.Text.Json;
using SegmentLab.Synthetic;

namespace SegmentLab.Cli.Tests;

/// <summary>
/// One small demo run shared by the workflow tests: <c>segmentlab demo --customers 2000 --k 5 --json</c> into a
/// temporary folder. Its generated sample, config and model are the inputs of the fit/assign/report/validate tests,
/// so the expensive part (generate, load, features) runs once per test run.
/// </summary>
public sealed class CliSample : IDisposable
{
    /// <summary>Customers generated; small so the whole workflow suite stays quick.</summary>
    public const int Customers = 2_000;

    /// <summary>The demo's k (fixed, so tests do not depend on the sweep).</summary>
    public const int K = 5;

    private readonly TempDir _dir = new();

    public CliSample()
    {
        Demo = CliRun.Of("demo", "--customers", Customers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--k", K.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", _dir.Path, "--json");
        if (Demo.ExitCode != 0)
        {
            throw new InvalidOperationException($"the shared demo run failed with exit code {Demo.ExitCode}: {Demo.Err}");
        }

        Summary = JsonDocument.Parse(Demo.Out).RootElement.Clone();
    }

    /// <summary>The demo run (exit code, stdout = the JSON summary, stderr).</summary>
    internal CliRun Demo { get; }

    /// <summary>The demo's <c>--json</c> summary.</summary>
    public JsonElement Summary { get; }

    /// <summary>The demo's output folder.</summary>
    public string Folder => _dir.Path;

    /// <summary>The config the demo wrote beside its sample.</summary>
    public string Config => Path.Combine(Folder, "data", "segmentlab.json");

    /// <summary>The model the demo saved.</summary>
    public string Model => Path.Combine(Folder, "model.segmodel.json");

    /// <summary>The training cutoff of the demo config.</summary>
    public string Cutoff => Summary.GetProperty("cutoff").GetString()!;

    /// <summary>A fresh folder under the sample's, for one test's outputs.</summary>
    public string NewFolder()
    {
        string p = Path.Combine(Folder, "t-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(p);
        return p;
    }

    /// <summary>
    /// Generates another sample into a new folder with a config beside it (same shape as the demo's), optionally
    /// editing the generated files first, and returns the config's path.
    /// </summary>
    /// <param name="options">Generator options (seed, dates, persona weights).</param>
    /// <param name="cutoff">features.cutoff of the config.</param>
    /// <param name="edit">Called with the data folder after generation, to plant changes in the files.</param>
    public string Generate(GeneratorOptions options, string cutoff, Action<string>? edit = null)
    {
        string folder = NewFolder();
        SyntheticGenerator.Generate(options, folder);
        edit?.Invoke(folder);
        string config = Path.Combine(folder, "segmentlab.json");
        File.WriteAllText(config, $$"""
            {
              "transactions": { "path": "transactions.csv", "cancellations": { "negativeAmount": true } },
              "events": { "path": "events.csv" },
              "customers": { "path": "customers.csv", "ignore": ["signup_date"] },
              "features": { "cutoff": "{{cutoff}}", "holdoutDays": 90 },
              "segmentation": { "nInit": 4, "seed": 0 },
              "validation": { "stabilityReplicates": 20, "liftReplicates": 200 },
              "output": "out"
            }
            """);
        return config;
    }

    /// <summary>Rewrites a generated CSV line by line (header kept): <paramref name="map"/> returns the new line, or null to drop it.</summary>
    public static void Rewrite(string path, Func<string[], string[]?> map)
    {
        var lines = File.ReadAllLines(path);
        var output = new List<string>(lines.Length) { lines[0] };
        foreach (string line in lines.Skip(1))
        {
            if (map(line.Split(',')) is { } fields)
            {
                output.Add(string.Join(',', fields));
            }
        }

        File.WriteAllLines(path, output);
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The workflow tests share one <see cref="CliSample"/> and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CliSampleCollection : ICollectionFixture<CliSample>
{
    public const string Name = "cli sample";
}
