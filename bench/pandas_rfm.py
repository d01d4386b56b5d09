#!/usr/bin/python3
"""pandas' RFM on the Online Retail II sheet: the anchor for `segmentlab features` (bench/features.sh).

Only the three RFM columns, with the dataset README's definition: lines with a customer, not cancelled, Quantity > 0
and Price > 0; recency to 2010-12-10, frequency = distinct invoices, monetary = sum of Quantity x Price.
Prints one JSON line: seconds inside the process for read_csv + groupby (imports excluded), and the sums to check.
"""
import json, sys, time

import pandas as pd

path = sys.argv[1]
t = time.perf_counter()
df = pd.read_csv(path, dtype={"Invoice": str, "StockCode": str, "Customer ID": str}, parse_dates=["InvoiceDate"])
d = df[df["Customer ID"].notna() & ~df["Invoice"].str.startswith("C") & (df["Quantity"] > 0) & (df["Price"] > 0)].copy()
d["amount"] = d["Quantity"] * d["Price"]
ref = pd.Timestamp("2010-12-10")
rfm = d.groupby("Customer ID").agg(last=("InvoiceDate", "max"), frequency=("Invoice", "nunique"), monetary=("amount", "sum"))
rfm["recency"] = (ref - rfm["last"]).dt.days
seconds = time.perf_counter() - t
print(json.dumps({"tool": "pandas", "pandas": pd.__version__, "seconds": seconds, "customers": int(len(rfm)),
                  "frequency_sum": int(rfm["frequency"].sum()), "monetary_sum": round(float(rfm["monetary"].sum()), 2)}))
