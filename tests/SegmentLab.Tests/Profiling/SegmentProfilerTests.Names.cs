using SegmentLab.Profiling;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Profiling;

/// <summary>Name uniqueness when segments share their evidence, and the empty-segment edge case.</summary>
public sealed partial class SegmentProfilerTests
{
    /// <summary>Labels = persona, except that persona 0 (lapsed one-time buyers) is split by spend into two segments.</summary>
    private static int[] SplitLapsed(out int higher, out int lower)
    {
        var monetary = D.Table.Numeric("monetary");
        var lapsed = Enumerable.Range(0, ProfileTestData.PerPersona).ToArray();
        double median = lapsed.Select(i => monetary[i]).Order().ElementAt(ProfileTestData.PerPersona / 2);
        var labels = Enumerable.Range(0, D.Table.Rows).Select(ProfileTestData.PersonaOf).ToArray();
        foreach (int i in lapsed.Where(i => monetary[i] >= median))
        {
            labels[i] = 4;
        }

        (higher, lower) = (4, 0);
        return labels;
    }

    [Fact]
    public void Two_segments_with_the_same_evidence_get_distinct_names_that_say_how_they_differ()
    {
        var labels = SplitLapsed(out int higher, out int lower);
        var report = new ValidationReport { Data = DataSummary.From(D.Table, labels, ProfileTestData.Inputs, 5) };
        var profiles = SegmentProfiler.Build(D.Table, labels, report);
        Assert.Equal(5, profiles.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.StartsWith("Lapsed", profiles[higher].Name, StringComparison.Ordinal);
        Assert.StartsWith("Lapsed", profiles[lower].Name, StringComparison.Ordinal);
        Assert.NotEqual(profiles[higher].Name, profiles[lower].Name);
        // Never told apart by a number: the suffix is words.
        Assert.DoesNotMatch(@"\d", profiles[higher].Name);
        Assert.DoesNotMatch(@"\d", profiles[lower].Name);
        // The other personas keep their plain names.
        Assert.Equal(ProfileTestData.ExpectedNames[1..], new[] { profiles[1].Name, profiles[2].Name, profiles[3].Name });
    }

    [Fact]
    public void Identical_segments_are_told_apart_by_the_feature_they_differ_on_most()
    {
        // Two segments of the same persona, differing only in spend: no trait separates them, so the names say higher / lower spend.
        var labels = SplitLapsed(out int higher, out int lower);
        var report = new ValidationReport { Data = DataSummary.From(D.Table, labels, ProfileTestData.Inputs, 5) };
        var profiles = SegmentProfiler.Build(D.Table, labels, report);
        Assert.Equal("Lapsed one-time buyers, higher spend", profiles[higher].Name);
        Assert.Equal("Lapsed one-time buyers, lower spend", profiles[lower].Name);
    }

    [Fact]
    public void An_empty_segment_is_profiled_with_size_zero_and_its_own_name()
    {
        var labels = Enumerable.Range(0, D.Table.Rows).Select(ProfileTestData.PersonaOf).ToArray();
        var report = new ValidationReport { Data = DataSummary.From(D.Table, labels, ProfileTestData.Inputs, 5) };
        var profiles = SegmentProfiler.Build(D.Table, labels, report);
        Assert.Equal(5, profiles.Count);
        Assert.Equal(0, profiles[4].Size);
        Assert.Equal("Empty segment", profiles[4].Name);
        Assert.Equal("No customers were assigned to this segment.", profiles[4].Description);
        Assert.Equal(ProfileTestData.ExpectedNames, profiles.Names.Take(4));
    }
}
