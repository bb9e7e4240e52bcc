#!/usr/bin/env python3
"""Gives a benchmark key folder the trust-record history of a long-lived machine: COUNT other
stores and COUNT other workspaces, in whichever format the tree that made the folder writes
(trust.json, one file for all, before 865ab09; trust/, one file per record, since). Fake ids and
dates only; no secret value. Usage: seed-trust-history.py KEY_FOLDER COUNT"""
import hashlib, json, os, secrets, sys

keys, count = sys.argv[1], int(sys.argv[2])
now = "2026-12-06T00:00:00Z"
others = os.path.join(keys, "other-workspaces")  # existing folders: nothing would prune them


def store(store_id):
    return {"storeId": store_id, "environment": "development", "generation": 3, "generationSeenAt": now,
            "keyIds": ["raw " + secrets.token_hex(8)], "auditSequence": 12, "auditMac": secrets.token_hex(32), "lastSeen": now}


def workspace(path, store_id, date_name):
    os.makedirs(path, exist_ok=True)
    return {"path": path, "environment": "development", "storeId": store_id, date_name: now}


single = os.path.join(keys, "trust.json")
folder = os.path.join(keys, "trust")
if os.path.isfile(single):
    record = json.load(open(single))
    for i in range(count):
        store_id = secrets.token_hex(16)
        record["stores"].append(store(store_id))
        record["workspaces"].append(workspace(os.path.join(others, str(i)), store_id, "lastSeen"))
    with open(single, "w") as f:
        json.dump(record, f, separators=(",", ":"))
elif os.path.isdir(folder):
    for i in range(count):
        store_id = secrets.token_hex(16)
        with open(os.path.join(folder, f"{store_id}.development.json"), "w") as f:
            json.dump({"format": "secrets-build-trust-store", "formatVersion": 1, **store(store_id)}, f)
        path = os.path.join(others, str(i))
        name = "workspace-" + hashlib.sha256(path.encode()).hexdigest()[:32] + ".development.json"
        with open(os.path.join(folder, name), "w") as f:
            json.dump({"format": "secrets-build-trust-workspace", "formatVersion": 1, **workspace(path, store_id, "since")}, f)
else:
    sys.exit(f"{keys} holds no trust record to add history to")
