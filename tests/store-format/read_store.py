#!/usr/bin/python3
"""An independent reader of the Secrets.Build store format, version 1.

Written from src/Secrets.Build.Core/Store/README.md alone, with Debian's python3-cryptography
(and python3-argon2 for passphrase entries), so that a format change the specification does
not describe fails the build. It unwraps the data key with a raw key (key-file text) or a
passphrase, verifies the store MAC, every value's AES-GCM tag and padding, every retired
audit chain key, every age entry's binding, every aws-kms entry's encryption context (it cannot
unwrap through KMS, so it opens such a store with a key or passphrase entry) and every metadata
fingerprint. It never prints a value: only names, versions and counts.

Usage: read_store.py STORE METADATA (--key KEYFILE | --passphrase-file FILE) [--expect VALUES.json]
VALUES.json: {"NAME": {"<version>": "<value>", ...}, ...}, every version the store holds.
Exit 0 when everything verifies (and matches VALUES.json); 1 with a message naming the
file and field otherwise; 2 for bad usage.
"""
import argparse
import base64
import binascii
import hashlib
import hmac
import json
import re
import struct
import sys
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

STORE_MARKER = "secrets-build-store"
METADATA_MARKER = "secrets-build-metadata"
KEY_ID_LABEL = b"secrets-build key id"
VALUE_AAD_LABEL = "secrets-build value v1"
WRAP_AAD_LABEL = "secrets-build data key v1"
RETIRED_AAD_LABEL = "secrets-build retired audit chain key v1"
MAC_LABEL = "secrets-build store mac v1"
SEALED_MAC_LABEL = "secrets-build sealed store mac v1"
MAC_INFO = b"secrets-build store mac"
FINGERPRINT_INFO = b"secrets-build fingerprint"
BINDING_INFO = b"secrets-build recipient binding"
BINDING_LABEL = "secrets-build recipient v1"
KNOWN_KEY_MEMBERS = ("kind", "keyId", "salt", "argon2id", "nonce", "wrappedKey")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SOURCES = ("generated", "external", "imported")
PAD_BLOCK = 32
MIN_MEMORY_KIB, MAX_MEMORY_KIB, MAX_ITERATIONS, MAX_PASSPHRASE_ENTRIES = 8, 256 * 1024, 8, 8


class FormatError(Exception):
    pass


def fail_unless(condition, path, message):
    if not condition:
        raise FormatError(f"{path}: {message}")


class Canonical:
    """Length-prefixed fields: u32 big-endian length, then the bytes; integers are 8-byte
    big-endian two's complement, themselves length-prefixed (so 00 00 00 08 + 8 bytes)."""

    def __init__(self):
        self.parts = []

    def add(self, value):
        if isinstance(value, bool):
            raise TypeError("no booleans in the canonical form")
        if isinstance(value, int):
            value = struct.pack(">q", value)
        elif isinstance(value, str):
            value = value.encode("utf-8")
        self.parts.append(struct.pack(">I", len(value)) + value)
        return self

    def optional(self, value):
        return self.add(0 if value is None else 1).add("" if value is None else value)

    def bytes(self):
        return b"".join(self.parts)


def b64(path, field, text, length=None):
    fail_unless(isinstance(text, str), path, f"{field} is not a string")
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise FormatError(f"{path}: {field} is not base64")
    fail_unless(length is None or len(data) == length, path, f"{field} is {len(data)} bytes, not {length}")
    return data


def hkdf(key, info):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def hmac_sha256(key, data):
    return hmac.new(key, data, hashlib.sha256).digest()


def key_id(kek):
    return hmac_sha256(kek, KEY_ID_LABEL)[:8].hex()


def ordinal(names):
    """.NET ordinal order: UTF-16 code units, not code points."""
    return sorted(names, key=lambda name: name.encode("utf-16-be"))


def dotnet_compact_json(value):
    """An unknown key-entry member as System.Text.Json's Utf8JsonWriter writes it with its
    default encoder: no whitespace; in strings, every non-ASCII character, control character
    and one of " & ' + < > ` \\ is written \\uXXXX (upper-case hex), except \\n \\r \\t \\b \\f and \\\\."""
    if isinstance(value, str):
        short = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f", "\\": "\\\\"}
        out = []
        for ch in value:
            if ch in short:
                out.append(short[ch])
            elif ord(ch) < 0x20 or ord(ch) > 0x7E or ch in "\"&'+<>`":
                for unit in range(0, len(ch.encode("utf-16-be")), 2):
                    out.append("\\u%04X" % int.from_bytes(ch.encode("utf-16-be")[unit:unit + 2], "big"))
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(value, dict):
        return "{" + ",".join(dotnet_compact_json(k) + ":" + dotnet_compact_json(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dotnet_compact_json(v) for v in value) + "]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value.raw  # numbers keep their text (parse_float/parse_int below)


class RawNumber:
    def __init__(self, text):
        self.raw = text


def load_json(path, marker):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FormatError(f"{path}: not UTF-8 JSON ({error})")
    fail_unless(isinstance(document, dict), path, "is not a JSON object")
    fail_unless(document.get("format") == marker, path, f"\"format\" is not \"{marker}\"")
    fail_unless(document.get("formatVersion") == 1, path, "\"formatVersion\" is not 1")
    fail_unless(isinstance(document.get("storeId"), str) and re.fullmatch(r"[0-9a-f]{32}", document["storeId"]),
                path, "\"storeId\" is not 32 lower-case hex digits")
    fail_unless(isinstance(document.get("environment"), str), path, "\"environment\" is missing")
    fail_unless(isinstance(document.get("secrets"), dict), path, "\"secrets\" is not an object")
    return document


def raw_entry_text(path):
    """Every unknown member of each key entry, with numbers kept as written."""
    with open(path, "rb") as handle:
        document = json.loads(handle.read().decode("utf-8"), parse_int=RawNumber, parse_float=RawNumber)
    return [[(name, value) for name, value in entry.items() if name not in KNOWN_KEY_MEMBERS]
            for entry in document.get("keys", [])]


def read_key_file(path):
    with open(path, encoding="ascii") as handle:
        text = handle.read().strip()
    fail_unless(text.startswith("sbk1:") and len(text) == 48, path, "is not 'sbk1:' and 43 base64url characters")
    body = text[5:]
    fail_unless(re.fullmatch(r"[A-Za-z0-9_-]{43}", body) is not None, path, "is not base64url")
    key = base64.urlsafe_b64decode(body + "=")
    fail_unless(base64.urlsafe_b64encode(key).decode().rstrip("=") == body, path, "has non-zero bits after the last byte")
    return key


def wrap_aad(store, entry):
    return Canonical().add(WRAP_AAD_LABEL).add(store["storeId"]).add(store["environment"]).add(entry["kind"]).add(entry["keyId"]).bytes()


def argon2id_kek(path, index, entry, passphrase):
    try:
        from argon2.low_level import Type, hash_secret_raw
    except ImportError:
        raise FormatError("passphrase entries need Debian's python3-argon2 (python3-cryptography 38 has no Argon2id)")
    params = entry.get("argon2id")
    fail_unless(isinstance(params, dict), path, f"keys[{index}] has no \"argon2id\" parameters")
    fail_unless(all(isinstance(params.get(name), int) for name in ("memoryKiB", "iterations", "parallelism")),
                path, f"keys[{index}].argon2id lacks memoryKiB, iterations or parallelism")
    salt = b64(path, f"keys[{index}].salt", entry.get("salt"), 16)
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(secret, salt, time_cost=params["iterations"], memory_cost=params["memoryKiB"],
                           parallelism=params["parallelism"], hash_len=32, type=Type.ID, version=19)


def check_derivation_bounds(path, keys):
    """Before any derivation, as the specification requires: the key list is not authenticated yet."""
    passphrases = [(i, e) for i, e in enumerate(keys) if isinstance(e, dict) and e.get("kind") == "passphrase"]
    fail_unless(len(passphrases) <= MAX_PASSPHRASE_ENTRIES, path, f"more than {MAX_PASSPHRASE_ENTRIES} passphrase entries")
    total = 0
    for index, entry in passphrases:
        params = entry.get("argon2id")
        fail_unless(isinstance(params, dict) and all(isinstance(params.get(n), int) for n in ("memoryKiB", "iterations", "parallelism")),
                    path, f"keys[{index}] is a passphrase entry without \"argon2id\" parameters")
        fail_unless(MIN_MEMORY_KIB <= params["memoryKiB"] <= MAX_MEMORY_KIB and 1 <= params["iterations"] <= MAX_ITERATIONS
                    and params["parallelism"] == 1, path, f"keys[{index}].argon2id is outside the bounds")
        total += params["memoryKiB"] * params["iterations"]
    fail_unless(total <= MAX_MEMORY_KIB * MAX_ITERATIONS, path, "the passphrase entries together ask for too much Argon2id work")


def unwrap_data_key(path, store, raw_key, passphrase):
    keys = store.get("keys")
    fail_unless(isinstance(keys, list), path, "\"keys\" is not a list")
    check_derivation_bounds(path, keys)
    for index, entry in enumerate(keys):
        fail_unless(isinstance(entry, dict) and isinstance(entry.get("kind"), str) and isinstance(entry.get("keyId"), str),
                    path, f"keys[{index}] has no \"kind\" and \"keyId\"")
        if entry["kind"] == "key" and raw_key is not None:
            kek = raw_key
        elif entry["kind"] == "passphrase" and passphrase is not None:
            kek = argon2id_kek(path, index, entry, passphrase)
        else:
            continue
        if key_id(kek) != entry["keyId"]:
            continue
        nonce = b64(path, f"keys[{index}].nonce", entry.get("nonce"), 12)
        wrapped = b64(path, f"keys[{index}].wrappedKey", entry.get("wrappedKey"), 48)
        try:
            return AESGCM(kek).decrypt(nonce, wrapped, wrap_aad(store, entry)), index
        except InvalidTag:
            raise FormatError(f"{path}: keys[{index}]: the wrapped data key does not verify (AES-GCM tag)")
    raise FormatError(f"{path}: no key entry belongs to the given key (key id {key_id(raw_key) if raw_key else 'from passphrase'})")


def unpad(path, field, padded):
    fail_unless(len(padded) > 0 and len(padded) % PAD_BLOCK == 0, path, f"{field}: padded length {len(padded)} is not a multiple of {PAD_BLOCK}")
    marker = len(padded) - 1
    while marker >= 0 and padded[marker] == 0:
        marker -= 1
    fail_unless(marker >= 0 and padded[marker] == 0x80 and len(padded) - marker <= PAD_BLOCK, path, f"{field}: malformed padding")
    try:
        return padded[:marker].decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError(f"{path}: {field}: the value is not UTF-8")


def decrypt_value(path, store, data_key, name, field, item):
    fail_unless(isinstance(item.get("version"), int) and item["version"] >= 1, path, f"{field}.version is not a positive integer")
    nonce = b64(path, f"{field}.nonce", item.get("nonce"), 12)
    ciphertext = b64(path, f"{field}.ciphertext", item.get("ciphertext"))
    aad = Canonical().add(VALUE_AAD_LABEL).add(store["storeId"]).add(store["environment"]).add(name).add(item["version"]).bytes()
    try:
        padded = AESGCM(data_key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise FormatError(f"{path}: {field}: the value does not verify (AES-GCM tag)")
    return nonce, ciphertext, unpad(path, field, padded)


def content_mac(mac_key, store, metadata, decoded):
    canonical = Canonical().add(MAC_LABEL).add(1).add(store["storeId"]).add(store["environment"]).add(len(decoded))
    for name in ordinal(decoded):
        item = decoded[name]
        canonical.add(name).add(item["version"]).add(item["nonce"]).add(item["ciphertext"]).add(len(item["retired"]))
        for retired in item["retired"]:
            canonical.add(retired["version"]).add(retired["retiredAt"]).add(retired["nonce"]).add(retired["ciphertext"])
    entries = metadata["secrets"]
    canonical.add(len(entries))
    for name in ordinal(entries):
        entry = entries[name]
        canonical.add(name).add(entry["version"]).add(entry["createdAt"]).add(entry["rotatedAt"])
        canonical.add(entry["nextRotation"] or "").add(entry["source"]).add(entry["fingerprint"])
    return hmac_sha256(mac_key, canonical.bytes())


def sealed_mac(mac_key, store, generation, content, unknown_members):
    canonical = Canonical().add(SEALED_MAC_LABEL).add(generation).add(content).add(len(store["keys"]))
    for index, entry in enumerate(store["keys"]):
        canonical.add(entry["kind"]).add(entry["keyId"]).optional(entry.get("salt"))
        argon2 = entry.get("argon2id")
        canonical.add(0 if argon2 is None else 1)
        if argon2 is not None:
            canonical.add(argon2["memoryKiB"]).add(argon2["iterations"]).add(argon2["parallelism"])
        canonical.optional(entry.get("nonce")).optional(entry.get("wrappedKey"))
        canonical.add(len(unknown_members[index]))
        for name, value in unknown_members[index]:
            canonical.add(name).add(dotnet_compact_json(value))
    retired_keys = store.get("retiredKeys") or []
    canonical.add(len(retired_keys))
    for retired in retired_keys:
        canonical.add(retired["kind"]).add(retired["keyId"]).add(retired["retiredAt"]).add(retired["nonce"]).add(retired["auditChainKey"])
    return hmac_sha256(mac_key, canonical.bytes())


def check_date(path, field, text):
    fail_unless(isinstance(text, str) and DATE.match(text), path, f"{field} is not yyyy-MM-ddTHH:mm:ssZ")


def read(store_path, metadata_path, raw_key, passphrase):
    store = load_json(store_path, STORE_MARKER)
    metadata = load_json(metadata_path, METADATA_MARKER)
    fail_unless(metadata["storeId"] == store["storeId"] and metadata["environment"] == store["environment"],
                metadata_path, "belongs to another store or environment")
    data_key, opened_by = unwrap_data_key(store_path, store, raw_key, passphrase)

    values, decoded = {}, {}
    for name, item in store["secrets"].items():
        field = f"secrets.{name}"
        nonce, ciphertext, value = decrypt_value(store_path, store, data_key, name, field, item)
        values[name] = {item["version"]: value}
        retired_list = []
        for position, retired in enumerate(item.get("retired") or []):
            rfield = f"{field}.retired[{position}]"
            check_date(store_path, f"{rfield}.retiredAt", retired.get("retiredAt"))
            rnonce, rciphertext, rvalue = decrypt_value(store_path, store, data_key, name, rfield, retired)
            values[name][retired["version"]] = rvalue
            retired_list.append({"version": retired["version"], "retiredAt": retired["retiredAt"], "nonce": rnonce, "ciphertext": rciphertext})
        decoded[name] = {"version": item["version"], "nonce": nonce, "ciphertext": ciphertext, "retired": retired_list}

    fingerprint_key = hkdf(data_key, FINGERPRINT_INFO)
    fail_unless(set(metadata["secrets"]) == set(store["secrets"]), metadata_path, "does not list the same secrets as the store")
    for name, entry in metadata["secrets"].items():
        field = f"secrets.{name}"
        fail_unless(entry.get("version") == store["secrets"][name]["version"], metadata_path, f"{field}.version differs from the store's")
        for date in ("createdAt", "rotatedAt"):
            check_date(metadata_path, f"{field}.{date}", entry.get(date))
        if entry.get("nextRotation") is not None:
            check_date(metadata_path, f"{field}.nextRotation", entry["nextRotation"])
        fail_unless(entry.get("source") in SOURCES, metadata_path, f"{field}.source is not one of {', '.join(SOURCES)}")
        expected = "hmac-sha256:" + hmac_sha256(fingerprint_key, values[name][entry["version"]].encode("utf-8"))[:16].hex()
        fail_unless(entry.get("fingerprint") == expected, metadata_path, f"{field}.fingerprint does not match the value")

    mac_key = hkdf(data_key, MAC_INFO)
    mac = content_mac(mac_key, store, metadata, decoded)
    generation = store.get("generation", 0)
    fail_unless(isinstance(generation, int) and generation >= 0, store_path, "\"generation\" is not a non-negative integer")
    if generation > 0:
        mac = sealed_mac(mac_key, store, generation, mac, raw_entry_text(store_path))
    stored_mac = b64(store_path, "mac", store.get("mac"), 32)
    fail_unless(hmac.compare_digest(mac, stored_mac), store_path, "the store MAC does not verify: a value, metadata field, key entry, retired key or the generation was changed")

    for index, retired in enumerate(store.get("retiredKeys") or []):
        nonce = b64(store_path, f"retiredKeys[{index}].nonce", retired.get("nonce"), 12)
        sealed = b64(store_path, f"retiredKeys[{index}].auditChainKey", retired.get("auditChainKey"))
        aad = Canonical().add(RETIRED_AAD_LABEL).add(store["storeId"]).add(store["environment"]) \
            .add(retired["kind"]).add(retired["keyId"]).add(retired["retiredAt"]).bytes()
        try:
            AESGCM(data_key).decrypt(nonce, sealed, aad)
        except InvalidTag:
            raise FormatError(f"{store_path}: retiredKeys[{index}].auditChainKey does not verify (AES-GCM tag)")

    binding_key = hkdf(data_key, BINDING_INFO)
    ages = 0
    for index, entry in enumerate(store["keys"]):
        if entry["kind"] == "aws-kms":
            # Only AWS KMS can unwrap it; what can be checked here is that it names this store.
            context = entry.get("encryptionContext")
            fail_unless(context == {"secrets-build:store": store["storeId"], "secrets-build:env": store["environment"]},
                        store_path, f"keys[{index}]: the aws-kms entry's encryptionContext does not name this store and environment")
            continue
        if entry["kind"] != "age":
            continue
        ages += 1
        expected = hmac_sha256(binding_key, Canonical().add(BINDING_LABEL).add(store["storeId"]).add(store["environment"]).add(entry.get("recipient", "")).bytes())
        fail_unless(hmac.compare_digest(expected, b64(store_path, f"keys[{index}].binding", entry.get("binding"))),
                    store_path, f"keys[{index}]: the age entry's binding does not verify")
    return store, values, opened_by, ages


def main(argv):
    parser = argparse.ArgumentParser(description="Verify and decrypt a Secrets.Build v1 store without Secrets.Build.")
    parser.add_argument("store")
    parser.add_argument("metadata")
    parser.add_argument("--key", help="a key file (sbk1:...)")
    parser.add_argument("--passphrase-file", help="a file holding the passphrase (one line)")
    parser.add_argument("--expect", help="JSON of the values every version must decrypt to")
    args = parser.parse_args(argv)
    if (args.key is None) == (args.passphrase_file is None):
        parser.error("give exactly one of --key and --passphrase-file")
    try:
        raw_key = read_key_file(args.key) if args.key else None
        passphrase = None
        if args.passphrase_file:
            with open(args.passphrase_file, encoding="utf-8") as handle:
                passphrase = handle.read().rstrip("\r\n")
        store, values, opened_by, ages = read(args.store, args.metadata, raw_key, passphrase)
        if args.expect:
            with open(args.expect, encoding="utf-8") as handle:
                expected = {name: {int(v): text for v, text in versions.items()} for name, versions in json.load(handle).items()}
            fail_unless(set(expected) == set(values), args.expect, "names differ from the store's")
            for name in ordinal(values):
                fail_unless(set(expected[name]) == set(values[name]), args.expect, f"{name}: versions differ from the store's")
                for version in values[name]:
                    fail_unless(expected[name][version] == values[name][version], args.expect, f"{name} version {version}: the decrypted value differs")
    except FormatError as error:
        print(f"read_store: FAILED: {error}", file=sys.stderr)
        return 1
    except (OSError, KeyError, TypeError, ValueError) as error:
        print(f"read_store: FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    versions = sum(len(v) for v in values.values())
    print(f"read_store: OK: {args.store}: generation {store.get('generation', 0)}, {len(values)} secrets, "
          f"{versions} versions, {len(store['keys'])} key entries ({ages} age, {sum(1 for k in store['keys'] if k['kind'] == 'aws-kms')} aws-kms), {len(store.get('retiredKeys') or [])} retired keys; "
          f"opened by keys[{opened_by}]; MAC, tags, padding and fingerprints verified")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
