using System.Text;

namespace SegmentLab.Synthetic;

/// <summary>
/// Simulates one customer's life — signup, orders, returns, emails, visits, app sessions, content funnel — and appends
/// their rows to the output buffers. Times are seconds since the start of the window.
/// </summary>
internal sealed class CustomerSimulator
{
    private const long Day = 86_400;
    private const long Month = 30 * Day;
    private readonly ProductCatalog _catalog;
    private readonly long _seed;
    private readonly long _window;
    private readonly string[] _days;
    private readonly double[] _personaWeights;

    public CustomerSimulator(GeneratorOptions options, ProductCatalog catalog)
    {
        _catalog = catalog;
        _seed = options.Seed;
        int days = options.End.DayNumber - options.Start.DayNumber + 1;
        _window = days * Day;
        _days = Enumerable.Range(0, days).Select(d => options.Start.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _personaWeights = PersonaProfile.All.Select(p => options.PersonaWeights is null ? p.Weight : options.PersonaWeights.GetValueOrDefault(p.Persona)).ToArray();
    }

    /// <summary>Buffers for one chunk of customers, one per output file, with row counts.</summary>
    public sealed class Buffers
    {
        public StringBuilder Transactions { get; } = new(1 << 16);

        public StringBuilder Events { get; } = new(1 << 16);

        public StringBuilder Customers { get; } = new(1 << 12);

        public StringBuilder Truth { get; } = new(1 << 12);

        public long TransactionRows { get; set; }

        public long EventRows { get; set; }
    }

    public void Simulate(int index, Buffers o)
    {
        var rng = new Rng((ulong)_seed, (ulong)index + 1);
        var profile = PersonaProfile.All[rng.Choose(_personaWeights)];
        string id = $"C{index + 1:D7}";

        long signup = profile.Persona switch
        {
            Persona.NewOnboarding => _window - (long)((15 + rng.NextDouble() * 105) * Day),
            Persona.Lapsed => (long)(rng.NextDouble() * 0.3 * _window),
            _ => (long)(rng.NextDouble() * Math.Max(Day, _window - (150 * Day))),
        };
        // Lapsed customers stop buying (and mostly stop visiting) at least a year before the end of the window.
        long activeEnd = profile.Persona == Persona.Lapsed
            ? Math.Min(signup + (long)((60 + rng.NextDouble() * 240) * Day), Math.Max(signup + (30 * Day), _window - (365 * Day)))
            : _window;
        bool prospect = rng.Chance(profile.ProspectChance);

        if (!prospect)
        {
            Orders(ref rng, profile, id, index, signup, activeEnd, o);
        }

        Emails(ref rng, profile, id, signup, o);
        Sessions(ref rng, profile, id, signup, activeEnd, o);
        Funnel(ref rng, profile, id, signup, o);

        bool business = profile.Persona == Persona.BulkB2B;
        int age = Math.Clamp((int)Math.Round(profile.AgeMean + (9 * rng.Normal())), 18, 90);
        string gender = rng.NextDouble() switch { < 0.49 => "F", < 0.97 => "M", _ => "X" };
        string region = PersonaProfile.Regions[rng.Choose(business ? [1, 1, 1, 1, 4] : [2, 2, 2, 2, 1])];
        o.Customers.Append(id).Append(',').Append(_days[signup / Day]).Append(',').Append(region).Append(',').Append(gender).Append(',')
            .Append(age).Append(',').Append(business ? "business" : "consumer").Append(',').Append(rng.Chance(profile.LoyaltyChance) ? '1' : '0').Append('\n');
        o.Truth.Append(id).Append(',').Append(profile.Persona).Append('\n');
    }

    private void Orders(ref Rng rng, PersonaProfile p, string id, int index, long signup, long activeEnd, Buffers o)
    {
        long meanGap = (long)(Month / p.OrdersPerMonth);
        // New customers usually order within days of signing up; others at their usual pace.
        long t = signup + (p.Persona == Persona.NewOnboarding ? (long)rng.Exponential(4 * Day) : (long)rng.Exponential(meanGap));
        int order = 0;
        Span<double> channelWeights = p.ChannelWeights;
        while (t < activeEnd)
        {
            order++;
            string channel = PersonaProfile.Channels[rng.Choose(channelWeights)];
            int lines = 1 + rng.Poisson(p.LinesPerOrder - 1);
            int returnLine = rng.Chance(p.ReturnChance) ? rng.Next(lines) : -1;
            for (int l = 0; l < lines; l++)
            {
                int c = rng.Choose(p.CategoryWeights);
                int prod = rng.Next(ProductCatalog.PerCategory);
                long list = _catalog.Prices[c, prod];
                long price = rng.Chance(p.DiscountShare) ? (long)Math.Round(list * (0.55 + (0.3 * rng.NextDouble())))
                    : rng.Chance(0.05) ? (long)Math.Round(list * 0.88) : list;
                int qty = 1 + rng.Poisson(p.ExtraUnits);
                Line(o, id, 'O', index, order, t, _catalog.Ids[c, prod], c, channel, qty, price);
                if (l == returnLine)
                {
                    long back = t + (long)((1 + rng.NextDouble() * 20) * Day);
                    if (back < _window)
                    {
                        Line(o, id, 'R', index, order, back, _catalog.Ids[c, prod], c, channel, -qty, price);
                    }
                }
            }

            t += Math.Max(Day / 4, (long)rng.Exponential(meanGap));
        }
    }

    private void Line(Buffers o, string id, char kind, int index, int order, long t, string product, int category, string channel, int qty, long priceCents)
    {
        var b = o.Transactions;
        b.Append(id).Append(',').Append(kind).Append(index + 1).Append('-').Append(order).Append(',');
        Time(b, t);
        b.Append(',').Append(product).Append(',').Append(PersonaProfile.Categories[category]).Append(',').Append(channel).Append(',').Append(qty).Append(',');
        Money(b, priceCents);
        b.Append(',');
        Money(b, qty * priceCents);
        b.Append('\n');
        o.TransactionRows++;
    }

    private void Emails(ref Rng rng, PersonaProfile p, string id, long signup, Buffers o)
    {
        if (!rng.Chance(0.9))
        {
            return;   // not subscribed
        }

        // A campaign about every five weeks; the campaign id says which week it was.
        for (long t = signup + (long)rng.Exponential(14 * Day); t < _window; t += (long)(28 * Day + rng.Exponential(7 * Day)))
        {
            string campaign = $"CMP{(t / (7 * Day)) + 1:D3}";
            Event(o, id, t, "email_sent", "", "email", campaign);
            if (!rng.Chance(p.OpenChance))
            {
                continue;
            }

            long open = t + (long)rng.Exponential(6 * 3600);
            string device = PersonaProfile.Devices[rng.Choose(p.DeviceWeights)];
            if (open < _window)
            {
                Event(o, id, open, "email_open", device, "email", campaign);
            }

            long click = open + (long)rng.Exponential(600);
            if (rng.Chance(p.ClickGivenOpen) && click < _window)
            {
                Event(o, id, click, "email_click", device, "email", campaign);
            }
        }
    }

    private void Sessions(ref Rng rng, PersonaProfile p, string id, long signup, long activeEnd, Buffers o)
    {
        foreach (var (kind, perMonth) in new[] { ("web_visit", p.WebPerMonth), ("app_session", p.AppPerMonth) })
        {
            if (perMonth <= 0)
            {
                continue;
            }

            for (long t = signup + (long)rng.Exponential(Month / perMonth); t < _window;)
            {
                string device = kind == "app_session" ? "app" : PersonaProfile.Devices[rng.Choose(p.DeviceWeights)];
                Event(o, id, t, kind, device, kind == "app_session" ? "app" : "web", "");
                // After they lapse, visits thin out to a tenth.
                double rate = t < activeEnd ? perMonth : perMonth / 10;
                t += Math.Max(3600, (long)rng.Exponential(Month / rate));
            }
        }
    }

    private void Funnel(ref Rng rng, PersonaProfile p, string id, long signup, Buffers o)
    {
        if (!rng.Chance(p.FunnelStart))
        {
            return;
        }

        long t = signup + (long)rng.Exponential(10 * Day);
        for (int step = 0; step < PersonaProfile.FunnelSteps.Length && t < _window; step++)
        {
            Event(o, id, t, PersonaProfile.FunnelSteps[step], PersonaProfile.Devices[rng.Choose(p.DeviceWeights)], "web", "");
            if (!rng.Chance(p.FunnelContinue))
            {
                break;
            }

            t += (long)(Day + rng.Exponential(7 * Day));
        }
    }

    private void Event(Buffers o, string id, long t, string type, string device, string channel, string campaign)
    {
        var b = o.Events;
        b.Append(id).Append(',');
        Time(b, t);
        b.Append(',').Append(type).Append(',').Append(channel).Append(',').Append(device).Append(',').Append(campaign).Append('\n');
        o.EventRows++;
    }

    private void Time(StringBuilder b, long t)
    {
        long s = t % Day;
        b.Append(_days[t / Day]).Append(' ');
        Two(b, s / 3600);
        b.Append(':');
        Two(b, s / 60 % 60);
        b.Append(':');
        Two(b, s % 60);
    }

    private static void Two(StringBuilder b, long v) => b.Append((char)('0' + (v / 10))).Append((char)('0' + (v % 10)));

    private static void Money(StringBuilder b, long cents)
    {
        if (cents < 0)
        {
            b.Append('-');
            cents = -cents;
        }

        b.Append(cents / 100).Append('.');
        Two(b, cents % 100);
    }
}
