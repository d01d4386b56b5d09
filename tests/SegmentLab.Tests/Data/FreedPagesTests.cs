using SegmentLab.Data;

namespace SegmentLab.Tests.Data;

/// <summary>The allocator tuning around big loads: set while a scope is open, restored after the last one closes.</summary>
/// <remarks>Alone in a non-parallel collection: loads in other tests open scopes of their own.</remarks>
[Collection(Name)]
public sealed class FreedPagesTests
{
    /// <summary>The collection that runs this class by itself.</summary>
    public const string Name = "allocator tuning";

    [Fact]
    public void Scopes_keep_freed_pages_and_the_last_one_restores_the_decay()
    {
        // DuckDB's Linux builds bundle jemalloc; if a future build drops it, the speed-up is gone and this says so.
        Assert.Equal(OperatingSystem.IsLinux(), FreedPages.Available);
        if (!FreedPages.Available)
        {
            using var none = FreedPages.Keep();
            Assert.Null(FreedPages.Arena0Decay);
            Assert.Null(FreedPages.NewArenaDecay);
            return;
        }

        long before = FreedPages.Arena0Decay!.Value, beforeNew = FreedPages.NewArenaDecay!.Value;
        Assert.NotEqual(-1, before);
        Assert.NotEqual(-1, beforeNew);
        var outer = FreedPages.Keep();
        using (FreedPages.Keep())
        {
            // Arenas that exist keep their pages, and so will those created inside the scope.
            Assert.Equal(-1, FreedPages.Arena0Decay);
            Assert.Equal(-1, FreedPages.NewArenaDecay);
        }

        Assert.Equal(-1, FreedPages.Arena0Decay);
        outer.Dispose();
        outer.Dispose();
        Assert.Equal(before, FreedPages.Arena0Decay);
        Assert.Equal(beforeNew, FreedPages.NewArenaDecay);
    }
}

/// <summary>Runs <see cref="FreedPagesTests"/> after the parallel tests, with nothing beside it.</summary>
[CollectionDefinition(FreedPagesTests.Name, DisableParallelization = true)]
public sealed class FreedPagesCollection
{
}
