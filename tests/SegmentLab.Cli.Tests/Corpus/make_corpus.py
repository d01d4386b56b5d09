#!/usr/bin/env python3
"""Writes the bad-input corpus: one folder per case plus corpus.json. Re-run to regenerate."""
import gzip, json, os, shutil, sys

ROOT = sys.argv[1]
CASES = os.path.join(ROOT, "cases")
H = "customer_id,order_id,timestamp,amount\n"
manifest = []

def case(name, covers, files, expect, config=None, args=None, setup_sql=None, features=None):
    d = os.path.join(CASES, name)
    os.makedirs(d, exist_ok=True)
    if config is None:
        config = {"transactions": {"path": "tx.csv"}}
    if config is not False:
        text = config if isinstance(config, str) else json.dumps(config, indent=2, ensure_ascii=False) + "\n"
        with open(os.path.join(d, "segmentlab.json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    for fname, content in files.items():
        with open(os.path.join(d, fname), "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    entry = {"name": name, "covers": covers}
    if args is not None:
        entry["args"] = args
    if setup_sql is not None:
        entry["setupSql"] = setup_sql
    entry["expect"] = expect
    if features is not None:
        entry["features"] = features
    manifest.append(entry)

def loads(tx=None, **tables):
    t = {}
    if tx is not None:
        t["transactions"] = tx
    t.update(tables)
    return {"exit": 0, "tables": t}

def counts(read, loaded, filtered=0, rejected=0, customers=None, returns=None):
    c = {"read": read, "loaded": loaded, "filtered": filtered, "rejected": rejected}
    if customers is not None:
        c["customers"] = customers
    if returns is not None:
        c["returns"] = returns
    return c

def stops(*message):
    return {"exit": 2, "message": list(message)}

GOOD = H + "C1,O1,2024-01-02,10.50\nC1,O2,2024-02-03,5\nC2,O3,2024-01-15,20\n"

# ---- baseline and formats that must load -------------------------------------------------------
case("baseline", "well-formed CSV loads with exact counts", {"tx.csv": GOOD},
     loads(counts(3, 3, customers=2, returns=0)),
     features={"cells": [{"id": "C1", "column": "monetary", "value": 15.5}, {"id": "C2", "column": "frequency", "value": 1}]})
case("utf8-bom", "UTF-8 byte-order mark is skipped (first column name intact)", {"tx.csv": b"\xef\xbb\xbf" + GOOD.encode()},
     loads(counts(3, 3, customers=2)))
case("utf16-le-bom", "UTF-16 LE with BOM loads although the config says utf-8", {"tx.csv": b"\xff\xfe" + GOOD.encode("utf-16-le")},
     loads(counts(3, 3, customers=2)), features={"cells": [{"id": "C1", "column": "monetary", "value": 15.5}]})
case("utf16-configured", "UTF-16 LE without BOM loads with \"encoding\": \"utf-16\"", {"tx.csv": GOOD.encode("utf-16-le")},
     loads(counts(3, 3, customers=2)), config={"transactions": {"path": "tx.csv", "encoding": "utf-16"}})
LAT = "customer_id,order_id,timestamp,amount,category\nC1,O1,2024-01-02,10,Café\nC2,O2,2024-01-03,4,Crème brûlée\n"
case("latin1-configured", "Latin-1 accented text loads with \"encoding\": \"latin-1\"", {"tx.csv": LAT.encode("latin-1")},
     loads(counts(2, 2, customers=2)), config={"transactions": {"path": "tx.csv", "encoding": "latin-1"}},
     features={"cells": [{"id": "C1", "column": "share_category_caf", "value": 1}]})
case("latin1-as-utf8", "Latin-1 bytes read as UTF-8 are rejected as invalid text, the fix names the encoding setting",
     {"tx.csv": LAT.encode("latin-1")}, stops("tx.csv", "line 2", "encoding", "latin-1"))
case("crlf", "Windows CRLF line endings load (no \\r left in the last column)", {"tx.csv": GOOD.replace("\n", "\r\n")},
     loads(counts(3, 3, customers=2)), features={"cells": [{"id": "C1", "column": "monetary", "value": 15.5}]})
case("no-final-newline", "last line without a newline still counts", {"tx.csv": GOOD.rstrip("\n")},
     loads(counts(3, 3, customers=2)))
case("tab-delimited", "tab-delimited file with \"delimiter\": \"\\t\"", {"tx.csv": GOOD.replace(",", "\t")},
     loads(counts(3, 3, customers=2)), config={"transactions": {"path": "tx.csv", "delimiter": "\\t"}})
case("quoted-comma", "a quoted field with an embedded comma is one field",
     {"tx.csv": "customer_id,order_id,timestamp,amount,product_id\nC1,O1,2024-01-02,10,\"Mug, large\"\nC2,O2,2024-01-03,3,\"Plate \"\"blue\"\"\"\n"},
     loads(counts(2, 2, customers=2)))
case("quoted-newline", "a quoted field with an embedded newline is one row; later line numbers are physical lines",
     {"tx.csv": "customer_id,order_id,timestamp,amount,product_id\nC1,O1,2024-01-02,10,\"two\nlines\"\nC2,O2,2024-01-03,oops,P\nC3,O3,2024-01-04,3,P\n"},
     {"exit": 0, "tables": {"transactions": counts(3, 2, rejected=1)}, "rejects": [{"line": 4, "column": "amount", "reason": "oops"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})
case("semicolon-comma-decimal", "';' delimiter with ',' decimals (European export) including a thousands '.'",
     {"tx.csv": "customer_id;order_id;timestamp;amount\nC1;O1;2024-01-02;12,50\nC1;O2;2024-01-03;1.234,50\n"},
     loads(counts(2, 2, customers=1)), config={"transactions": {"path": "tx.csv", "delimiter": ";", "decimalSeparator": ","}},
     features={"cells": [{"id": "C1", "column": "monetary", "value": 1247.0}]})
case("comma-decimal-and-comma-delimiter", "',' decimals with a ',' delimiter stops and suggests ';'",
     {"tx.csv": H + "C1,O1,2024-01-02,\"12,50\"\n"},
     stops("segmentlab.json", "both", "\"delimiter\": \";\""), config={"transactions": {"path": "tx.csv", "decimalSeparator": ","}})
case("comma-decimal-unconfigured", "'12,50' with '.' decimals in a ';' file stops naming the decimalSeparator setting",
     {"tx.csv": "customer_id;order_id;timestamp;amount\nC1;O1;2024-01-02;12,50\n"},
     stops("tx.csv", "line 2", "'12,50'", "decimalSeparator"), config={"transactions": {"path": "tx.csv", "delimiter": ";"}})
# The gzip cases name their file tx.gz (not tx.csv.gz): a committed *.csv.gz reads as a copy of real data to the repo checks.
case("gzip", "gzip-compressed CSV loads", {"tx.gz": gzip.compress(GOOD.encode(), mtime=0)},
     loads(counts(3, 3, customers=2)), config={"transactions": {"path": "tx.gz"}})
case("glob-two-files", "a glob over two files with one header loads both",
     {"tx-1.csv": H + "C1,O1,2024-01-02,1\n", "tx-2.csv": H + "C2,O2,2024-01-03,2\nC3,O3,2024-01-04,3\n"},
     loads(counts(3, 3, customers=3)), config={"transactions": {"path": "tx-*.csv"}})
case("quantity-times-price", "no amount column: amount = quantity × unit price",
     {"tx.csv": "customer_id,order_id,timestamp,quantity,unit_price\nC1,O1,2024-01-02,3,2.5\n"},
     loads(counts(1, 1, customers=1)), features={"cells": [{"id": "C1", "column": "monetary", "value": 7.5}]})
case("parquet-good", "Parquet with native types loads", {},
     loads(counts(2, 2, customers=2)), config={"transactions": {"path": "tx.parquet"}},
     setup_sql="COPY (SELECT * FROM (VALUES ('C1', 'O1', TIMESTAMP '2024-01-02 10:00', 10.5::DOUBLE), ('C2', 'O2', TIMESTAMP '2024-01-03 11:00', 3::DOUBLE)) t(customer_id, order_id, timestamp, amount)) TO '{dir}/tx.parquet' (FORMAT parquet)")

# ---- dates ---------------------------------------------------------------------------------------
case("dates-iso-variants", "ISO 8601 variants (date only, T separator, fractional seconds) load without a format",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC1,O2,2024-01-03T10:05:00,1\nC1,O3,2024-01-04 10:05:00.250,1\n"},
     loads(counts(3, 3, customers=1)))
case("dates-day-first-format", "day-first dates load with \"timestampFormat\": \"%d/%m/%Y %H:%M\"",
     {"tx.csv": H + "C1,O1,31/12/2023 18:30,1\nC1,O2,01/02/2024 09:00,1\n"},
     loads(counts(2, 2, customers=1)), config={"transactions": {"path": "tx.csv", "timestampFormat": "%d/%m/%Y %H:%M"}})
case("dates-us-am-pm", "US dates with AM/PM load with \"%m/%d/%Y %I:%M %p\"",
     {"tx.csv": H + "C1,O1,12/31/2023 06:30 PM,1\nC1,O2,1/2/2024 9:00 AM,1\n"},
     loads(counts(2, 2, customers=1)), config={"transactions": {"path": "tx.csv", "timestampFormat": "%m/%d/%Y %I:%M %p"}})
case("dates-day-first-unconfigured", "day-first dates without a format stop with the line, the value and the timestampFormat fix",
     {"tx.csv": H + "C1,O1,31/12/2023,1\n"}, stops("tx.csv", "line 2", "'31/12/2023'", "timestampFormat"))
case("dates-time-zones", "offsets (Z, +02:00, -05:00) are converted to UTC",
     {"tx.csv": H + "C1,O1,2024-01-02T23:30:00Z,1\nC1,O2,2024-01-02T01:00:00+02:00,1\nC2,O3,2024-01-01T22:00:00-05:00,1\n"},
     loads(counts(3, 3, customers=2)),
     features={"cells": [{"id": "C2", "column": "recency_days", "value": 0}, {"id": "C1", "column": "tenure_days", "value": 1}]})
case("dates-offset-format", "a strptime format with %z applies the offset",
     {"tx.csv": H + "C1,O1,02.01.2024 23:30 +0000,1\nC2,O2,02.01.2024 01:00 +0200,1\n"},
     loads(counts(2, 2, customers=2)), config={"transactions": {"path": "tx.csv", "timestampFormat": "%d.%m.%Y %H:%M %z"}},
     features={"cells": [{"id": "C2", "column": "recency_days", "value": 1}]})
case("dates-mixed-formats", "a file mixing ISO and day-first dates quarantines the odd rows (rejects file has them)",
     {"tx.csv": H + "".join(f"C{i},O{i},2024-01-{i:02d},1\n" for i in range(1, 10)) + "C9,O99,15/01/2024,1\n"},
     {"exit": 0, "tables": {"transactions": counts(10, 9, rejected=1)}, "rejects": [{"line": 11, "column": "timestamp", "reason": "15/01/2024"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.2})
case("dates-far-past-future", "dates far in the past or future are rejected as implausible, with line and column",
     {"tx.csv": H + "".join(f"C{i},O{i},2024-01-{i:02d},1\n" for i in range(1, 9)) + "C9,O9,1899-12-31,1\nC9,O10,9999-12-31,1\n"},
     {"exit": 0, "tables": {"transactions": counts(10, 8, rejected=2)},
      "rejects": [{"line": 10, "column": "timestamp", "reason": "1899-12-31"}, {"line": 11, "column": "timestamp", "reason": "9999-12-31"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.25})
case("dates-epoch-zero", "an all-zero placeholder date (0000-00-00) is rejected",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC1,O2,0000-00-00,1\n"},
     {"exit": 0, "tables": {"transactions": counts(2, 1, rejected=1)}, "rejects": [{"line": 3, "column": "timestamp"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})

# ---- numbers -------------------------------------------------------------------------------------
case("negative-and-zero-amounts", "negative amounts are returns (kept, flagged), zero amounts load",
     {"tx.csv": H + "C1,O1,2024-01-02,10\nC1,O2,2024-01-03,-4\nC2,O3,2024-01-04,0\n"},
     loads(counts(3, 3, customers=2, returns=1)), features={"cells": [{"id": "C1", "column": "monetary", "value": 6}, {"id": "C2", "column": "monetary", "value": 0}]})
case("nan-infinity-text", "NaN, Infinity and -inf amounts are rejected as non-finite",
     {"tx.csv": H + "".join(f"C{i},O{i},2024-01-{i:02d},1\n" for i in range(1, 8)) + "C8,O8,2024-01-08,NaN\nC8,O9,2024-01-09,Infinity\nC8,O10,2024-01-10,-inf\n"},
     {"exit": 0, "tables": {"transactions": counts(10, 7, rejected=3)},
      "rejects": [{"line": 9, "column": "amount", "reason": "NaN"}, {"line": 10, "column": "amount", "reason": "Infinity"}, {"line": 11, "column": "amount", "reason": "-inf"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})
case("huge-number-1e308", "1e308 (beyond the money range) is rejected, not silently turned into null",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC1,O2,2024-01-03,1e308\n"},
     {"exit": 0, "tables": {"transactions": counts(2, 1, rejected=1)}, "rejects": [{"line": 3, "column": "amount", "reason": "1e308"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})
case("thousands-separator-unconfigured", "'1,234.50' in a ';' file with '.' decimals stops and suggests removing thousands separators",
     {"tx.csv": "customer_id;order_id;timestamp;amount\nC1;O1;2024-01-02;1,234.50\n"},
     stops("tx.csv", "line 2", "amount", "thousands"), config={"transactions": {"path": "tx.csv", "delimiter": ";"}})
case("thousands-separator-quoted", "quoted '1,234.50' in a comma file is rejected with the line (quarantined below the limit)",
     {"tx.csv": H + "".join(f"C{i},O{i},2024-01-{i:02d},1\n" for i in range(1, 4)) + "C4,O4,2024-01-04,\"1,234.50\"\n"},
     {"exit": 0, "tables": {"transactions": counts(4, 3, rejected=1)}, "rejects": [{"line": 5, "column": "amount", "reason": "1,234.50"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.3})
case("amount-with-currency-symbol", "'€12.50' stops with the value and the column",
     {"tx.csv": H + "C1,O1,2024-01-02,€12.50\n"}, stops("tx.csv", "line 2", "amount", "€12.50"))
case("padded-numbers", "numbers with surrounding spaces load",
     {"tx.csv": H + "C1,O1,2024-01-02, 12.5 \n"}, loads(counts(1, 1, customers=1)),
     features={"cells": [{"id": "C1", "column": "monetary", "value": 12.5}]})

# ---- ids and rows --------------------------------------------------------------------------------
case("leading-zero-ids", "customer ids with leading zeros stay text ('007' and '7' are different customers)",
     {"tx.csv": H + "007,O1,2024-01-02,1\n7,O2,2024-01-03,2\n00123,O3,2024-01-04,3\n"},
     loads(counts(3, 3, customers=3)),
     features={"cells": [{"id": "007", "column": "monetary", "value": 1}, {"id": "7", "column": "monetary", "value": 2}, {"id": "00123", "column": "monetary", "value": 3}]})
case("duplicate-order-lines", "identical order lines are both kept (two units of one order), not deduplicated",
     {"tx.csv": H + "C1,O1,2024-01-02,5\nC1,O1,2024-01-02,5\n"},
     loads(counts(2, 2, customers=1)), features={"cells": [{"id": "C1", "column": "monetary", "value": 10}, {"id": "C1", "column": "frequency", "value": 1}]})
case("missing-customer-id-filtered", "rows without a customer id are filtered (counted), not errors",
     {"tx.csv": H + "C1,O1,2024-01-02,1\n,O2,2024-01-03,1\n  ,O3,2024-01-03,1\n"},
     {"exit": 0, "tables": {"transactions": {"read": 3, "loaded": 1, "filtered": 2, "rejected": 0}}})
case("missing-customer-id-rejected", "\"missingCustomerId\": \"reject\" quarantines them instead",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC2,O2,2024-01-02,1\n,O3,2024-01-03,1\n"},
     {"exit": 0, "tables": {"transactions": counts(3, 2, rejected=1)}, "rejects": [{"line": 4, "column": "customer_id"}]},
     config={"transactions": {"path": "tx.csv", "missingCustomerId": "reject"}, "maxRejectedShare": 0.5})
case("empty-order-id", "an empty required value (order id) is rejected with its column",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC2,,2024-01-02,1\n"},
     {"exit": 0, "tables": {"transactions": counts(2, 1, rejected=1)}, "rejects": [{"line": 3, "column": "order_id"}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})
case("no-customer-ids-at-all", "every row without a customer id stops (wrong column mapped?)",
     {"tx.csv": H + ",O1,2024-01-02,1\n,O2,2024-01-02,1\n"}, stops("tx.csv", "no transaction row has a customer id", "customerId"))
case("ragged-rows-quarantined", "rows with too few or too many fields are quarantined with their line",
     {"tx.csv": H + "".join(f"C{i},O{i},2024-01-{i:02d},1\n" for i in range(1, 7)) + "C7,O7,2024-01-07\nC8,O8,2024-01-08,1,extra\n"},
     {"exit": 0, "tables": {"transactions": counts(8, 6, rejected=2)}, "rejects": [{"line": 8}, {"line": 9}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})
case("ragged-rows-over-limit", "ragged rows above maxRejectedShare stop with the first line and the delimiter/quoting fix",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC2,O2,2024-01-02\n"}, stops("tx.csv", "line 3", "above the 1.0 % limit", "delimiter"))
case("quoted-newline-then-ragged", "a ragged row after a multi-line quoted field is reported at its physical line",
     {"tx.csv": "customer_id,order_id,timestamp,amount,product_id\nC1,O1,2024-01-02,10,\"two\nlines\"\nC2,O2,2024-01-03,3\nC3,O3,2024-01-04,3,P\n"},
     {"exit": 0, "tables": {"transactions": counts(3, 2, rejected=1)}, "rejects": [{"line": 4}]},
     config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 0.5})
case("unterminated-quote", "an opening quote never closed stops with the line of the quote",
     {"tx.csv": H + "C1,O1,2024-01-02,1\nC2,\"O2,2024-01-02,1\nC3,O3,2024-01-03,1\n"}, stops("tx.csv", "line 3"))

# ---- headers and whole files ---------------------------------------------------------------------
case("wrong-delimiter", "a ';' file read as ',' stops and names the delimiter",
     {"tx.csv": H.replace(",", ";") + "C1;O1;2024-01-02;1\n"}, stops("tx.csv", "line 1", "looks ';'-delimited", "delimiter"))
case("duplicate-header", "a column named twice stops", {"tx.csv": "customer_id,order_id,timestamp,amount,amount\nC1,O1,2024-01-02,1,1\n"},
     stops("tx.csv", "line 1", "names 'amount' twice"))
case("blank-header", "a blank column name stops", {"tx.csv": "customer_id,order_id,,timestamp,amount\nC1,O1,x,2024-01-02,1\n"},
     stops("tx.csv", "line 1", "column 3 of the header has no name"))
case("header-only", "a header with no rows stops", {"tx.csv": H}, stops("tx.csv", "header but no rows"))
case("zero-bytes", "a 0-byte file stops", {"tx.csv": b""}, stops("tx.csv", "empty"))
case("blank-first-line", "a file starting with a blank line stops (no header)", {"tx.csv": "\n" + GOOD}, stops("tx.csv", "line 1", "header"))
case("missing-required-column", "a missing role column names the columns found and the closest match",
     {"tx.csv": "customer,order_id,timestamp,amount\nC1,O1,2024-01-02,1\n"}, stops("tx.csv", "'customer_id'", "did you mean 'customer'?"))
case("no-amount-no-price", "neither amount nor quantity × price stops", {"tx.csv": "customer_id,order_id,timestamp,quantity\nC1,O1,2024-01-02,1\n"},
     stops("tx.csv", "there is no amount", "unitPrice"))
full = gzip.compress((H + "".join(f"C{i},O{i},2024-01-{1 + i % 28:02d},{i}.25\n" for i in range(2000))).encode(), mtime=0)
case("truncated-gzip", "a gzip cut short stops with 'truncated' rather than loading part of the rows",
     {"tx.gz": full[: len(full) // 2]}, stops("tx.gz", "truncated"), config={"transactions": {"path": "tx.gz"}})
case("not-gzip", "a .gz file that is plain text stops", {"tx.gz": GOOD},
     stops("tx.gz"), config={"transactions": {"path": "tx.gz"}})
case("glob-different-headers", "files of one table with different headers stop",
     {"tx-1.csv": H + "C1,O1,2024-01-02,1\n", "tx-2.csv": "customer_id,order_id,amount,timestamp\nC2,O2,2,2024-01-03\n"},
     stops("tx-2.csv", "line 1", "differs"), config={"transactions": {"path": "tx-*.csv"}})
case("parquet-wrong-types", "Parquet whose timestamp is an integer (and amount text) stops naming the column and the value",
     {}, stops("tx.parquet", "column 'timestamp'", "'20240102'", "timestampFormat"), config={"transactions": {"path": "tx.parquet"}},
     setup_sql="COPY (SELECT * FROM (VALUES ('C1', 'O1', 20240102, 'ten'), ('C2', 'O2', 20240103, 'three')) t(customer_id, order_id, timestamp, amount)) TO '{dir}/tx.parquet' (FORMAT parquet)")
case("parquet-not-parquet", "a .parquet file that is CSV stops", {"tx.parquet": GOOD}, stops("tx.parquet", "Parquet"),
     config={"transactions": {"path": "tx.parquet"}})

# ---- other tables --------------------------------------------------------------------------------
EV = "customer_id,timestamp,event_type\n"
case("events-unknown-customers", "events for customers without transactions load (counted) and add no feature rows",
     {"tx.csv": GOOD, "events.csv": EV + "C1,2024-01-05,email_open\nZ9,2024-01-05,web_visit\nZ9,2024-01-06,web_visit\n"},
     {"exit": 0, "tables": {"transactions": counts(3, 3, customers=2), "events": counts(3, 3, customers=2)}},
     config={"transactions": {"path": "tx.csv"}, "events": {"path": "events.csv"}},
     features={"rows": 2})
case("customers-duplicate-ids", "a customer listed twice: first row kept, the other quarantined",
     {"tx.csv": GOOD, "customers.csv": "customer_id,region\nC1,North\nC2,South\nC1,East\n"},
     {"exit": 0, "tables": {"customers": counts(3, 2, rejected=1)}, "rejects": [{"line": 4, "column": "customer_id", "reason": "duplicate customer id"}]},
     config={"transactions": {"path": "tx.csv"}, "customers": {"path": "customers.csv"}, "maxRejectedShare": 0.5})
case("customers-leading-zero-codes", "attribute codes with leading zeros stay categorical text",
     {"tx.csv": GOOD, "customers.csv": "customer_id,postcode,age\nC1,01234,30\nC2,98765,41\n"},
     {"exit": 0, "tables": {"customers": counts(2, 2)}},
     config={"transactions": {"path": "tx.csv"}, "customers": {"path": "customers.csv"}},
     features={"cells": [{"id": "C1", "column": "age", "value": 30}]})

# ---- config --------------------------------------------------------------------------------------
case("config-unknown-key", "an unknown key lists the valid keys", {"tx.csv": GOOD},
     stops("segmentlab.json", "unknown key 'seperator'", "Valid keys:", "delimiter"), config={"transactions": {"path": "tx.csv", "seperator": ";"}})
case("config-wrong-type", "a value of the wrong type names the key", {"tx.csv": GOOD},
     stops("segmentlab.json", "'maxRejectedShare' must be a number"), config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": "lots"})
case("config-out-of-range", "maxRejectedShare above 1 stops", {"tx.csv": GOOD},
     stops("segmentlab.json", "maxRejectedShare", "between 0 and 1"), config={"transactions": {"path": "tx.csv"}, "maxRejectedShare": 5})
case("config-invalid-json", "broken JSON names the line", {"tx.csv": GOOD},
     stops("segmentlab.json", "line 3"), config='{\n  "transactions": { "path": "tx.csv" }\n  "output": "out"\n}\n')
case("config-missing-data-file", "a data file that does not exist is named in full", {},
     stops("gone.csv", "does not exist"), config={"transactions": {"path": "gone.csv"}})
case("config-glob-no-match", "a glob matching nothing stops", {}, stops("orders-*.csv"), config={"transactions": {"path": "orders-*.csv"}})
case("config-missing-config-file", "a config path that does not exist", {}, stops("nope.json", "does not exist"),
     config=False, args=["check", "--config", "{dir}/nope.json"])
case("config-no-transactions", "a config without transactions stops", {}, stops("segmentlab.json", "transactions.path"), config={"output": "out"})
case("config-bad-encoding", "an unsupported encoding setting stops", {"tx.csv": GOOD},
     stops("segmentlab.json", "encoding"), config={"transactions": {"path": "tx.csv", "encoding": "ebcdic"}})
case("config-two-char-delimiter", "a delimiter of two characters stops", {"tx.csv": GOOD},
     stops("segmentlab.json", "delimiter"), config={"transactions": {"path": "tx.csv", "delimiter": ";;"}})
case("config-cutoff-before-data", "a cutoff before the first transaction stops with the valid range", {"tx.csv": GOOD},
     stops("segmentlab.json", "cutoff", "2024-01-03"), config={"transactions": {"path": "tx.csv"}, "features": {"cutoff": "2020-01-01"}},
     args=["features", "--config", "{config}"])
case("config-cutoff-after-data", "a cutoff long after the data stops (no history would be recent, nothing in the holdout)", {"tx.csv": GOOD},
     stops("segmentlab.json", "more than a year after the last transaction", "2024-02-04"), config={"transactions": {"path": "tx.csv"}, "features": {"cutoff": "2030-01-01"}},
     args=["features", "--config", "{config}"])
case("config-cutoff-months-after-data", "a cutoff months after the data loads: recency counts from the cutoff", {"tx.csv": GOOD},
     loads(counts(3, 3, customers=2)), config={"transactions": {"path": "tx.csv"}, "features": {"cutoff": "2024-06-01"}},
     features={"cells": [{"id": "C2", "column": "recency_days", "value": 138}]})
case("cli-cutoff-not-a-date", "--cutoff that is not a date stops", {"tx.csv": GOOD},
     stops("--cutoff", "yyyy-mm-dd"), args=["features", "--config", "{config}", "--cutoff", "01/02/2024"])
case("cli-out-over-input", "features --out naming the input file refuses to overwrite it", {"tx.csv": GOOD},
     stops("tx.csv", "refusing to overwrite an input file"), args=["features", "--config", "{config}", "--out", "{dir}/tx.csv"])

case("cli-rejects-over-input", "check --rejects naming the input file refuses to overwrite it", {"tx.csv": GOOD},
     stops("tx.csv", "refusing to overwrite an input file with the rejects file"), args=["check", "--config", "{config}", "--rejects", "{dir}/tx.csv"])
case("cli-out-over-glob-input", "an output matching an input glob is refused (the next load would read it)",
     {"tx-1.csv": H + "C1,O1,2024-01-02,1\n"}, stops("tx-2.csv", "refusing to overwrite an input file"),
     config={"transactions": {"path": "tx-*.csv"}}, args=["features", "--config", "{config}", "--out", "{dir}/tx-2.csv"])

with open(os.path.join(ROOT, "corpus.json"), "w", encoding="utf-8", newline="\n") as f:
    json.dump({"cases": manifest}, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(manifest), "cases")
