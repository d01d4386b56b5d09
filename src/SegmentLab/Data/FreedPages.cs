using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// Keeps the memory DuckDB frees mapped while big files are read and staged, so that it is reused instead of returned to
/// the system and faulted in again.
/// </summary>
/// <remarks>
/// <para>DuckDB's Linux builds allocate through a bundled jemalloc (exported as <c>duckdb_je_*</c>) that hands freed pages
/// back to the system after about a second. Reading a big CSV and writing it as Parquet frees and takes buffers all the
/// time, and on virtual machines, where each fresh page costs a fault of several microseconds, that churn cost a quarter of
/// the staging time (1,000,000 generated customers: 37.8 → 28.0 s of staging for the two big tables, see bench/README.md).</para>
/// <para>While a scope is open every jemalloc arena keeps its freed pages (<c>arena.N.dirty_decay_ms = -1</c>), and so do
/// arenas created meanwhile (the default for new arenas, <c>arenas.dirty_decay_ms</c>, is set too: DuckDB's second arena
/// usually appears only with the first parallel query, after the scope opened); closing the last open scope restores the
/// previous settings and hands the pages back at once. Without that jemalloc (Windows, macOS, other builds) this does nothing.</para>
/// </remarks>
internal static partial class FreedPages
{
    private static readonly Lock Gate = new();
    private static readonly Mallctl? Control = Find();
    private static int _open;
    private static long?[] _saved = [];
    private static long? _savedDefault;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private unsafe delegate int Mallctl(byte* name, void* oldp, nuint* oldlenp, void* newp, nuint newlen);

    /// <summary>True when DuckDB's allocator can be tuned (Linux builds with the bundled jemalloc).</summary>
    public static bool Available => Control is not null;

    /// <summary>Arena 0's current dirty-page decay in milliseconds (-1: kept), null when unavailable; for tests and tracing.</summary>
    public static long? Arena0Decay => Control is null ? null : Read("arena.0.dirty_decay_ms", 8);

    /// <summary>The decay new arenas start with (-1: kept), null when unavailable; for tests.</summary>
    public static long? NewArenaDecay => Control is null ? null : Read("arenas.dirty_decay_ms", 8);

    /// <summary>Keeps freed pages until the returned scope is disposed (scopes may nest and overlap).</summary>
    public static IDisposable Keep()
    {
        if (Control is null)
        {
            return Scope.None;
        }

        lock (Gate)
        {
            if (_open++ == 0)
            {
                // Arenas are created as threads first allocate (arena 1 usually after the first parallel query), with the
                // default decay: so the default is set too, not only the arenas that exist now.
                _savedDefault = Read("arenas.dirty_decay_ms", 8);
                if (_savedDefault is not null)
                {
                    Write("arenas.dirty_decay_ms", -1);
                }

                int arenas = (int)(Read("arenas.narenas", 4) ?? 0);
                _saved = new long?[arenas];
                for (int i = 0; i < arenas; i++)
                {
                    // Null for an arena not created yet (the read fails): it will take the default set above.
                    _saved[i] = Read($"arena.{i}.dirty_decay_ms", 8);
                    if (_saved[i] is not null)
                    {
                        Write($"arena.{i}.dirty_decay_ms", -1);
                    }
                }
            }
        }

        return new Scope();
    }

    private static void Release()
    {
        lock (Gate)
        {
            if (--_open == 0)
            {
                if (_savedDefault is { } fallback)
                {
                    Write("arenas.dirty_decay_ms", fallback);
                }

                // Arenas created inside the scope took -1 from the default; they go back to the default.
                int arenas = (int)(Read("arenas.narenas", 4) ?? 0);
                for (int i = 0; i < arenas; i++)
                {
                    long? decay = i < _saved.Length ? _saved[i] : null;
                    if ((decay ?? _savedDefault) is { } d && Read($"arena.{i}.dirty_decay_ms", 8) is not null)
                    {
                        Write($"arena.{i}.dirty_decay_ms", d);
                    }
                }

                // Hand the kept pages back now rather than over the next second, so that what follows starts from the
                // memory it would have had without the scope. MALLCTL_ARENAS_ALL (4096) names every arena.
                Command("arena.4096.purge");
            }
        }
    }

    private static Mallctl? Find()
    {
        if (!OperatingSystem.IsLinux()
            || !NativeLibrary.TryLoad("duckdb", typeof(DuckDBConnection).Assembly, null, out nint library)
            || !NativeLibrary.TryGetExport(library, "duckdb_je_mallctl", out nint address))
        {
            return null;
        }

        return Marshal.GetDelegateForFunctionPointer<Mallctl>(address);
    }

    // Values are unsigned (narenas, 4 bytes) or ssize_t (decay, 8 bytes); null when the call fails (nothing is changed then).
    private static unsafe long? Read(string name, int size)
    {
        byte[] key = NameBytes(name);
        long value = 0;
        nuint length = (nuint)size;
        fixed (byte* k = key)
        {
            return Control!(k, &value, &length, null, 0) == 0 ? value : null;
        }
    }

    private static unsafe void Write(string name, long value)
    {
        byte[] key = NameBytes(name);
        fixed (byte* k = key)
        {
            _ = Control!(k, null, null, &value, 8);
        }
    }

    private static unsafe void Command(string name)
    {
        byte[] key = NameBytes(name);
        fixed (byte* k = key)
        {
            _ = Control!(k, null, null, null, 0);
        }
    }

    private static byte[] NameBytes(string name) => [.. System.Text.Encoding.ASCII.GetBytes(name), 0];

    private sealed class Scope : IDisposable
    {
        public static readonly IDisposable None = new NoScope();
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Release();
            }
        }

        private sealed class NoScope : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
