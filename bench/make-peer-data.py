#!/usr/bin/python3
"""Writes the peer benchmark's data: a KeePass database of N entries and the same N values as a
.env file (for Keyward to import), so both tools hold identical secrets.

The database uses Argon2id with Keyward's default cost (m=64 MiB, t=3, p=4). keepassxc-cli 2.7
(Debian bookworm) has no option to choose the KDF (db-create and import only take a target
decryption time, and write AES-KDF files), so the file is written with pykeepass (Debian:
python3-pykeepass) and only read by keepassxc-cli, which is the part that is measured.

usage: make-peer-data.py DATABASE ENV_FILE COUNT   (password from $BENCH_PASSWORD)
"""
import os
import sys

from pykeepass import PyKeePass, create_database
from pykeepass.kdbx_parsing.kdbx4 import kdf_uuids

MIB = 1024 * 1024


def main():
    database, env_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    password = os.environ["BENCH_PASSWORD"]
    kp = create_database(database, password=password)
    kdf = kp.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["$UUID"].value = kdf_uuids["argon2id"]
    kdf["M"].value = 64 * MIB
    kdf["I"].value = 3
    kdf["P"].value = 4
    kdf["S"].value = os.urandom(32)
    lines = []
    for i in range(1, count + 1):
        name = f"KEY_{i:04d}"
        value = "sk-bench-" + os.urandom(16).hex()
        kp.add_entry(kp.root_group, name, "", value)
        lines.append(f"{name}={value}\n")
    # pykeepass keeps the parsed header as raw bytes; drop them so it is rebuilt with the new KDF.
    kp.kdbx.header.pop("data", None)
    kp.save()
    with open(env_file, "w") as f:
        f.writelines(lines)
    os.chmod(env_file, 0o600)

    check = PyKeePass(database, password=password)
    kdf = check.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    got = (kdf["$UUID"].value, kdf["M"].value, kdf["I"].value, kdf["P"].value, len(check.entries))
    want = (kdf_uuids["argon2id"], 64 * MIB, 3, 4, count)
    if got != want:
        sys.exit(f"database check failed: {got} != {want}")


if __name__ == "__main__":
    main()
