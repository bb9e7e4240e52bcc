#!/usr/bin/env python3
"""Prints the README's error-code table from the XML docs of the DiagnosticCodes constants.

Run after adding a code: python3 build/error-codes.py > /tmp/codes.md, then paste the table
into README.md (a test fails while any code is missing from the README)."""
import glob
import os
import re

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
pattern = re.compile(r'///\s*<summary>(.*?)</summary>\s*\n\s*public const string (\w+) = "(SECB\d+)";', re.S)
codes = {}
sources = glob.glob(os.path.join(root, "src/Secrets.Build.Core/Diagnostics/DiagnosticCodes*.cs"))
sources += glob.glob(os.path.join(root, "src/Secrets.Build.Generator/Diagnostics/GeneratorDiagnosticCodes.cs"))
for path in sorted(sources):
    text = open(path, encoding="utf-8").read()
    for summary, name, code in pattern.findall(text):
        summary = re.sub(r"<c>(.*?)</c>", r"`\1`", " ".join(summary.replace("///", " ").split()))
        summary = re.sub(r"<[^>]+>", "", summary)
        summary = re.sub(r"^SECB\d+:\s*", "", summary)
        summary = summary[:1].upper() + summary[1:]
        codes.setdefault(code, (name, summary))

print("| code | meaning |")
print("|---|---|")
for code in sorted(codes):
    name, summary = codes[code]
    print(f"| {code} | {summary} |")
