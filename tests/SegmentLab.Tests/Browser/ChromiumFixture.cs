using Microsoft.Playwright;

namespace SegmentLab.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>chromium</c> package at <c>/usr/bin/chromium</c> (or
/// <c>SEGMENTLAB_CHROMIUM</c>), driven by Microsoft.Playwright. Playwright never downloads a browser here; when the
/// executable is missing the tests fail with a message saying how to install it (CI installs it in <c>.ci/run</c>).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string Executable => Environment.GetEnvironmentVariable("SEGMENTLAB_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser was not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {Executable}. The report's browser tests need Debian's chromium package: " +
                "`sudo apt-get install chromium` (.ci/run installs it), or set SEGMENTLAB_CHROMIUM to another Chromium executable.");
        }

        // Keep Playwright from looking for (or fetching) its own browser builds.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // Containers and CI runners often lack the sandbox's kernel features and a big /dev/shm.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one Chromium and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "chromium";
}
