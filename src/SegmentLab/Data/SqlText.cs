namespace SegmentLab.Data;

/// <summary>Quoting for SQL text SegmentLab generates for DuckDB: identifiers and string literals from the analyst's names.</summary>
internal static class SqlText
{
    /// <summary>A double-quoted identifier (column names may hold spaces, as Online Retail's "Customer ID").</summary>
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
