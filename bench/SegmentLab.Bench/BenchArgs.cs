namespace SegmentLab.Bench;

/// <summary>Arguments of the side-by-side benchmark, mirroring sklearn_anchor.py.</summary>
public sealed record BenchArgs
{
    public List<string> Tasks { get; } = [];
    public string? F32 { get; private set; }
    public int Rows { get; private set; }
    public int Cols { get; private set; }
    public string? Labels { get; private set; }
    public int K { get; private set; } = 8;
    public int NInit { get; private set; } = 10;
    public int Seed { get; private set; }
    public int Components { get; private set; } = 3;
    public int? Threads { get; private set; }
    public int MinK { get; private set; } = 2;
    public int MaxK { get; private set; } = 10;
    public int GapReferences { get; private set; } = 10;
    public int GapRestarts { get; private set; } = 1;

    public static BenchArgs Parse(string[] args)
    {
        var a = new BenchArgs();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--f32": a.F32 = Next(); break;
                case "--rows": a.Rows = int.Parse(Next()); break;
                case "--cols": a.Cols = int.Parse(Next()); break;
                case "--labels": a.Labels = Next(); break;
                case "--k": a.K = int.Parse(Next()); break;
                case "--n-init": a.NInit = int.Parse(Next()); break;
                case "--seed": a.Seed = int.Parse(Next()); break;
                case "--components": a.Components = int.Parse(Next()); break;
                case "--threads": a.Threads = int.Parse(Next()); break;
                case "--min-k": a.MinK = int.Parse(Next()); break;
                case "--max-k": a.MaxK = int.Parse(Next()); break;
                case "--gap-references": a.GapReferences = int.Parse(Next()); break;
                case "--gap-restarts": a.GapRestarts = int.Parse(Next()); break;
                case "kmeans" or "silhouette" or "pca" or "ksweep": a.Tasks.Add(args[i]); break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (a.Tasks.Count == 0 || a.F32 is null || a.Rows <= 0 || a.Cols <= 0)
        {
            throw new ArgumentException("usage: kmeans|silhouette|pca|ksweep --f32 FILE --rows N --cols D [--labels FILE] [--k K --n-init N --seed S --components C --threads T] [--min-k A --max-k B --gap-references R --gap-restarts S]");
        }

        return a;
    }

    public float[] LoadMatrix()
    {
        byte[] bytes = File.ReadAllBytes(F32!);
        if (bytes.Length != (long)Rows * Cols * sizeof(float))
        {
            throw new ArgumentException($"{F32} has {bytes.Length} bytes; {Rows} × {Cols} float32 needs {(long)Rows * Cols * 4}");
        }

        var x = new float[Rows * Cols];
        Buffer.BlockCopy(bytes, 0, x, 0, bytes.Length);
        return x;
    }

    public int[]? LoadLabels()
    {
        if (Labels is null)
        {
            return null;
        }

        byte[] bytes = File.ReadAllBytes(Labels);
        var l = new int[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, l, 0, l.Length * 4);
        return l;
    }
}
