using System.Text.Json.Nodes;
using SegmentLab.Data;
using SegmentLab.Models;

namespace SegmentLab.Tests.Models;

/// <summary>The model file: checksum, schema version and format are checked on load, with plain-English errors.</summary>
public sealed class SegmentModelFileTests
{
    private static readonly Lazy<string> Json = new(() =>
        ModelTestData.Fit(ModelTestData.Table(seed: 11, perBlob: 40, ModelTestData.FourBlobs), k: 3).ToJson());

    [Fact]
    public void File_has_the_envelope_and_is_indented()
    {
        var root = JsonNode.Parse(Json.Value)!.AsObject();
        Assert.Equal("segmentlab-model", (string?)root["format"]);
        Assert.Equal(1, (int?)root["schemaVersion"]);
        Assert.Equal("2025-01-02T03:04:05Z", (string?)root["createdAt"]);
        Assert.Matches("^sha256:[0-9a-f]{64}$", (string?)root["checksum"]);
        Assert.Equal("0.1.0", (string?)root["model"]!["libraryVersion"]);
        Assert.Contains("\n  \"model\": {", Json.Value);
    }

    [Fact]
    public void A_changed_value_is_refused()
    {
        string tampered = Json.Value.Replace("\"name\": \"Blob 1\"", "\"name\": \"Blob X\"", StringComparison.Ordinal);
        Assert.NotEqual(Json.Value, tampered);
        var e = Assert.Throws<InputException>(() => SegmentModel.FromJson(tampered, "m.segmodel.json"));
        Assert.Contains("checksum does not match: the file was edited or damaged; refit with segmentlab fit", e.Message);
        Assert.Contains("m.segmodel.json", e.Message);
    }

    [Fact]
    public void A_changed_centroid_is_refused()
    {
        var root = JsonNode.Parse(Json.Value)!;
        var row = root["model"]!["centroids"]!["rows"]![0]!.AsArray();
        row[0] = (float)row[0]!.GetValue<double>() + 0.001f;
        Assert.Throws<InputException>(() => SegmentModel.FromJson(root.ToJsonString()));
    }

    [Fact]
    public void Reformatting_and_the_creation_time_do_not_matter()
    {
        var root = JsonNode.Parse(Json.Value)!;
        root["createdAt"] = "2030-01-01T00:00:00Z";
        var model = SegmentModel.FromJson(root.ToJsonString());   // compact, no indentation
        Assert.Equal(2030, model.CreatedAt.Year);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_with_the_fix()
    {
        var root = JsonNode.Parse(Json.Value)!;
        root["schemaVersion"] = 2;
        var e = Assert.Throws<InputException>(() => SegmentModel.FromJson(root.ToJsonString()));
        Assert.Contains("schema version 2, newer than this SegmentLab reads (up to 1)", e.Message);
        Assert.Contains("update SegmentLab", e.Message);
    }

    [Theory]
    [InlineData("{ \"format\": \"something-else\" }", "not a SegmentLab model file")]
    [InlineData("[1, 2]", "not a SegmentLab model file")]
    [InlineData("{ \"format\": \"segmentlab-model\", \"schemaVersion\": 1 }", "lacks its \"model\" or \"checksum\"")]
    [InlineData("{ \"format\": \"segmentlab-model\", \"schemaVersion\": 1, \"model\": {", "not valid JSON")]
    public void Not_a_model_is_explained(string json, string expected)
    {
        var e = Assert.Throws<InputException>(() => SegmentModel.FromJson(json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_file_is_explained()
    {
        var e = Assert.Throws<InputException>(() => SegmentModel.Load("/nonexistent/m.segmodel.json"));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Save_is_atomic_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        var model = SegmentModel.FromJson(Json.Value);
        model.Save(dir.File("sub/m.segmodel.json"));
        Assert.True(File.Exists(dir.File("sub/m.segmodel.json")));
        Assert.Empty(Directory.GetFiles(dir.File("sub"), ".*.tmp"));
        Assert.Equal(Json.Value, File.ReadAllText(dir.File("sub/m.segmodel.json")));
    }
}
