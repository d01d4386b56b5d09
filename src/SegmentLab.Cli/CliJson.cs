using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegmentLab.Cli;

/// <summary>JSON settings for machine-readable output: camelCase, enums as text.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Plain "≥" and "—" in reasons and names: the output is UTF-8 JSON for programs, not HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
