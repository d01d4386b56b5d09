using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SegmentLab.Data;

/// <summary>Reads <see cref="SegmentLabConfig"/> JSON and turns every problem into a plain-English <see cref="InputException"/>.</summary>
internal static class ConfigReader
{
    internal static readonly JsonSerializerOptions Options = CreateOptions();

    public static SegmentLabConfig Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException("the config file does not exist.", file: full,
                fix: "check the path, or run 'segmentlab init' to write a starter config.");
        }

        return Parse(File.ReadAllText(full), Path.GetDirectoryName(full)!, full);
    }

    public static SegmentLabConfig Parse(string json, string baseDirectory, string sourceName)
    {
        SegmentLabConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<SegmentLabConfig>(json, Options);
        }
        catch (JsonException e)
        {
            throw Explain(e, sourceName);
        }

        if (config is null)
        {
            throw new InputException("the config is empty (null).", file: sourceName, fix: "write a JSON object such as { \"transactions\": { \"path\": \"transactions.csv\" } }.");
        }

        config = config with { BaseDirectory = Path.GetFullPath(baseDirectory), SourceFile = sourceName };
        Check(config, sourceName);
        return config;
    }

    private static void Check(SegmentLabConfig c, string file)
    {
        if (c.Transactions is null || string.IsNullOrWhiteSpace(c.Transactions.Path))
        {
            throw new InputException("'transactions.path' is required: SegmentLab needs a transactions table.", file: file,
                fix: "add \"transactions\": { \"path\": \"your-orders.csv\" } (the path is relative to the config file).");
        }

        if (c.MaxRejectedShare is < 0 or > 1 || double.IsNaN(c.MaxRejectedShare))
        {
            throw new InputException($"'maxRejectedShare' is {c.MaxRejectedShare}; it must be between 0 and 1 (0.01 means 1%).", file: file);
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(c.MemoryLimit, @"^\s*\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            throw new InputException($"'memoryLimit' is \"{c.MemoryLimit}\"; it must be a size such as \"3GB\" or \"512MB\".", file: file);
        }

        CheckFeatures(c.Features, file);
        SegmentationSettings.Check(c.Segmentation, file);
        ValidationSettings.Check(c.Validation, file);
        Profiling.ProfilingSettings.Check(c.Profiling, file);
        CheckSource("transactions", c.Transactions, file);
        if (c.Events is not null)
        {
            CheckSource("events", c.Events, file);
        }

        if (c.Customers is not null)
        {
            CheckSource("customers", c.Customers, file);
        }
    }

    private static void CheckFeatures(FeatureSettings f, string file)
    {
        if (f.HoldoutDays is < 0 or > 3660)
        {
            throw new InputException($"'features.holdoutDays' is {f.HoldoutDays}; it must be between 0 (no holdout) and 3660.", file: file);
        }

        if (f.TopCategories is < 0 or > 50)
        {
            throw new InputException($"'features.topCategories' is {f.TopCategories}; it must be between 0 and 50.", file: file);
        }

        var t = f.Transforms;
        if (t.Scaling is not ("standard" or "robust" or "none"))
        {
            throw new InputException($"'features.transforms.scaling' is \"{t.Scaling}\"; it must be \"standard\", \"robust\" or \"none\".", file: file);
        }

        if ((t.WinsorizeLower is null) != (t.WinsorizeUpper is null)
            || (t.WinsorizeLower is { } lo && t.WinsorizeUpper is { } hi && !(0 <= lo && lo < hi && hi <= 1)))
        {
            throw new InputException(
                $"'features.transforms.winsorizeLower' ({t.WinsorizeLower?.ToString() ?? "null"}) and 'winsorizeUpper' ({t.WinsorizeUpper?.ToString() ?? "null"}) must both be null, or quantiles with 0 ≤ lower < upper ≤ 1.",
                file: file);
        }

        if (t.CorrelationThreshold is <= 0 or > 1)
        {
            throw new InputException($"'features.transforms.correlationThreshold' is {t.CorrelationThreshold}; it must be in (0, 1].", file: file);
        }
    }

    private static void CheckSource(string name, TableSource s, string file)
    {
        if (string.IsNullOrWhiteSpace(s.Path))
        {
            throw new InputException($"'{name}.path' is empty.", file: file, fix: $"give the {name} file's path, relative to the config file.");
        }

        if (s.Format is not ("auto" or "csv" or "parquet"))
        {
            throw new InputException($"'{name}.format' is \"{s.Format}\"; it must be \"auto\", \"csv\" or \"parquet\".", file: file);
        }

        if (!(s.Delimiter.Length == 1 || s.Delimiter == "\\t"))
        {
            throw new InputException($"'{name}.delimiter' is \"{s.Delimiter}\"; it must be one character, e.g. \",\", \";\", \"|\" or \"\\t\".", file: file);
        }

        if (s.Quote.Length != 1)
        {
            throw new InputException($"'{name}.quote' is \"{s.Quote}\"; it must be one character, usually \"\\\"\".", file: file);
        }

        if (s.DecimalSeparator is not ("." or ","))
        {
            throw new InputException($"'{name}.decimalSeparator' is \"{s.DecimalSeparator}\"; it must be \".\" or \",\".", file: file);
        }

        if (s.DecimalSeparator == s.Delimiter)
        {
            throw new InputException($"'{name}.decimalSeparator' and '{name}.delimiter' are both \"{s.Delimiter}\".", file: file,
                fix: "files with decimal commas are usually ';'-delimited: set \"delimiter\": \";\".");
        }

        if (CsvEncoding.Normalize(s.Encoding) is null)
        {
            throw new InputException($"'{name}.encoding' is \"{s.Encoding}\"; it must be \"utf-8\", \"utf-16\" or \"latin-1\".", file: file);
        }
    }

    private static InputException Explain(JsonException e, string file)
    {
        long? line = e.LineNumber + 1;
        string path = e.Path ?? "$";
        var segments = path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim('[', ']', '\'')).ToArray();
        string key = string.Join(".", segments);

        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var (owner, _) = Walk(segments[..^1]);
            string unknown = segments.Length > 0 ? segments[^1] : "?";
            var valid = owner is null ? [] : Options.GetTypeInfo(owner).Properties.Select(p => p.Name).Where(n => n != "$schema" && !Internal(n)).ToArray();
            string? guess = ColumnMatcher.Closest(unknown, valid);
            string where = segments.Length > 1 ? $" in '{string.Join(".", segments[..^1])}'" : "";
            return new InputException(
                $"unknown key '{unknown}'{where}. Valid keys: {string.Join(", ", valid)}.",
                file: file, line: line,
                fix: guess is null ? "remove the key or correct its spelling." : $"did you mean '{guess}'?");
        }

        var (_, property) = Walk(segments);
        if (property is not null)
        {
            return new InputException($"'{key}' must be {Describe(property)}.", file: file, line: line,
                fix: $"correct the value of '{key}'.");
        }

        // Syntax errors: System.Text.Json's text names the offending character.
        string reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        return new InputException($"the config is not valid JSON: {reason}", file: file, line: line,
            fix: "check for a missing comma, quote or brace near that line.");
    }

    private static bool Internal(string name) => name is "baseDirectory" or "sourceFile";

    /// <summary>Follows a JSON path through the config types; returns the last object type and the last property's type.</summary>
    private static (Type? Owner, Type? Property) Walk(string[] segments)
    {
        Type? type = typeof(SegmentLabConfig);
        Type? property = null;
        foreach (string s in segments)
        {
            if (type is null || !type.IsClass || type == typeof(string))
            {
                return (null, null);
            }

            var info = Options.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return (null, property);
            }

            var p = info.Properties.FirstOrDefault(x => x.Name == s);
            if (p is null)
            {
                return (type, null);
            }

            property = p.PropertyType;
            type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        }

        return (type, property);
    }

    private static string Describe(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(string))
        {
            return "text (a JSON string in quotes)";
        }

        if (t == typeof(DateOnly))
        {
            return "a date as text, e.g. \"2024-06-30\"";
        }

        if (t == typeof(double) || t == typeof(int) || t == typeof(long))
        {
            return "a number";
        }

        if (t == typeof(bool))
        {
            return "true or false";
        }

        if (t.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(t).Select(n => $"\"{JsonNamingPolicy.CamelCase.ConvertName(n)}\""));
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return "an object of text values, e.g. { \"opened\": \"email_open\" }";
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return "a list of text, e.g. [\"region\", \"gender\"]";
        }

        return "an object { … }";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return;
            }

            // Resolution results are not part of the file format.
            foreach (var p in info.Properties.Where(p => Internal(p.Name) || p.Name == "outputDirectory").ToList())
            {
                info.Properties.Remove(p);
            }

            if (info.Type == typeof(SegmentLabConfig))
            {
                // "$schema" lets editors validate the file; it carries nothing for SegmentLab.
                var schema = info.CreateJsonPropertyInfo(typeof(string), "$schema");
                schema.Set = static (_, _) => { };
                info.Properties.Add(schema);
            }
        });

        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = resolver,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
