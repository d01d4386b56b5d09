namespace SegmentLab.Data;

/// <summary>The text encodings SegmentLab reads CSV in, by the names DuckDB's reader uses.</summary>
internal static class CsvEncoding
{
    /// <summary>The canonical name (<c>utf-8</c>, <c>utf-16</c>, <c>latin-1</c>) for an accepted spelling, else null.</summary>
    public static string? Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => "utf-8",
        "utf-16" or "utf16" or "utf-16le" => "utf-16",
        "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "windows-1252" or "cp1252" => "latin-1",
        _ => null,
    };

    /// <summary>The .NET encoding for a canonical name.</summary>
    public static System.Text.Encoding ToDotNet(string canonical) => canonical switch
    {
        "utf-16" => System.Text.Encoding.Unicode,
        "latin-1" => System.Text.Encoding.Latin1,
        _ => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: false),
    };
}
