namespace SegmentLab.Data;

/// <summary>Turns a table's configured path or glob into the files to read, with clear errors when there are none.</summary>
internal static class TableFiles
{
    public static IReadOnlyList<string> Resolve(SegmentLabConfig config, TableSource source, string table)
    {
        string full = config.Resolve(source.Path);
        string name = Path.GetFileName(full);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            if (!File.Exists(full))
            {
                throw new InputException($"the {table} file does not exist.", file: full,
                    fix: $"check '{table}.path' in {config.SourceFile ?? "the config"} (relative paths start at the config file's folder: {config.BaseDirectory}).");
            }

            return [full];
        }

        string dir = Path.GetDirectoryName(full)!;
        string[] files = Directory.Exists(dir)
            ? Directory.GetFiles(dir, name).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            throw new InputException($"no file matches the {table} pattern '{name}' in {dir}.", file: full,
                fix: $"check '{table}.path' in {config.SourceFile ?? "the config"}.");
        }

        return files;
    }

    /// <summary>csv or parquet, from the configured format or the first file's extension.</summary>
    public static string FormatOf(TableSource source, IReadOnlyList<string> files) =>
        source.Format != "auto" ? source.Format
        : files[0].EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || files[0].EndsWith(".pq", StringComparison.OrdinalIgnoreCase) ? "parquet"
        : "csv";
}
