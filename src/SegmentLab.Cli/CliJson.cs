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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
