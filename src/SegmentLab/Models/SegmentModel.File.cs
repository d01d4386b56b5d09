using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SegmentLab.Data;

namespace SegmentLab.Models;

public sealed partial class SegmentModel
{
    private const string Format = "segmentlab-model";

    private static readonly JsonSerializerOptions JsonOptions = CreateOptions();

    /// <summary>The model file's text: indented UTF-8 JSON with the envelope and checksum (see the class remarks).</summary>
    public string ToJson()
    {
        var content = JsonSerializer.SerializeToNode(_content, JsonOptions)!;
        var envelope = new JsonObject
        {
            ["format"] = Format,
            ["schemaVersion"] = SchemaVersion,
            ["createdAt"] = CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["checksum"] = Checksum,
            ["model"] = content,
        };
        return envelope.ToJsonString(JsonOptions);
    }

    /// <summary>Writes the model file atomically (a temporary file in the same folder, then a rename).</summary>
    /// <param name="path">Target path; by convention it ends in <see cref="FileExtension"/>. Its folder is created when missing.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToJson());
    }

    /// <summary>Reads a model file written by <see cref="Save"/>, checking its format, schema version and checksum.</summary>
    /// <exception cref="InputException">
    /// The file is missing, is not a SegmentLab model, has a newer schema version than this code reads, or its checksum
    /// does not match (it was edited or damaged).
    /// </exception>
    public static SegmentModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException("the model file does not exist.", file: full, fix: "check the path, or fit a model with segmentlab fit --out model.segmodel.json.");
        }

        return FromJson(File.ReadAllText(full), full);
    }

    /// <summary>Reads a model from the text of a model file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">File name for error messages.</param>
    /// <exception cref="InputException">As for <see cref="Load"/>.</exception>
    public static SegmentModel FromJson(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InputException($"the model file is not valid JSON ({e.Message.Split(" Path:", 2)[0]}): the file was damaged.", file: source, line: e.LineNumber + 1,
                fix: "refit with segmentlab fit.");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            throw new InputException("not a SegmentLab model file (no \"format\": \"segmentlab-model\").", file: source,
                fix: "give a file written by segmentlab fit (*.segmodel.json).");
        }

        if (!root.TryGetProperty("schemaVersion", out var v) || !v.TryGetInt32(out int version) || version < 1)
        {
            throw new InputException("the model file has no valid \"schemaVersion\": the file was edited or damaged.", file: source, fix: "refit with segmentlab fit.");
        }

        if (version > CurrentSchemaVersion)
        {
            throw new InputException(
                $"the model file has schema version {version}, newer than this SegmentLab reads (up to {CurrentSchemaVersion}); it was written by a later SegmentLab.",
                file: source, fix: "update SegmentLab, or refit the model with this version (segmentlab fit).");
        }

        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("checksum", out var sum) || sum.ValueKind != JsonValueKind.String)
        {
            throw new InputException("the model file lacks its \"model\" or \"checksum\": the file was edited or damaged.", file: source, fix: "refit with segmentlab fit.");
        }

        string expected = ComputeChecksum(version, model);
        if (!string.Equals(sum.GetString(), expected, StringComparison.Ordinal))
        {
            throw new InputException("the model's checksum does not match: the file was edited or damaged; refit with segmentlab fit.", file: source);
        }

        DateTimeOffset createdAt = root.TryGetProperty("createdAt", out var c) && c.ValueKind == JsonValueKind.String && c.TryGetDateTimeOffset(out var t)
            ? t.ToUniversalTime()
            : DateTimeOffset.UnixEpoch;
        SegmentModelContent? content;
        try
        {
            content = model.Deserialize<SegmentModelContent>(JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InputException($"the model content does not match schema version {version} ({e.Message.Split(" Path:", 2)[0]}).", file: source,
                fix: "refit with segmentlab fit.");
        }

        if (content is null)
        {
            throw new InputException("the model content is null.", file: source, fix: "refit with segmentlab fit.");
        }

        try
        {
            return new SegmentModel(content, version, createdAt, expected);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException)
        {
            throw new InputException($"the model content is inconsistent ({e.Message}).", file: source, fix: "refit with segmentlab fit.");
        }
    }

    /// <summary>A model from its content, with the checksum computed as a save would.</summary>
    internal static SegmentModel FromContent(SegmentModelContent content, DateTimeOffset createdAt)
    {
        var element = JsonSerializer.SerializeToElement(content, JsonOptions);
        return new SegmentModel(content, CurrentSchemaVersion, createdAt, ComputeChecksum(CurrentSchemaVersion, element));
    }

    /// <summary>SHA-256 over "segmentlab-model/{version}\n" and the compact JSON of the content element.</summary>
    private static string ComputeChecksum(int version, JsonElement model)
    {
        using var buffer = new MemoryStream();
        byte[] prefix = Encoding.UTF8.GetBytes($"{Format}/{version}\n");
        buffer.Write(prefix);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            model.WriteTo(writer);
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            // Winsorizing off stores clip bounds of ±∞; they are written as "Infinity" / "-Infinity".
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
