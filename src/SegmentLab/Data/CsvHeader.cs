using System.IO.Compression;
using System.Text;

namespace SegmentLab.Data;

/// <summary>
/// Reads just the header record of a CSV file (plain or gzip) so that missing, duplicate or blank columns, an empty
/// file or a wrong delimiter are reported with a clear message before the engine reads the rows.
/// </summary>
internal sealed record CsvHeader(string File, IReadOnlyList<string> Columns, string Encoding, bool HasDataAfterHeader)
{
    private static readonly char[] OtherDelimiters = [',', ';', '\t', '|'];

    public static CsvHeader Read(string file, TableSource source, string table)
    {
        string encoding = CsvEncoding.Normalize(source.Encoding) ?? "utf-8";
        char delimiter = source.Delimiter == "\\t" ? '\t' : source.Delimiter[0];
        char quote = source.Quote[0];
        using var raw = System.IO.File.OpenRead(file);
        if (raw.Length == 0)
        {
            throw new InputException("the file is empty (0 bytes).", file: file, fix: $"export the {table} table again; a header line and rows are expected.");
        }

        Stream stream = raw;
        if (IsGzip(raw))
        {
            stream = new GZipStream(raw, CompressionMode.Decompress);
        }

        var prefix = new byte[4];
        int got;
        try
        {
            got = stream.ReadAtLeast(prefix, 4, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"the gzip data is corrupt: {e.Message}", file: file, fix: "compress or download the file again.");
        }

        // A byte-order mark says what the file is, whatever the config says.
        int skip = 0;
        if (got >= 2 && prefix[0] == 0xFF && prefix[1] == 0xFE)
        {
            encoding = "utf-16";
            skip = 2;
        }
        else if (got >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF)
        {
            encoding = "utf-8";
            skip = 3;
        }
        else if (got >= 2 && prefix[0] == 0xFE && prefix[1] == 0xFF)
        {
            throw new InputException("the file is UTF-16 big-endian, which the reader does not support.", file: file,
                fix: "save it as UTF-8 (or UTF-16 little-endian) and try again.");
        }

        var head = new MemoryStream();
        head.Write(prefix, skip, got - skip);
        head.Position = 0;
        var reader = new StreamReader(new ConcatStream(head, stream), CsvEncoding.ToDotNet(encoding), detectEncodingFromByteOrderMarks: false);
        string? record = ReadRecord(reader, quote, out bool unterminated);
        if (record is null || record.Trim().Length == 0)
        {
            throw new InputException("the file has no header line (it is empty or starts with a blank line).", file: file, line: 1,
                fix: $"the first line must name the columns of the {table} table.");
        }

        if (unterminated)
        {
            throw new InputException("the header line has an opening quote that is never closed.", file: file, line: 1,
                fix: "check the quoting of the first line.");
        }

        var columns = Split(record, delimiter, quote);
        if (columns.Count == 1)
        {
            char? other = OtherDelimiters.FirstOrDefault(d => d != delimiter && record.Contains(d));
            if (other is not null and not '\0')
            {
                string shown = other == '\t' ? "\\t" : other.ToString()!;
                throw new InputException(
                    $"the header has a single column \"{Shorten(record)}\" when split on '{Show(delimiter)}'; the file looks '{shown}'-delimited.",
                    file: file, line: 1, fix: $"set \"delimiter\": \"{shown}\" for the {table} table in the config.");
            }
        }

        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Trim().Length == 0)
            {
                throw new InputException($"column {i + 1} of the header has no name.", file: file, line: 1,
                    fix: "give every column a name in the first line (or remove the empty column).");
            }

            int first = columns.FindIndex(c => string.Equals(c, columns[i], StringComparison.OrdinalIgnoreCase));
            if (first < i)
            {
                throw new InputException($"the header names '{columns[i]}' twice (columns {first + 1} and {i + 1}).", file: file, line: 1,
                    fix: "rename one of them so every column name is unique.");
            }
        }

        bool more = reader.Peek() >= 0;
        return new CsvHeader(file, columns, encoding, more);
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static bool IsGzip(FileStream s)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = s.Read(magic);
        s.Position = 0;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    /// <summary>One CSV record, which may span lines inside quotes.</summary>
    private static string? ReadRecord(StreamReader reader, char quote, out bool unterminated)
    {
        unterminated = false;
        string? line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        var sb = new StringBuilder(line);
        while (sb.ToString().Count(ch => ch == quote) % 2 == 1)
        {
            line = reader.ReadLine();
            if (line is null)
            {
                unterminated = true;
                break;
            }

            sb.Append('\n').Append(line);
        }

        return sb.ToString();
    }

    internal static List<string> Split(string record, char delimiter, char quote)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < record.Length; i++)
        {
            char ch = record[i];
            if (quoted)
            {
                if (ch == quote && i + 1 < record.Length && record[i + 1] == quote)
                {
                    field.Append(quote);
                    i++;
                }
                else if (ch == quote)
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == quote)
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Reads one stream after another (the sniffed prefix, then the rest).</summary>
    private sealed class ConcatStream(Stream first, Stream second) : Stream
    {
        private bool _firstDone;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!_firstDone)
            {
                int n = first.Read(buffer, offset, count);
                if (n > 0)
                {
                    return n;
                }

                _firstDone = true;
            }

            return second.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
