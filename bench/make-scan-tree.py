#!/usr/bin/python3
"""Writes the scan benchmark's data: a tree of mixed text (code-like lines, JSON, YAML, logs and
.env files) of about SIZE_MB megabytes, with copies of known secret values and keys in provider
formats planted at random places.

Everything is made up here, from a fixed seed: the values are random, the planted keys are random
bodies behind real providers' prefixes (so they have the shape of keys and are no one's keys).

Writes into OUT (which must not exist):
  tree/            the tree to scan
  bench.env        the known values as NAME=value lines (for `keyward env import`)
  values.txt       the known values, one a line (for `rg -F -f`)
  forms.txt        every value in every encoding keyward scan looks for (for `rg -F -f`, the fair peer)
  expected.json    how many copies of values and how many format keys were planted, per kind

usage: make-scan-tree.py OUT [SIZE_MB] [VALUES]      (defaults 1024 and 50)
"""
import base64
import json
import os
import random
import string
import sys
import urllib.parse

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
URLSAFE = ALNUM + "_-"
WORDS = ("request response total count offset limit index value buffer stream record table query "
         "session user account invoice payment order item price amount status error retry timeout "
         "config option default result handler client server cache token key secret name path file "
         "line column parse format encode decode build deploy release version update delete create").split()


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def fake_keys(rng):
    """Keys in provider formats that the format rules report (random bodies, no one's keys)."""
    return [
        "gh" + "p_" + rand(rng, ALNUM, 36),
        "sk-" + "proj-" + rand(rng, URLSAFE, 74) + "T3BlbkFJ" + rand(rng, URLSAFE, 74),
        "AK" + "IA" + rand(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
        "xo" + "xb-" + rand(rng, string.digits, 11) + "-" + rand(rng, string.digits, 13) + "-" + rand(rng, ALNUM, 24),
        "sk_" + "live_" + rand(rng, ALNUM, 24),
        "AI" + "za" + rand(rng, URLSAFE, 35),
        "gl" + "pat-" + rand(rng, URLSAFE, 20),
        "SG" + "." + rand(rng, URLSAFE, 22) + "." + rand(rng, URLSAFE, 43),
    ]


def forms(value):
    """The encodings keyward scan matches (h-scan's ValueForms): as is, base64 (std, url), hex, URL, JSON."""
    raw = value.encode()
    out = {value, base64.b64encode(raw).decode(), base64.b64encode(raw).decode().rstrip("="),
           base64.urlsafe_b64encode(raw).decode().rstrip("="), raw.hex(), raw.hex().upper(),
           urllib.parse.quote(value, safe=""), json.dumps(value)[1:-1]}
    return sorted(out)


def line_pools(rng):
    code = []
    for _ in range(4000):
        a, b, c = rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS)
        code.append(rng.choice([
            f"    int {a}{b.capitalize()} = {c}.get{a.capitalize()}() + {rng.randint(0, 999)};",
            f"    if ({a} != null && {b}.size() > {rng.randint(1, 64)}) {{ return {c}; }}",
            f"def {a}_{b}(self, {c}): return self.{a}.{b}({c}, retries={rng.randint(1, 9)})",
            f"const {a}{b.capitalize()} = await fetch(`/api/{a}/${{{c}}}`, {{ method: 'GET' }});",
            f"    // {a} the {b} before the {c} is read; see issue {rng.randint(100, 9999)}",
            f"    {a}.{b}(\"{c}-{rand(rng, HEX, 8)}\", {rng.random():.6f});",
        ]))
    json_lines = [json.dumps({"id": rand(rng, HEX, 24), rng.choice(WORDS): rng.choice(WORDS),
                              "n": rng.randint(0, 10**6), "ok": rng.random() < 0.5,
                              "tags": [rng.choice(WORDS) for _ in range(3)]}) for _ in range(4000)]
    logs = [f"2026-12-0{rng.randint(1, 5)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
            f"{rng.randint(0, 59):02d}Z {rng.choice(['INFO', 'WARN', 'DEBUG', 'ERROR'])} "
            f"[{rng.choice(WORDS)}-{rng.randint(1, 16)}] {rng.choice(WORDS)} {rng.choice(WORDS)} "
            f"took {rng.randint(1, 5000)} ms request_id={rand(rng, HEX, 32)}" for _ in range(4000)]
    yaml = [f"{'  ' * rng.randint(0, 3)}{rng.choice(WORDS)}_{rng.choice(WORDS)}: {rng.choice(WORDS)}"
            for _ in range(4000)]
    env = [f"{rng.choice(WORDS).upper()}_{rng.choice(WORDS).upper()}={rng.choice(WORDS)}-{rng.randint(1, 999)}"
           for _ in range(2000)]
    return {"java": code, "py": code, "js": code, "json": json_lines, "log": logs, "yaml": yaml, "env": env}


def planted_line(kind, name, text):
    if kind == "json":
        return json.dumps({"name": name.lower(), "credential": text})
    if kind == "yaml":
        return f"  {name.lower()}: {text}"
    if kind in ("env",):
        return f"{name}={text}"
    if kind == "log":
        return f"2026-12-05T10:00:00Z DEBUG [boot] using credential {text} for {name.lower()}"
    return f"    String {name.lower()} = \"{text}\";"


def main():
    out = sys.argv[1]
    size_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    rng = random.Random(20261205)
    os.makedirs(out)
    tree = os.path.join(out, "tree")
    values = [f"kwb-{rand(rng, ALNUM, 8)}-{rand(rng, URLSAFE, 32)}" for _ in range(count)]
    with open(os.path.join(out, "bench.env"), "w") as f:
        f.writelines(f"BENCH_VALUE_{i:03d}={v}\n" for i, v in enumerate(values))
    with open(os.path.join(out, "values.txt"), "w") as f:
        f.writelines(v + "\n" for v in values)
    encoded = {v: forms(v) for v in values}
    with open(os.path.join(out, "forms.txt"), "w") as f:
        f.writelines(form + "\n" for v in values for form in encoded[v])
    pools = line_pools(rng)
    kinds = ["java", "py", "js", "json", "log", "yaml", "json", "log"]
    expected = {"files": 0, "bytes": 0, "value_copies": 0, "value_copies_encoded": 0, "format_keys": 0}
    target = size_mb * 1024 * 1024
    written = 0
    n = 0
    while written < target:
        folder = os.path.join(tree, f"svc{n // 40:03d}", rng.choice(["src", "data", "logs", "config"]))
        os.makedirs(folder, exist_ok=True)
        kind = "env" if n % 40 == 0 else rng.choice(kinds)
        name = f".env.{n}" if kind == "env" else f"{rng.choice(WORDS)}_{n}.{kind}"
        lines_wanted = rng.randint(20, 400) if kind == "env" else rng.randint(300, 12000)
        pool = pools[kind]
        lines = [rng.choice(pool) for _ in range(lines_wanted)]
        # About one file in four holds a copy of a value (one in five of those encoded), one in
        # eight a key in a provider format.
        if rng.random() < 0.25:
            value = rng.choice(values)
            text = value if rng.random() < 0.8 else rng.choice(encoded[value])
            expected["value_copies" if text == value else "value_copies_encoded"] += 1
            lines.insert(rng.randrange(len(lines) + 1), planted_line(kind, "API_TOKEN", text))
        if rng.random() < 0.125:
            key = rng.choice(fake_keys(rng))
            expected["format_keys"] += 1
            lines.insert(rng.randrange(len(lines) + 1), planted_line(kind, "SERVICE_KEY", key))
        data = ("\n".join(lines) + "\n").encode()
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        written += len(data)
        n += 1
    expected["files"] = n
    expected["bytes"] = written
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
    print(json.dumps(expected))


if __name__ == "__main__":
    main()
