using System.Text;

namespace SegmentLab.Data;

/// <summary>
/// Writes files so that readers see either the previous file or the complete new one, never half of it: the content
/// goes to a temporary file in the same folder, is flushed to disk, and is then renamed over the target.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">Target path; its folder is created when missing.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string temp = NewTemp(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            Forget(temp);
        }
    }

    /// <summary>Writes <paramref name="path"/> as UTF-8 text (no BOM) through a <see cref="TextWriter"/>, atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        });
    }

    /// <summary>Starts writing <paramref name="path"/> atomically; commit the returned file when the content is complete.</summary>
    public static PendingFile Create(string path) => new(path);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8, atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteText(path, w => w.Write(text));

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is harmless and hidden.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
