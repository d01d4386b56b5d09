namespace SegmentLab.Reporting;

/// <summary>Options for <see cref="SegmentReport"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>Prefix of every file written, e.g. <c>validation-2010-12-10.</c>; default empty.</summary>
    public string FilePrefix { get; init; } = "";

    /// <summary>Most points drawn in the PCA scatter (a seeded sample above it); default 20,000, at least 100.</summary>
    public int MaxScatterPoints { get; init; } = 20_000;

    /// <summary>Most bars drawn in the per-customer silhouette plot (a seeded sample per segment above it); default 5,000, at least 100.</summary>
    public int MaxSilhouettePoints { get; init; } = 5_000;

    /// <summary>Seed of the samples drawn for the charts (and of the PCA fitted when none is given); default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Write one CSV per segment (customer ids and key features) for activation; default true.</summary>
    public bool SegmentCsvs { get; init; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">The prefix contains a path separator or invalid file-name character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A point limit is below 100.</exception>
    internal void Check()
    {
        ArgumentNullException.ThrowIfNull(FilePrefix);
        if (FilePrefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || FilePrefix.Contains('/') || FilePrefix.Contains('\\'))
        {
            throw new ArgumentException($"FilePrefix \"{FilePrefix}\" must be part of a file name (no folder separators or invalid characters).", nameof(FilePrefix));
        }

        if (MaxScatterPoints < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxScatterPoints), MaxScatterPoints, $"MaxScatterPoints={MaxScatterPoints} must be at least 100.");
        }

        if (MaxSilhouettePoints < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSilhouettePoints), MaxSilhouettePoints, $"MaxSilhouettePoints={MaxSilhouettePoints} must be at least 100.");
        }
    }
}
