#!/usr/bin/env bash
# Keyward against real peers, each in one run; reproduces the "Peers" section of
# docs/performance.md. Keyward is measured on both paths, interleaved with the peers: through
# the agent (`keyward agent start`, headless, started here; no password in the environment) and
# direct (`--no-agent`: Argon2id and SQLite in the command's own JVM).
#   1. keepassxc-cli: open a 1,000-entry database and read one entry, at keepassxc-cli's default
#      KDF (what `db-create` writes) and at Keyward's (Argon2id m=64 MiB, t=3, p=4), against
#      `keyward secret get` on a profile of 1,000 secrets (imported from a .env into project
#      bulk, so the secrets are named bulk/KEY_0001...).
#   2. dotenvx run: inject the same ten variables into the same child, against `keyward run`.
#
# usage: bench/run-peers.sh [RUNS] [WARMUP]          (defaults 10 and 1)
#   KEYWARD_BIN  launcher to measure (default: the packaged one from
#                `mvn -Ppackage -pl packaging -am package`; ./keyward works too)
#   PEERS_AGENT  `keyward` (default): the real agent, `keyward agent start`; `fake`: bench/fake-agent.py,
#                which answers without a vault, to measure the command line's side of the agent path alone
# needs: keepassxc-cli, python3-pykeepass, node + npm (dotenvx is installed into bench/node_modules)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-10}"
warmup="${2:-1}"
keyward="${KEYWARD_BIN:-$root/packaging/target/jpackage/keyward/bin/keyward}"
py=/usr/bin/python3

missing=()
[ -x "$keyward" ] || { echo "run-peers: no Keyward launcher at $keyward." >&2
  echo "Build the package (mvn -B -Ppackage -pl packaging -am package) or set KEYWARD_BIN=$root/keyward." >&2; exit 1; }
command -v keepassxc-cli >/dev/null || missing+=(keepassxc)
"$py" -c 'import pykeepass' 2>/dev/null || missing+=(python3-pykeepass)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "run-peers: missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
if [ ! -x "$here/node_modules/.bin/dotenvx" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi
dotenvx="$here/node_modules/.bin/dotenvx"

work="$(mktemp -d -t keyward-peers.XXXXXX)"
agent_pid=""
stop_agent() {
  if [ -n "$agent_pid" ]; then kill "$agent_pid" 2>/dev/null || true; fi
  if [ "$agent_kind" = keyward ]; then "$keyward" agent stop >/dev/null 2>&1 || true; fi
}
trap 'stop_agent; rm -rf "$work"' EXIT
out="$here/out"
mkdir -p "$out"

agent_kind="${PEERS_AGENT:-keyward}"
export BENCH_PASSWORD="peer bench password 0451"
export KEYWARD_HOME="$work/keyward-home"
export KEYWARD_PASSWORD="$BENCH_PASSWORD"

echo "== versions and machine"
{
  echo "keyward: $("$keyward" --version) ($keyward)"
  echo "keepassxc-cli: $(keepassxc-cli --version)"
  echo "dotenvx: $("$dotenvx" --version)"
  echo "node: $(node --version)"
  echo "cpus: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/versions.txt"

echo "== data: 1,000 secrets in a KeePass database and in a Keyward profile"
"$py" "$here/make-peer-data.py" "$work/peers.kdbx" "$work/bulk.env" 1000
KEYWARD_NEW_PASSWORD="$BENCH_PASSWORD" "$keyward" profile create bench >/dev/null
"$keyward" --no-agent project create bulk >/dev/null
"$keyward" --no-agent env import "$work/bulk.env" --project bulk | tail -n 1
# The same entries in a database with keepassxc-cli's own default KDF: db-create's, then merged in.
printf '%s\n%s\n' "$BENCH_PASSWORD" "$BENCH_PASSWORD" | keepassxc-cli db-create -q -p "$work/default.kdbx" >/dev/null 2>&1
keepassxc-cli merge -q -s "$work/default.kdbx" "$work/peers.kdbx" <<<"$BENCH_PASSWORD" >/dev/null
for db in default peers; do
  echo "$db.kdbx: $(keepassxc-cli db-info -q "$work/$db.kdbx" <<<"$BENCH_PASSWORD" | grep -E '^(KDF|Number of entries):' | paste -sd' ')"
done | tee -a "$out/versions.txt"
want="$(sed -n 's/^KEY_0500=//p' "$work/bulk.env")"
[ "$(keepassxc-cli show -q -a Password "$work/peers.kdbx" KEY_0500 <<<"$BENCH_PASSWORD")" = "$want" ]
[ "$(keepassxc-cli show -q -a Password "$work/default.kdbx" KEY_0500 <<<"$BENCH_PASSWORD")" = "$want" ]
[ "$("$keyward" --no-agent secret get bulk/KEY_0500)" = "$want" ]
echo "both return the same value for KEY_0500"

for i in $(seq 1 10); do echo "VAR$i=sk-ten-$i-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"; done >"$work/ten.env"
"$keyward" --no-agent project create ten >/dev/null
"$keyward" --no-agent env import "$work/ten.env" --project ten | tail -n 1

echo "== the agent ($agent_kind)"
if [ "$agent_kind" = fake ]; then
  "$py" "$here/fake-agent.py" "$KEYWARD_HOME" "$want" "$work/ten.env" >"$work/agent.out" &
  agent_pid=$!
  for _ in $(seq 1 50); do [ -s "$work/agent.out" ] && break; sleep 0.1; done
  echo "fake agent at $(cat "$work/agent.out") (measures the client's side only)"
else
  "$keyward" agent start >/dev/null
  "$keyward" agent status
fi
# Through the agent there is no password anywhere: no variable, no stdin, no terminal.
agent() { echo "env -u KEYWARD_PASSWORD $keyward $* </dev/null"; }
[ "$(eval "$(agent secret get bulk/KEY_0500)")" = "$want" ]
echo "the agent serves KEY_0500 with no password given"

echo "== 1. open + read one entry ($runs runs, interleaved)"
"$py" "$here/peer-timer.py" "$out/keepassxc.json" "$runs" "$warmup" \
  "keepassxc-cli show (default KDF)=printf '%s\n' \"\$BENCH_PASSWORD\" | keepassxc-cli show -q -a Password '$work/default.kdbx' KEY_0500" \
  "keepassxc-cli show (Keyward's Argon2id)=printf '%s\n' \"\$BENCH_PASSWORD\" | keepassxc-cli show -q -a Password '$work/peers.kdbx' KEY_0500" \
  "keyward secret get (agent)=$(agent secret get bulk/KEY_0500)" \
  "keyward secret get (direct)=$keyward --no-agent secret get bulk/KEY_0500"

echo "== data: ten variables for dotenvx and keyward run"
mkdir -p "$work/plain" "$work/encrypted"
cp "$work/ten.env" "$work/plain/.env"
cp "$work/ten.env" "$work/encrypted/.env"
(cd "$work/encrypted" && "$dotenvx" encrypt -f .env >/dev/null 2>&1)
grep -q '^VAR1="\{0,1\}encrypted:' "$work/encrypted/.env"
child="sh -c 'test -n \"\$VAR1\" && test -n \"\$VAR10\"'"
check="sh -c 'test \"\$VAR10\" = \"$(sed -n 's/^VAR10=//p' "$work/ten.env")\"'"
(cd "$work/plain" && eval "\"$dotenvx\" run -q -f .env -- $check")
(cd "$work/encrypted" && eval "\"$dotenvx\" run -q -f .env -- $check")
eval "\"$keyward\" --no-agent run --project ten -- $check"
eval "$(agent run --project ten -- "$check")"
echo "all four inject the same VAR10"

echo "== 2. inject ten variables into a child ($runs runs, interleaved)"
"$py" "$here/peer-timer.py" "$out/dotenvx.json" "$runs" "$warmup" \
  "dotenvx run (plain .env)=cd '$work/plain' && '$dotenvx' run -q -f .env -- $child" \
  "dotenvx run (encrypted .env)=cd '$work/encrypted' && '$dotenvx' run -q -f .env -- $child" \
  "keyward run (agent)=$(agent run --project ten -- "$child")" \
  "keyward run (direct)=$keyward --no-agent run --project ten -- $child"

echo "== ratios (Keyward / peer, medians)"
"$py" - "$out/keepassxc.json" "$out/dotenvx.json" <<'PY' | tee "$out/ratios.txt"
import json, sys
for path in sys.argv[1:]:
    cs = json.load(open(path))["commands"]
    for keyward in (c for c in cs if c["name"].startswith("keyward")):
        for peer in (c for c in cs if not c["name"].startswith("keyward")):
            print(f"{keyward['name']} / {peer['name']}: wall {keyward['wall_median_s'] / peer['wall_median_s']:.2f}"
                  f", cpu {keyward['cpu_median_s'] / peer['cpu_median_s']:.2f}")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/versions.txt"
