using SegmentLab.Data;

namespace SegmentLab.Tests.Profiling;

/// <summary>The <c>profiling</c> config section: defaults, parsing and plain-English errors.</summary>
public sealed class ProfilingSettingsTests
{
    private static SegmentLabConfig Parse(string profiling) =>
        SegmentLabConfig.Parse($$"""{ "transactions": { "path": "t.csv" }, "profiling": {{profiling}} }""", "/tmp", "segmentlab.json");

    [Fact]
    public void Defaults_are_no_overrides_and_three_top_features()
    {
        var c = SegmentLabConfig.Parse("""{ "transactions": { "path": "t.csv" } }""", "/tmp");
        Assert.Empty(c.Profiling.Names);
        Assert.Equal(3, c.Profiling.TopFeatures);
    }

    [Fact]
    public void Names_and_top_features_are_read()
    {
        var c = Parse("""{ "names": { "2": "Win-back list", "0": "VIPs" }, "topFeatures": 5 }""");
        Assert.Equal("Win-back list", c.Profiling.Names["2"]);
        Assert.Equal("VIPs", c.Profiling.Names["0"]);
        Assert.Equal(5, c.Profiling.TopFeatures);
    }

    [Theory]
    [InlineData("""{ "topFeatures": 0 }""", "'profiling.topFeatures' is 0")]
    [InlineData("""{ "names": { "first": "VIPs" } }""", "key \"first\"")]
    [InlineData("""{ "names": { "1": "  " } }""", "'profiling.names.1' is blank")]
    [InlineData("""{ "names": { "1": "VIPs", "2": "vips" } }""", "names must be unique")]
    [InlineData("""{ "nmes": {} }""", "nmes")]
    public void Bad_settings_are_explained(string profiling, string expected)
    {
        var e = Assert.Throws<InputException>(() => Parse(profiling));
        Assert.Contains(expected, e.Message);
    }
}
