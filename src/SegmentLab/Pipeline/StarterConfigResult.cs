namespace SegmentLab.Pipeline;

/// <summary>The starter config <see cref="StarterConfig.Inspect"/> wrote, and what it guessed and could not.</summary>
public sealed record StarterConfigResult
{
    /// <summary>The config text: JSON with comments (JSONC), readable by <c>SegmentLabConfig.Load</c>.</summary>
    public required string Text { get; init; }

    /// <summary>One entry per file inspected, in the order given.</summary>
    public required IReadOnlyList<StarterTable> Tables { get; init; }

    /// <summary>What it could not guess, one sentence each (the config has a comment there too).</summary>
    public required IReadOnlyList<string> Unresolved { get; init; }
}
