#!/usr/bin/env python3
"""Whole-log leak scan: fails when any value the test suites saw appears in a test or build log.

The test suites append every value they generate or read back to ledger/*.tsv under FOLDER
(one "NAME<TAB>base64(value)" line each; see Core.Tests Hardening/Ledger/ValueLedger.cs and
IntegrationTests Infrastructure/LeakLedger.cs). This script searches for those values in
FOLDER/test.log, every *.trx under FOLDER and every file under FOLDER/build-logs. It prints
how many values and bytes it scanned and, for a hit, the secret's NAME and the file and line,
never the value.

Values shorter than 8 characters or made of fewer than 4 distinct characters (booleans, small
numbers, "00000000") would match by chance in any log, so they are skipped and counted. So are
values written in the repository's own tracked files: fixtures a test passes in on purpose
("changeme", an age test-vector recipient) are public, and show up in test names.

Usage: leak-scan.py FOLDER            scan; exit 1 on any hit
       leak-scan.py --self-check FOLDER  plant a ledger value in a copy of a log; exit 1 unless it is found
"""
import base64
import html
import os
import subprocess
import sys
import tempfile

MIN_LENGTH = 8
MIN_DISTINCT = 4


def read_ledger(folder):
    """{value: name} for every scannable value, and how many were skipped as too short or too plain."""
    values, skipped = {}, 0
    ledger = os.path.join(folder, "ledger")
    for entry in sorted(os.listdir(ledger)) if os.path.isdir(ledger) else []:
        with open(os.path.join(ledger, entry), encoding="utf-8") as lines:
            for line in lines:
                name, _, encoded = line.rstrip("\n").partition("\t")
                try:
                    value = base64.b64decode(encoded, validate=True).decode("utf-8")
                except ValueError:
                    continue  # a line cut short by a SIGKILLed worker
                if "\n" in value or "\r" in value or len(value) < MIN_LENGTH or len(set(value)) < MIN_DISTINCT:
                    skipped += value not in values
                    continue
                values.setdefault(value, name)
    return values, skipped


def with_patterns(values, action):
    """Runs action(pattern_file) with one value per line in a private temp file, deleted afterwards."""
    fd, pattern_file = tempfile.mkstemp(prefix="leak-scan-", suffix=".patterns")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(v + "\n" for v in values))
        return action(pattern_file)
    finally:
        os.unlink(pattern_file)


def drop_repository_fixtures(values, repository):
    """Removes the values that the repository's tracked files hold (test fixtures); returns how many."""
    def found(pattern_file):
        result = subprocess.run(["git", "-C", repository, "grep", "-h", "-o", "-a", "-F", "-f", pattern_file, "--", ":/"],
                                capture_output=True, env={**os.environ, "LC_ALL": "C"})
        if result.returncode > 1:
            sys.exit(f"leak-scan: git grep failed: {result.stderr.decode(errors='replace')}")
        return set(result.stdout.decode("utf-8", errors="replace").splitlines())
    fixtures = with_patterns(values, found) & set(values)
    for value in fixtures:
        del values[value]
    return len(fixtures)


def logs(folder):
    """The test log, the TRX files and the build logs under folder."""
    found = []
    for root, _, files in os.walk(folder):
        for file in files:
            path = os.path.join(root, file)
            in_build_logs = os.path.relpath(path, folder).split(os.sep)[0] == "build-logs"
            if file == "test.log" or file.endswith(".trx") or in_build_logs:
                found.append(path)
    return sorted(found)


def scan(values, paths):
    """[(name, path, line)] of every value found, with grep -F (Aho-Corasick) doing the search."""
    patterns = {}
    for value, name in values.items():
        patterns[value] = name
        patterns.setdefault(html.escape(value, quote=True), name)  # as a TRX (XML) file writes it
    hits = []

    def search(pattern_file):
        for path in paths:
            result = subprocess.run(["grep", "-F", "-o", "-n", "-a", "-f", pattern_file, path],
                                    capture_output=True, env={**os.environ, "LC_ALL": "C"})
            if result.returncode > 1:
                sys.exit(f"leak-scan: grep failed on {path}: {result.stderr.decode(errors='replace')}")
            for hit in result.stdout.decode("utf-8", errors="replace").splitlines():
                line, _, matched = hit.partition(":")
                hits.append((patterns.get(matched, "(a ledger value)"), path, int(line)))

    with_patterns(patterns, search)
    return hits


def main(argv):
    self_check = "--self-check" in argv
    folders = [a for a in argv if a != "--self-check"]
    if len(folders) != 1:
        sys.exit(__doc__)
    folder = folders[0]
    values, skipped = read_ledger(folder)
    fixtures = drop_repository_fixtures(values, os.path.dirname(os.path.abspath(__file__)))
    paths = logs(folder)
    if self_check:
        return check_self(values, paths)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"leak-scan: {len(values)} values ({skipped} skipped as shorter than {MIN_LENGTH} characters "
          f"or of fewer than {MIN_DISTINCT} distinct characters, {fixtures} as fixtures written in the repository) "
          f"in {len(paths)} logs, {size:,} bytes")
    if not values:
        print("leak-scan: the ledger is empty: the suites recorded no value (is SECB_TEST_LEDGER_DIR passed on?)")
        return 1
    hits = scan(values, paths)
    for name, path, line in hits:
        print(f"leak-scan: the value of {name} appears in {os.path.relpath(path, folder)}:{line}")
    print(f"leak-scan: {len(hits)} hits")
    return 1 if hits else 0


def check_self(values, paths):
    """Plants one ledger value in a copy of a real log: the scan must find it there and only there."""
    if not values or not paths:
        print("leak-scan self-check: needs a ledger value and a log")
        return 1
    value, name = next(iter(values.items()))
    with tempfile.TemporaryDirectory() as scratch:
        planted = os.path.join(scratch, "planted.log")
        with open(paths[0], "rb") as source, open(planted, "wb") as copy:
            copy.write(source.read())
            copy.write(b"\nsome line before\nDATABASE_URL=postgres://app:" + value.encode("utf-8") + b"@db/app\n")
        hits = [h for h in scan({value: name}, [planted]) if h[1] == planted]
    if not hits:
        print("leak-scan self-check: FAILED, a planted value was not found")
        return 1
    print(f"leak-scan self-check: a value of {name} planted in a copy of {os.path.basename(paths[0])} was found at line {hits[-1][2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
