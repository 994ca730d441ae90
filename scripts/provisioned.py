#!/usr/bin/env python3
"""The provisioned formula, written plainly in Python: the yardstick `kcost batch` is measured
against (scripts/perf), and a second implementation it must agree with on every row.

Reads a batch CSV (name, region, records, size-kb, consumers; records a plain number per second)
and writes, for each row, its shard count and monthly USD as the AWS Pricing Calculator's 2021
form computes them with its rounding: each step rounded half up to the decimals it shows
(the exact binary value, as kcost's `Fixed::round` does), RoundUp to whole shards and whole
25 KB payload units, money to cents.

    python3 scripts/provisioned.py ROWS.csv > python.csv
    python3 scripts/provisioned.py --check ROWS.csv KCOST_OUTPUT.csv   # agree on every row?
"""
import csv
import math
import sys
from decimal import ROUND_HALF_UP, Decimal

# USD per shard-hour and per PUT payload unit, as kcost's tables give them.
PRICES = {
    "us-east-1": (0.015, 0.000000014),
    "us-east-2": (0.015, 0.000000014),
    "eu-central-1": (0.018, 0.0000000175),
}
QUANTUM = {n: Decimal(1).scaleb(-n) for n in range(0, 13)}


def rounded(x, decimals):
    """x rounded half up at `decimals`, from its exact binary value."""
    return float(Decimal(x).quantize(QUANTUM[decimals], rounding=ROUND_HALF_UP))


def cents(x):
    return int(Decimal(x).quantize(QUANTUM[2], rounding=ROUND_HALF_UP).scaleb(2))


def provisioned(records, size_kb, consumers, region):
    shard_price, unit_price = PRICES[region]
    size_mb = rounded(size_kb / 1024, 8)
    ingress_rate = rounded(size_mb * records, 2)
    ingress = rounded(ingress_rate / 1, 2)
    egress_rate = rounded(ingress_rate * consumers, 2)
    egress = rounded(egress_rate / 2, 2)
    records_need = rounded(records / 1000, 3)
    largest = max(ingress, egress, records_need)
    shards = max(1, math.ceil(largest))
    shard_hours = rounded(shards * 730, 2)
    shard_cents = cents(shard_hours * shard_price)
    units = math.ceil(rounded(size_kb / 25, 2))
    units_month = rounded(units * records * 2628000, 2)
    unit_cents = cents(units_month * unit_price)
    return shards, shard_cents + unit_cents


def run(path):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            shards, usd = provisioned(
                float(row["records"]), float(row["size-kb"]),
                int(row["consumers"]), row["region"],
            )
            yield row["name"], shards, usd


def main(argv):
    if len(argv) == 2:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["name", "shards", "monthly_usd"])
        for name, shards, usd in run(argv[1]):
            out.writerow([name, shards, f"{usd // 100}.{usd % 100:02d}"])
        return 0
    if len(argv) == 4 and argv[1] == "--check":
        with open(argv[3], newline="") as f:
            kcost = {r["name"]: r for r in csv.DictReader(f) if r["row"].isdigit()}
        rows = differ = 0
        for name, shards, usd in run(argv[2]):
            rows += 1
            k = kcost.get(name)
            mine = (str(shards), f"{usd // 100}.{usd % 100:02d}")
            if k is None or (k["shards"], k["monthly_usd"]) != mine:
                differ += 1
                if differ <= 10:
                    print(f"{name}: kcost {k and (k['shards'], k['monthly_usd'])}, python {mine}")
        print(f"{rows} rows, {differ} differ")
        return 1 if differ else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
