using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>The editor schema (segmentlab.schema.json) names exactly the keys the reader accepts, at every level.</summary>
public sealed class ConfigSchemaTests
{
    [Fact]
    public void Schema_keys_match_the_config_types()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "segmentlab.schema.json")));
        Compare(doc.RootElement, typeof(SegmentLabConfig), "$");
    }

    private static void Compare(JsonElement schema, Type type, string where)
    {
        var info = ConfigReader.Options.GetTypeInfo(type);
        var expected = info.Properties.Select(p => p.Name).Order().ToArray();
        var actual = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{where}: reader keys [{string.Join(", ", expected)}] vs schema keys [{string.Join(", ", actual)}]");
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        foreach (var p in info.Properties)
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t.IsClass && t != typeof(string) && ConfigReader.Options.GetTypeInfo(t).Kind == JsonTypeInfoKind.Object)
            {
                Compare(schema.GetProperty("properties").GetProperty(p.Name), t, $"{where}.{p.Name}");
            }
        }
    }
}
