namespace SegmentLab.Data;

/// <summary>
/// The analyst's <c>segmentlab.json</c>: where the input tables are and how their columns map onto SegmentLab's
/// roles. Documented in <c>data/README.md</c>; <c>segmentlab.schema.json</c> at the repository root lets editors
/// validate it. Keys are camelCase; comments and trailing commas are allowed.
/// </summary>
public sealed record SegmentLabConfig
{
    /// <summary>The required transactions table.</summary>
    public TransactionsSource? Transactions { get; init; }

    /// <summary>The optional engagement-events table; default none.</summary>
    public EventsSource? Events { get; init; }

    /// <summary>The optional customers (attributes) table; default none.</summary>
    public CustomersSource? Customers { get; init; }

    /// <summary>Feature engineering: cutoff, holdout, cleaning rules, inputs and transforms.</summary>
    public FeatureSettings Features { get; init; } = new();

    /// <summary>Segmentation: a fixed k or the range to sweep, k-means restarts and seed, optional PCA.</summary>
    public SegmentationSettings Segmentation { get; init; } = new();

    /// <summary>Validation: outcomes for lift, resampling, and the pass / warn / fail thresholds of the report.</summary>
    public ValidationSettings Validation { get; init; } = new();

    /// <summary>Segment profiles: name overrides and how many distinctive features each profile lists.</summary>
    public Profiling.ProfilingSettings Profiling { get; init; } = new();

    /// <summary>
    /// Above this share of rejected (malformed) rows in any table the load stops with an error; default 0.01 (1%).
    /// Rows filtered by a rule (e.g. no customer id) do not count.
    /// </summary>
    public double MaxRejectedShare { get; init; } = 0.01;

    /// <summary>
    /// Memory DuckDB may use before it spills to a temporary folder, e.g. <c>3GB</c> or <c>512MB</c>; default <c>3GB</c>, so
    /// a million customers fit on a laptop. Raise it on big machines for speed.
    /// </summary>
    public string MemoryLimit { get; init; } = "3GB";

    /// <summary>Folder for outputs (rejects file, features, reports), relative to the config file; default <c>out</c>.</summary>
    public string Output { get; init; } = "out";

    /// <summary>The folder that relative paths are resolved against: the config file's folder, or the current folder.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The file this config was read from, if any (used in error messages).</summary>
    public string? SourceFile { get; init; }

    /// <summary>Reads and checks a config file; relative paths in it are resolved against the file's folder.</summary>
    /// <param name="path">Path of the JSON config file.</param>
    /// <exception cref="InputException">The file is missing, is not valid JSON, has an unknown key (the valid keys
    /// are listed), a value of the wrong type, or a setting out of range.</exception>
    public static SegmentLabConfig Load(string path) => ConfigReader.Load(path);

    /// <summary>Parses config JSON text (for tests and notebooks); relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="InputException">As for <see cref="Load"/>.</exception>
    public static SegmentLabConfig Parse(string json, string baseDirectory, string? sourceName = null) =>
        ConfigReader.Parse(json, baseDirectory, sourceName ?? "config");

    /// <summary>Resolves <paramref name="path"/> against <see cref="BaseDirectory"/>.</summary>
    public string Resolve(string path) => System.IO.Path.GetFullPath(path, BaseDirectory);

    /// <summary>
    /// True when <paramref name="path"/> is this config file or a file that one of the tables reads (for a glob, any file
    /// its pattern matches, existing or not): outputs check it so they never replace an input.
    /// </summary>
    public bool IsInput(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string target = System.IO.Path.GetFullPath(path);
        if (SourceFile is not null && string.Equals(Resolve(SourceFile), target, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var source in new TableSource?[] { Transactions, Events, Customers })
        {
            if (source is null || source.Path.Length == 0)
            {
                continue;
            }

            string input = Resolve(source.Path);
            if (string.Equals(System.IO.Path.GetDirectoryName(input), System.IO.Path.GetDirectoryName(target), StringComparison.Ordinal)
                && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(System.IO.Path.GetFileName(input), System.IO.Path.GetFileName(target), ignoreCase: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The output folder, resolved.</summary>
    public string OutputDirectory => Resolve(Output);
}
