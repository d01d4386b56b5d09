namespace SegmentLab.Pipeline;

/// <summary>Settings of <see cref="SegmentationPipeline.Demo"/>.</summary>
public sealed record DemoOptions
{
    /// <summary>Customers to generate, at least 200; default 20,000.</summary>
    public int Customers { get; init; } = 20_000;

    /// <summary>Seed of the generator (the fit's seed is the config's, 0); default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Folder for the sample (<c>data/</c>), its config, the report and the model; default <c>reports/demo</c>.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("reports", "demo");

    /// <summary>Pipeline overrides (k, restarts, progress, …); its output folder and model path are set by the demo.</summary>
    public PipelineOptions Pipeline { get; init; } = new();
}
