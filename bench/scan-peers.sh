#!/usr/bin/env bash
# keyward scan against its peers, side by side in one hyperfine run per comparison; reproduces the
# "Scan" section of docs/performance.md.
#   1. Exact values on a generated tree (default 1 GiB of code-like lines, JSON, YAML, logs and
#      .env files, bench/make-scan-tree.py): `keyward scan --format json` (all vault values in all
#      their encodings, plus key formats), `keyward scan --values-only` (the exact values alone: what the
#      issue's 2x target compares) against `rg -F -f values.txt` (the values as is) and
#      `rg -F -f forms.txt` (every encoding keyward looks for: the like-for-like peer).
#   2. Key formats on a smaller generated tree (secretlint is much slower): `keyward scan
#      --formats-only` against `secretlint` with its recommended rule preset.
#   3. A real repository's history: `keyward scan --git` (needs the --git option; skipped when this
#      build has none).
# The data is kept under SCAN_BENCH_DIR for re-runs (delete it to regenerate); nothing is written
# into the repository except bench/out/.
#
# Each comparison ends with a table of wall time and CPU time (user + system) per command
# (bench/out/scan-*-cpu.txt).
#
# usage: bench/scan-peers.sh [RUNS] [SIZE_MB]          (defaults 3 and 1024)
#   KEYWARD_BIN      launcher to measure (default ./keyward, which builds itself on first use)
#   KEYWARD_BASELINE_BIN  another build's launcher, measured in the same run as "keyward scan (baseline)"
#   SCAN_BENCH_DIR   data folder (default /tmp/keyward-scan-bench)
#   SECRETLINT_MB    size of the tree for the key-format comparison (default 64)
#   GIT_REPO         repository for the history comparison (default: this one)
# needs: hyperfine, ripgrep (rg), node + npm (secretlint is installed into bench/secretlint/node_modules)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-3}"
size_mb="${2:-1024}"
keyward="${KEYWARD_BIN:-$root/keyward}"
data="${SCAN_BENCH_DIR:-/tmp/keyward-scan-bench}"
lint_mb="${SECRETLINT_MB:-64}"
repo="${GIT_REPO:-$root}"
py=/usr/bin/python3
out="$here/out"
# The generated tree for the exact-value comparison, one per size (1 GiB keeps the old name).
big="$data/big"
[ "$size_mb" = 1024 ] || big="$data/big-$size_mb"
baseline="${KEYWARD_BASELINE_BIN:-}"
mkdir -p "$out"

for tool in hyperfine rg npm; do
  command -v "$tool" >/dev/null || { echo "scan-peers: $tool is missing" >&2; exit 1; }
done
if [ ! -x "$here/secretlint/node_modules/.bin/secretlint" ]; then
  (cd "$here/secretlint" && npm install --no-audit --no-fund >/dev/null)
fi
secretlint="$here/secretlint/node_modules/.bin/secretlint"

[ -d "$big/tree" ] || "$py" "$here/make-scan-tree.py" "$big" "$size_mb" 50
[ -d "$data/small/tree" ] || "$py" "$here/make-scan-tree.py" "$data/small" "$lint_mb" 50

export KEYWARD_HOME="$data/home"
export KEYWARD_PASSWORD="scan bench password 0451"
if [ ! -d "$KEYWARD_HOME" ]; then
  KEYWARD_NEW_PASSWORD="$KEYWARD_PASSWORD" "$keyward" profile create bench >/dev/null
  "$keyward" --no-agent project create bench >/dev/null
  "$keyward" --no-agent env import "$big/bench.env" --project bench | tail -n 1
fi

echo "== versions and machine"
{
  echo "keyward: $("$keyward" --version) ($keyward)"
  echo "ripgrep: $(rg --version | head -n 1)"
  echo "secretlint: $("$secretlint" --version) (node $(node --version))"
  echo "hyperfine: $(hyperfine --version)"
  echo "cpus: $(nproc), memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "tree: $(cat "$big/expected.json" | tr -d '\n ')"
  echo "small tree: $(cat "$data/small/expected.json" | tr -d '\n ')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/scan-versions.txt"

# Warm the page cache so every tool reads from memory, as the second of two runs would.
cat "$big"/tree/*/*/* "$big"/tree/*/*/.env* >/dev/null 2>&1 || true

# Wall and CPU (user + system) of each command of a hyperfine JSON export: the machine may be shared,
# and CPU time is the fairer comparison then.
cpu_table() {
  "$py" - "$1" <<'PY' | tee "${1%.json}-cpu.txt"
import json, sys
print(f"{'command':<40} {'wall mean':>12} {'± sd':>8} {'CPU user+sys':>13} {'runs':>5}")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:<40} {r['mean']:>10.2f} s {r['stddev'] or 0:>6.2f} s {r['user'] + r['system']:>11.2f} s {len(r['times']):>5}")
PY
}

echo "== correctness: every planted copy is found, and nothing else"
set +e
"$keyward" --no-agent scan --format json --output "$data/keyward.json" "$big/tree" 2>"$out/scan-summary.txt"
set -e
cat "$out/scan-summary.txt"
"$py" - "$data/keyward.json" "$big/expected.json" <<'PY' | tee "$out/scan-check.txt"
import json, sys
report = json.load(open(sys.argv[1]))
expected = json.load(open(sys.argv[2]))
findings = report["findings"] if isinstance(report, dict) else report
kinds = {}
for f in findings:
    kind = f.get("kind", "?")
    kinds[kind] = kinds.get(kind, 0) + 1
print("keyward findings by kind:", kinds)
print("planted: copies", expected["value_copies"], "+ encoded", expected["value_copies_encoded"],
      "; format keys", expected["format_keys"])
PY
rg_lines="$(rg --hidden --no-ignore -F -c -f "$big/values.txt" "$big/tree" | awk -F: '{s+=$NF} END {print s}')"
echo "rg -F -f values.txt: $rg_lines matching lines" | tee -a "$out/scan-check.txt"

echo "== 1. exact values, $(du -sh "$big/tree" | cut -f1)"
baseline_cmd=()
[ -z "$baseline" ] || baseline_cmd=(-n "keyward scan (baseline)" "$baseline --no-agent scan --format json --output $data/baseline.json $big/tree")
hyperfine --warmup 1 --runs "$runs" -i --export-markdown "$out/scan-exact.md" --export-json "$out/scan-exact.json" \
  "${baseline_cmd[@]}" \
  -n "keyward scan --format json" "$keyward --no-agent scan --format json --output $data/keyward.json $big/tree" \
  -n "keyward scan --values-only" "$keyward --no-agent scan --values-only --format json --output $data/keyward-values.json $big/tree" \
  -n "rg -F -f values.txt" "rg --hidden --no-ignore -F -f $big/values.txt $big/tree > $data/rg.txt" \
  -n "rg -F -f forms.txt" "rg --hidden --no-ignore -F -f $big/forms.txt $big/tree > $data/rg-forms.txt"
cpu_table "$out/scan-exact.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/scan-versions.txt"

echo "== 2. key formats, $(du -sh "$data/small/tree" | cut -f1)"
cp "$here/secretlint/.secretlintrc.json" "$data/small/.secretlintrc.json"
hyperfine --warmup 1 --runs "$runs" -i --export-markdown "$out/scan-formats.md" --export-json "$out/scan-formats.json" \
  -n "keyward scan --formats-only" "$keyward scan --formats-only --format json --output $data/formats.json $data/small/tree" \
  -n "secretlint (preset-recommend)" "cd $data/small && $secretlint --format json --output $data/secretlint.json 'tree/**/*' 'tree/**/.env*'"
cpu_table "$out/scan-formats.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/scan-versions.txt"

echo "== 3. git history of $repo"
if "$keyward" scan --help 2>/dev/null | grep -q -- '--git'; then
  hyperfine --warmup 1 --runs "$runs" -i --export-markdown "$out/scan-git.md" --export-json "$out/scan-git.json" \
    -n "keyward scan --git" "cd $repo && $keyward --no-agent scan --git --format json --output $data/git.json" \
    -n "git log -p | rg -F -f values.txt" "cd $repo && git log --all -p | rg -F -f $big/values.txt > $data/rg-git.txt"
  cpu_table "$out/scan-git.json"
else
  echo "this keyward has no scan --git yet: skipped" | tee "$out/scan-git.md"
fi
