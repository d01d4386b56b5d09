using SegmentLab.Reporting;

namespace SegmentLab.Tests.Reporting;

/// <summary>
/// The Markdown report against its committed snapshot (Reporting/Snapshots/segment-report.md). After an intended change,
/// regenerate it with <c>SEGMENTLAB_UPDATE_SNAPSHOTS=1 dotnet test tests/SegmentLab.Tests -c Release --filter
/// FullyQualifiedName~SegmentReportTests.The_markdown</c> and review the diff.
/// </summary>
public sealed partial class SegmentReportTests
{
    private static string SnapshotPath => Path.Combine(TestPaths.RepoRoot, "tests", "SegmentLab.Tests", "Reporting", "Snapshots", "segment-report.md");

    [Fact]
    public void The_markdown_matches_the_committed_snapshot()
    {
        string markdown = SegmentReport.ToMarkdown(D);
        if (Environment.GetEnvironmentVariable("SEGMENTLAB_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SnapshotPath)!);
            File.WriteAllText(SnapshotPath, markdown);
        }

        Assert.True(File.Exists(SnapshotPath), $"snapshot {SnapshotPath} is missing; create it with SEGMENTLAB_UPDATE_SNAPSHOTS=1.");
        string expected = File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, markdown);
    }

    [Fact]
    public void The_markdown_tells_the_same_story_as_the_profiles()
    {
        string markdown = SegmentReport.ToMarkdown(D);
        foreach (var s in D.Profiles.Segments)
        {
            Assert.Contains($"### {s.Id}. {s.Name}\n\n{s.Description}\n", markdown, StringComparison.Ordinal);
            Assert.Contains($"| {s.Id} | {s.Name} | {s.Size} | ", markdown, StringComparison.Ordinal);
        }

        string[] headings = ["## Summary", "### Checks", "### Notes", "## Segments", "## Data quality", "## Choosing k", "## Segment profiles",
            "## Feature index", "## Outcome lift in the holdout window", "## Stability under resampling", "## Drift against the baseline", "## PCA loadings"];
        int at = -1;
        foreach (string h in headings)
        {
            int next = markdown.IndexOf("\n" + h + "\n", StringComparison.Ordinal);
            Assert.True(next > at, $"'{h}' missing or out of order");
            at = next;
        }

        Assert.DoesNotContain("\r", markdown, StringComparison.Ordinal);
    }
}
