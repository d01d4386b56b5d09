using SegmentLab.Data;

namespace SegmentLab.Tests.Validation;

/// <summary>The config's validation section: defaults, reading, and checks with messages that name the key.</summary>
public sealed class ValidationSettingsTests
{
    private static SegmentLabConfig Parse(string validation) =>
        SegmentLabConfig.Parse($$"""{ "transactions": { "path": "t.csv" }, "validation": {{validation}} }""", Path.GetTempPath());

    [Fact]
    public void Defaults_are_the_documented_values()
    {
        var v = SegmentLabConfig.Parse("""{ "transactions": { "path": "t.csv" } }""", Path.GetTempPath()).Validation;
        Assert.Equal(["purchased_in_holdout", "engaged_in_holdout"], v.BinaryOutcomes);
        Assert.Equal(["holdout_revenue"], v.ContinuousOutcomes);
        Assert.Equal((0.95, 1000, 100, 0), (v.Confidence, v.LiftReplicates, v.StabilityReplicates, v.Seed));
        Assert.Equal((0.25, 0.10), (v.MinSilhouetteWarn, v.MinSilhouetteFail));
        Assert.Equal((0.75, 0.5), (v.StabilityWarn, v.StabilityFail));
        Assert.Equal((0.1, 0.25), (v.PsiWarn, v.PsiFail));
        Assert.Equal((0.5, 1.0), (v.CentroidShiftWarn, v.CentroidShiftFail));
        Assert.Equal((0.8, 0.65), (v.AssignmentAriWarn, v.AssignmentAriFail));
        Assert.Equal(0.02, v.MinSegmentShare);
        Assert.False(v.RequireSignificantLift);
    }

    [Fact]
    public void Values_are_read_from_the_config()
    {
        var v = Parse("""{ "binaryOutcomes": ["responded"], "stabilityReplicates": 20, "psiFail": 0.3, "requireSignificantLift": true }""").Validation;
        Assert.Equal(["responded"], v.BinaryOutcomes);
        Assert.Equal(20, v.StabilityReplicates);
        Assert.Equal(0.3, v.PsiFail);
        Assert.True(v.RequireSignificantLift);
        Assert.Equal(50_000, v.StabilityMaxRows);
        Assert.Equal(500, Parse("""{ "stabilityMaxRows": 500 }""").Validation.StabilityMaxRows);
    }

    [Theory]
    [InlineData("""{ "stabilityWarn": 0.4 }""", "'validation.stabilityFail' (0.5) must be ≤ 'validation.stabilityWarn' (0.4)")]
    [InlineData("""{ "psiWarn": 0.3 }""", "'validation.psiWarn' (0.3) must be ≤ 'validation.psiFail' (0.25)")]
    [InlineData("""{ "confidence": 95 }""", "'validation.confidence' is 95")]
    [InlineData("""{ "stabilityReplicates": 1 }""", "'validation.stabilityReplicates' is 1")]
    [InlineData("""{ "stabilityMaxRows": 99 }""", "'validation.stabilityMaxRows' is 99")]
    [InlineData("""{ "minSegmentShare": 2 }""", "'validation.minSegmentShare' is 2")]
    [InlineData("""{ "binaryOutcomes": null }""", "'validation.binaryOutcomes'")]
    [InlineData("null", "'validation' is null")]
    [InlineData("""{ "psiWarning": 0.1 }""", "unknown key 'psiWarning'")]
    public void Bad_settings_are_input_errors_naming_the_key(string validation, string expected)
    {
        var e = Assert.Throws<InputException>(() => Parse(validation));
        Assert.Contains(expected, e.Message);
    }
}
