namespace SegmentLab.Data;

/// <summary>
/// A file being written atomically: write to <see cref="Stream"/>, then <see cref="Commit"/> renames the temporary file
/// into place. Disposing without committing deletes the temporary file and leaves any previous file untouched.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private readonly string _temp;
    private bool _done;

    internal PendingFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _temp = AtomicFile.NewTemp(Path);
        Stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>Where to write the content.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes to disk and renames the temporary file over <see cref="Path"/>.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temp, Path, overwrite: true);
        AtomicFile.Forget(_temp);
        _done = true;
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        Stream.Dispose();
        AtomicFile.TryDelete(_temp);
        AtomicFile.Forget(_temp);
        _done = true;
    }
}
