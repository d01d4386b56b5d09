namespace SegmentLab.Pipeline;

public static partial class StarterConfig
{
    private static readonly string[] TransactionRoles = ["customerId", "orderId", "timestamp", "amount", "quantity", "unitPrice", "product", "category", "channel"];

    private static readonly string[] EventRoles = ["customerId", "timestamp", "eventType", "channel", "device", "campaignId"];

    /// <summary>Names (lower case, letters and digits only) that signal each role, most specific first.</summary>
    private static readonly (string Role, bool Numeric, string[] Names)[] Patterns =
    [
        ("customerId", false, ["customerid", "custid", "customerno", "customernumber", "customer", "clientid", "client", "userid", "memberid", "accountid", "contactid", "shopperid", "buyerid"]),
        ("orderId", false, ["orderid", "invoice", "invoiceno", "invoiceid", "invoicenumber", "ordernumber", "orderno", "order", "transactionid", "transaction", "receiptid", "receipt", "basketid", "txnid"]),
        ("timestamp", false, ["timestamp", "invoicedate", "orderdate", "purchasedate", "transactiondate", "eventtime", "eventdate", "eventtimestamp", "datetime", "createdat", "occurredat", "date", "time", "ts"]),
        ("amount", true, ["amount", "lineamount", "linetotal", "totalamount", "netamount", "salesamount", "revenue", "sales", "total", "value", "linevalue"]),
        ("quantity", true, ["quantity", "qty", "units", "unitssold", "items"]),
        ("unitPrice", true, ["unitprice", "price", "itemprice", "priceeach", "unitcost"]),
        ("product", false, ["productid", "product", "stockcode", "sku", "itemid", "item", "articleid", "article"]),
        ("category", false, ["category", "productcategory", "categoryname", "department"]),
        ("channel", false, ["channel", "saleschannel", "source", "medium"]),
        ("eventType", false, ["eventtype", "eventname", "event", "action", "activity", "interaction", "type"]),
        ("device", false, ["device", "devicetype", "platform"]),
        ("campaignId", false, ["campaignid", "campaign", "campaigncode"]),
    ];

    /// <summary>The conventional column name of each role: when the file uses it, the config needs no mapping.</summary>
    private static readonly Dictionary<string, string> Conventional = new()
    {
        ["customerId"] = "customer_id", ["orderId"] = "order_id", ["timestamp"] = "timestamp", ["amount"] = "amount", ["quantity"] = "quantity",
        ["unitPrice"] = "unit_price", ["product"] = "product_id", ["category"] = "category", ["channel"] = "channel", ["eventType"] = "event_type",
        ["device"] = "device", ["campaignId"] = "campaign_id",
    };

    /// <summary>Guesses a column for each role from the names (exact pattern first, then a pattern the name contains) and types.</summary>
    private static Dictionary<string, string> Roles(IReadOnlyList<(string Name, string Type)> columns)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, string>();
        foreach (var (role, numeric, names) in Patterns)
        {
            var candidates = columns.Where(c => !taken.Contains(c.Name) && (!numeric || IsNumeric(c.Type))).ToArray();
            string? pick = null;
            // Exact names, in the pattern's order of preference.
            foreach (string n in names)
            {
                pick = candidates.FirstOrDefault(c => Normal(c.Name) == n).Name;
                if (pick is not null)
                {
                    break;
                }
            }

            if (role == "timestamp")
            {
                // A typed date or timestamp column beats a name guess that DuckDB could not read as a date.
                var typed = candidates.Where(c => IsTemporal(c.Type)).ToArray();
                if (pick is null || (!IsTemporal(columns.First(c => c.Name == pick).Type) && typed.Length > 0))
                {
                    pick = typed.FirstOrDefault(c => Normal(c.Name).Contains("date", StringComparison.Ordinal) || Normal(c.Name).Contains("time", StringComparison.Ordinal)).Name
                        ?? typed.FirstOrDefault().Name ?? pick;
                }
            }

            // Then names containing a pattern (e.g. "Customer ID (CRM)"), longest patterns first; short ones would match too much.
            pick ??= names.Where(n => n.Length >= 5)
                .Select(n => candidates.FirstOrDefault(c => Normal(c.Name).Contains(n, StringComparison.Ordinal)).Name)
                .FirstOrDefault(x => x is not null);
            if (pick is not null)
            {
                roles[role] = pick;
                taken.Add(pick);
            }
        }

        return roles;
    }

    private static string Normal(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool IsNumeric(string type) =>
        type.StartsWith("DECIMAL", StringComparison.OrdinalIgnoreCase) || type is "DOUBLE" or "FLOAT" or "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "HUGEINT" or "REAL"
        || type.StartsWith("UBIGINT", StringComparison.Ordinal) || type.StartsWith("UINTEGER", StringComparison.Ordinal);

    private static bool IsTemporal(string type) => type.StartsWith("TIMESTAMP", StringComparison.OrdinalIgnoreCase) || type == "DATE";
}
