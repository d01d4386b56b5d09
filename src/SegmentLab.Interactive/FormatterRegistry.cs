using SegmentLab.Interactive.Formatting;

namespace SegmentLab.Interactive;

/// <summary>
/// Turns values into <see cref="MimeBundle"/>s for display. A formatter is registered for a type and applies to that type
/// and everything deriving from it; when several match, the most derived wins: the nearest base class first, then the
/// most derived interface (the earliest registered among unrelated interfaces), then <see cref="object"/>. Registering a
/// type again replaces its formatter. Every bundle gets a <c>text/plain</c> (the value's <see cref="object.ToString"/>
/// when the formatter gave none). Thread-safe.
/// </summary>
public sealed class FormatterRegistry
{
    private readonly object _gate = new();
    private readonly List<(Type Type, Func<object, MimeBundle> Format)> _formatters = [];
    private int _maxRows = 20;

    /// <summary>The registry the kernel uses, with the built-in formatters: Plotly.NET charts, DataFrame, FeatureTable,
    /// FeatureMatrix, DataQualityReport, KSelectionResult, SegmentProfiles, ValidationReport, enumerables of records
    /// (tables), collections and plain objects.</summary>
    public static FormatterRegistry Default { get; } = CreateDefault();

    /// <summary>Rows shown by the table formatters before "… n more rows" (default 20, at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int MaxRows
    {
        get => _maxRows;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxRows = value;
        }
    }

    /// <summary>A new registry with the built-in formatters (what <see cref="Default"/> starts as).</summary>
    public static FormatterRegistry CreateDefault()
    {
        var registry = new FormatterRegistry();
        BuiltInFormatters.RegisterAll(registry);
        return registry;
    }

    /// <summary>Registers <paramref name="formatter"/> for <typeparamref name="T"/> and its subtypes.</summary>
    public void Register<T>(Func<T, MimeBundle> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register(typeof(T), value => formatter((T)value));
    }

    /// <summary>Registers <paramref name="formatter"/> for <paramref name="type"/> (a class or interface, not an open generic) and its subtypes.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is an open generic type.</exception>
    public void Register(Type type, Func<object, MimeBundle> formatter)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(formatter);
        if (type.ContainsGenericParameters)
        {
            throw new ArgumentException($"cannot register the open generic type {type.Name}; register a closed type or an interface such as IEnumerable.", nameof(type));
        }

        lock (_gate)
        {
            int existing = _formatters.FindIndex(f => f.Type == type);
            if (existing >= 0)
            {
                _formatters[existing] = (type, formatter);
            }
            else
            {
                _formatters.Add((type, formatter));
            }
        }
    }

    /// <summary>The registered type whose formatter applies to <paramref name="valueType"/>, or null if none does.</summary>
    public Type? FormatterTypeFor(Type valueType)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        lock (_gate)
        {
            return Select(valueType)?.Type;
        }
    }

    /// <summary>
    /// The bundle for <paramref name="value"/>: <c>null</c> gives <c>text/plain</c> "null"; a formatter that throws gives
    /// <c>text/plain</c> with the value's ToString and the failure.
    /// </summary>
    public MimeBundle Format(object? value)
    {
        if (value is null)
        {
            return MimeBundle.PlainText("null");
        }

        Func<object, MimeBundle>? format;
        lock (_gate)
        {
            format = Select(value.GetType())?.Format;
        }

        MimeBundle bundle;
        try
        {
            bundle = format?.Invoke(value) ?? MimeBundle.PlainText(PlainText.Describe(value));
        }
        catch (Exception e)
        {
            return MimeBundle.PlainText($"{SafeToString(value)}\n(display formatter failed: {e.GetType().Name}: {e.Message})");
        }

        if (!bundle.Has("text/plain"))
        {
            bundle.Add("text/plain", SafeToString(value));
        }

        return bundle;
    }

    private (Type Type, Func<object, MimeBundle> Format)? Select(Type valueType)
    {
        // Classes: the nearest base wins, object last.
        for (Type? t = valueType; t is not null && t != typeof(object); t = t.BaseType)
        {
            int i = _formatters.FindIndex(f => f.Type == t);
            if (i >= 0)
            {
                return _formatters[i];
            }
        }

        // Interfaces: drop any that a more derived matching interface extends; then registration order.
        var matches = _formatters.Where(f => f.Type.IsInterface && f.Type.IsAssignableFrom(valueType)).ToList();
        var best = matches.FirstOrDefault(m => !matches.Any(o => o.Type != m.Type && m.Type.IsAssignableFrom(o.Type)));
        if (best.Format is not null)
        {
            return best;
        }

        int obj = _formatters.FindIndex(f => f.Type == typeof(object));
        return obj >= 0 ? _formatters[obj] : null;
    }

    private static string SafeToString(object value)
    {
        try
        {
            return value.ToString() ?? "";
        }
        catch (Exception e)
        {
            return $"({value.GetType().Name}.ToString failed: {e.Message})";
        }
    }
}
