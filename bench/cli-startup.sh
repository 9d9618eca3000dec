#!/usr/bin/env bash
# CLI start-up: reproduces the "CLI start-up" section of docs/performance.md.
# Times three short commands, each a fresh process, interleaved round by round:
#   keyward --version
#   keyward secret list --password-stdin       (profile of 10 secrets, password piped on stdin)
#   keyward run --project p --password-stdin -- true
#
# usage: bench/cli-startup.sh [RUNS] [WARMUP]          (defaults 10 and 1)
#   KEYWARD_BIN  launcher to measure (default: ./keyward, built by `mvn -B -q -pl app -am package -DskipTests`;
#                the packaged one is packaging/target/jpackage/keyward/bin/keyward)
#   CLI_BENCH_OUT  JSON file for the raw samples (default: bench/out/cli-startup.json)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-10}"
warmup="${2:-1}"
keyward="${KEYWARD_BIN:-$root/keyward}"
out="${CLI_BENCH_OUT:-$here/out/cli-startup.json}"
mkdir -p "$(dirname "$out")"
[ -x "$keyward" ] || { echo "cli-startup: no Keyward launcher at $keyward." >&2; exit 1; }

work="$(mktemp -d -t keyward-cli.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export KEYWARD_HOME="$work/home"
export BENCH_PASSWORD="cli bench password 0451"

echo "== keyward: $("$keyward" --version) ($keyward)"
echo "== cpus: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
KEYWARD_NEW_PASSWORD="$BENCH_PASSWORD" "$keyward" profile create bench >/dev/null
for i in $(seq 1 10); do echo "VAR$i=sk-cli-$i-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"; done >"$work/ten.env"
KEYWARD_PASSWORD="$BENCH_PASSWORD" "$keyward" project create p >/dev/null
KEYWARD_PASSWORD="$BENCH_PASSWORD" "$keyward" env import "$work/ten.env" --project p >/dev/null
listed="$(printf '%s\n' "$BENCH_PASSWORD" | "$keyward" secret list --password-stdin | grep -c VAR || true)"
[ "$listed" -ge 10 ] || { echo "cli-startup: secret list showed $listed of the 10 secrets." >&2; exit 1; }

echo "== $runs runs after $warmup warm-up, interleaved"
/usr/bin/python3 "$here/peer-timer.py" "$out" "$runs" "$warmup" \
  "keyward --version=$keyward --version" \
  "keyward secret list=printf '%s\n' \"\$BENCH_PASSWORD\" | $keyward secret list --password-stdin" \
  "keyward run -- true=printf '%s\n' \"\$BENCH_PASSWORD\" | $keyward run --project p --password-stdin -- true"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
