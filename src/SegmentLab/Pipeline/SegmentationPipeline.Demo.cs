using SegmentLab.Data;
using SegmentLab.Synthetic;

namespace SegmentLab.Pipeline;

public static partial class SegmentationPipeline
{
    /// <summary>The model file name the demo and <c>segmentlab run</c> write into the output folder.</summary>
    public const string ModelFileName = "model.segmodel.json";

    /// <summary>
    /// The config the demo writes beside its generated sample: conventional column names, returns as negative lines, a
    /// cutoff 90 days before the end of the sample so the last 90 days are the holdout lift is measured on, and the
    /// demo's segmentation and validation settings (chosen so the whole demo runs in seconds; see bench/README.md).
    /// </summary>
    internal const string DemoConfig = """
        {
          // Written by `segmentlab demo` beside the sample it generated. Rerun the pipeline on it with
          //   segmentlab run --config <this file>
          "transactions": { "path": "transactions.csv", "cancellations": { "negativeAmount": true } },
          "events": { "path": "events.csv" },
          "customers": { "path": "customers.csv", "ignore": ["signup_date"] },
          "features": {
            // The sample runs to 2025-12-31: features from data before 2025-10-03, the 90 days after it are the holdout.
            "cutoff": "2025-10-03",
            "holdoutDays": 90
          },
          "segmentation": { "minK": 2, "maxK": 8, "nInit": 4, "seed": 0 },
          "validation": { "stabilityReplicates": 20, "liftReplicates": 200 },
          "output": ".."
        }
        """;

    /// <summary>
    /// Generates a seeded synthetic sample (latent personas; transactions, events, customers) into
    /// <c>&lt;output&gt;/data</c>, writes a config for it, and runs the pipeline with a 90-day holdout so lift is real:
    /// report and model go to the output folder.
    /// </summary>
    /// <exception cref="InputException">Fewer than 200 customers.</exception>
    public static PipelineResult Demo(DemoOptions? options = null, CancellationToken ct = default)
    {
        options ??= new DemoOptions();
        if (options.Customers < 200)
        {
            throw new InputException($"--customers {options.Customers} is too few for a demo; use at least 200.");
        }

        string folder = Path.GetFullPath(options.OutputDirectory);
        string dataFolder = Path.Combine(folder, "data");
        var steps = new PipelineSteps(options.Pipeline.Progress, ct);
        steps.Run("generate", () => SyntheticGenerator.Generate(new GeneratorOptions { Customers = options.Customers, Seed = options.Seed }, dataFolder, ct));
        string configPath = Path.Combine(dataFolder, "segmentlab.json");
        AtomicFile.WriteAllText(configPath, DemoConfig.Replace("\n", Environment.NewLine, StringComparison.Ordinal) + Environment.NewLine);
        var config = SegmentLabConfig.Load(configPath);
        var pipeline = options.Pipeline with
        {
            OutputDirectory = folder,
            ModelPath = ModelFileName,
            Title = options.Pipeline.Title ?? $"Customer segments — demo ({options.Customers:N0} generated customers, seed {options.Seed})",
        };
        var result = Run(config, pipeline, ct);
        return result.WithTimings([.. steps.Timings, .. result.Timings]);
    }
}
