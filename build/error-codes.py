#!/usr/bin/env python3
"""Prints the README's error-code table from the XML docs of the SECB code constants.

Every file under src/ named DiagnosticCodes*.cs or *DiagnosticCodes.cs is read, so a new area
file (DiagnosticCodes.Cli.cs, say) needs no change here. Each `public const string X = "SECBnnn";`
gets the <summary> written directly above it; a code without one is an error.

Run after adding a code: python3 build/error-codes.py, and replace the README table with the
output (ErrorCodeDocumentationTests fails while the two differ)."""
import glob
import html
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CONSTANT = re.compile(r'^\s*(?:(?:public|internal)\s+)?const\s+string\s+(\w+)\s*=\s*"(SECB\d+)"\s*;')
DOC_LINE = re.compile(r"^\s*///\s?(.*)$")
ATTRIBUTE_LINE = re.compile(r"^\s*\[.*\]\s*$")
SOURCE_NAME = re.compile(r"^(\w*DiagnosticCodes|DiagnosticCodes(\.\w+)*)\.cs$")


def sources():
    """Every diagnostic-code file under src/, wherever its area keeps it."""
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "**", "*.cs"), recursive=True)):
        parts = os.path.relpath(path, ROOT).split(os.sep)
        if "bin" in parts or "obj" in parts:
            continue
        if SOURCE_NAME.match(os.path.basename(path)):
            yield path


def meaning(doc_lines):
    """The summary as one line of Markdown: tags to backticks or text, entities decoded."""
    text = " ".join(doc_lines)
    summary = re.search(r"<summary>(.*?)</summary>", text, re.S)
    text = summary.group(1) if summary else text
    text = re.sub(r"<c>(.*?)</c>", r"`\1`", text, flags=re.S)
    text = re.sub(r'<(?:see|seealso)\s+(?:cref|langword|href)="(?:\w:)?([^"]+)"\s*/>', r"`\1`", text)
    text = re.sub(r'<(?:paramref|typeparamref)\s+name="([^"]+)"\s*/>', r"`\1`", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(" ".join(text.split()))
    # Some summaries start with their own code ("SECB252 (warning): ..."): the table has a code
    # column, and other warnings read "Warning: ...".
    text = re.sub(r"^SECB\d+\s*\(warning\)\s*:\s*", "Warning: ", text, flags=re.I)
    text = re.sub(r"^SECB\d+\s*:\s*", "", text)
    text = text[:1].upper() + text[1:]
    return text.replace("|", "\\|")


def codes():
    """Code -> (constant, meaning, where), failing on a code without docs or with two meanings."""
    found, errors = {}, []
    for path in sources():
        doc = []
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                where = f"{os.path.relpath(path, ROOT)}:{number}"
                doc_line = DOC_LINE.match(line)
                if doc_line:
                    doc.append(doc_line.group(1))
                    continue
                constant = CONSTANT.match(line)
                if constant:
                    name, code = constant.groups()
                    text = meaning(doc)
                    if not text:
                        errors.append(f"{where}: {name} ({code}) has no <summary>")
                    elif code in found and found[code][1] != text:
                        errors.append(f"{where}: {code} is also {found[code][0]} at {found[code][2]}")
                    else:
                        found.setdefault(code, (name, text, where))
                if not ATTRIBUTE_LINE.match(line):
                    doc = []
    if errors:
        sys.exit("error-codes.py:\n  " + "\n  ".join(errors))
    return found


def main():
    table = codes()
    print("| code | meaning |")
    print("|---|---|")
    for code in sorted(table, key=lambda c: int(c[4:])):
        print(f"| {code} | {table[code][1]} |")


if __name__ == "__main__":
    main()
