#!/usr/bin/env python3
"""Names every skipped test of a run and why, from the TRX files `dotnet test --logger trx` wrote.

Usage: skipped-tests.py TRX_DIR [--must-run NAME ...]
Prints one line per skipped test, grouped by reason. Exits 1 when no TRX file is found, or when a
test whose full name contains a --must-run NAME was skipped (CI installs what those tests need,
so a skip there means the install did not work)."""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def skipped(trx_dir):
    """(test name, reason) for every test a TRX file under trx_dir reports as not executed."""
    files = sorted(glob.glob(os.path.join(trx_dir, "**", "*.trx"), recursive=True))
    if not files:
        sys.exit(f"skipped-tests.py: no .trx file under {trx_dir}")
    for path in files:
        for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "NotExecuted":
                continue
            message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
            reason = " ".join((message.text or "").split()) if message is not None else ""
            yield result.get("testName"), reason or "(no reason given)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("trx_dir")
    parser.add_argument("--must-run", action="append", default=[], metavar="NAME")
    args = parser.parse_args()

    by_reason = {}
    for name, reason in skipped(args.trx_dir):
        by_reason.setdefault(reason, []).append(name)
    total = sum(len(names) for names in by_reason.values())
    print(f"Skipped tests: {total}")
    for reason in sorted(by_reason):
        print(f"  because: {reason}")
        for name in sorted(by_reason[reason]):
            print(f"    {name}")

    must_have_run = [name for names in by_reason.values() for name in names
                     if any(required in name for required in args.must_run)]
    if must_have_run:
        print("These tests must run in CI but were skipped:", *sorted(must_have_run), sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
