#!/usr/bin/env bash
# One entry point for every benchmark in docs/performance.md. Each part is optional by name:
#
#   bench/run-all.sh                 every part except the long ones (see LONG below)
#   bench/run-all.sh vault cli       only those parts, in that order
#   bench/run-all.sh --list          the parts, what they measure and how long they take
#
# Parts (section of docs/performance.md in brackets):
#   vault       Argon2id, unlock, SQLCipher vs plain SQLite            [Vault]               ~3 min
#   discovery   DiscoveryService run, inbox, de-duplication            [Discovery]           ~2 min
#   runner      ProgramRunner vs direct Playwright (needs Chromium)    [Browser runner]      ~5 min
#   dashboard   overview of 1,000 keys, refresh of 200 keys            [Dashboard]           ~3 min
#   retention   retention over 1,000,000 snapshots            (LONG)   [Dashboard]           ~15 min
#   packaging   app image and .deb sizes                               [Packaging]           ~5 min
#   peers       keepassxc-cli and dotenvx vs Keyward (bench/run-peers.sh; needs the package)   [Peers] ~3 min
#   cli         CLI start-up: --version, secret list, run -- true      [CLI start-up]        ~2 min
#   wal         write-ahead log check after a crash                    [Fuzzing and tamper sweep] ~1 min
#   desktop     desktop start-up and idle memory, headless and on Xvfb [Desktop start-up]    ~4 min
#               then through ./keyward on Xvfb with xdotool (bench/desktop-startup.sh)        ~11 min
#   scan        keyward scan of 1 GiB vs ripgrep, key formats vs secretlint (bench/scan-peers.sh)  [Scan] ~10 min
#   desktop-soak  30 minutes unlocked with background refresh: heap after GC at start and end (LONG) [Desktop start-up] ~35 min
#
# Output of each part goes to bench/out/<part>.log as well as the terminal; a part that fails is
# reported at the end and the others still run. Maven runs offline (-o) when MVN_OFFLINE=1.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
ALL=(vault discovery runner dashboard packaging peers cli wal desktop scan)
LONG=(retention desktop-soak)
offline=()
[ "${MVN_OFFLINE:-0}" = 1 ] && offline=(-o)
mvn_b() { (cd "$root" && mvn -B -q "${offline[@]}" "$@"); }
# Maven may run on an older JDK; the benchmarks' own JVMs need the toolchain's (21 or newer), found where
# maven-toolchains-plugin and ./keyward look.
java21() {
  local d v
  for d in "${KEYWARD_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* "$HOME"/.jdks/* "$HOME"/.m2/jdks/* /opt/java/* /opt/jdk*; do
    [ -n "$d" ] && [ -x "$d/bin/java" ] || continue
    v="$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    [ "${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$d/bin/java"; return 0; }
  done
  echo "run-all: no Java runtime of version 21 or newer found (set KEYWARD_JAVA_HOME)" >&2
  return 1
}

part_vault() {
  mvn_b -pl vault-core -am -Pbench verify -DskipTests
}

part_discovery() {
  local cp="$out/discovery-cp.txt" java
  java="$(java21)" || return 1
  mvn_b -pl automation -am test-compile &&
  mvn_b -pl automation dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test &&
  (cd "$root" && "$java" -cp "automation/target/test-classes:automation/target/classes:vault-core/target/classes:reference-library/target/classes:$(tr ':' '\n' <"$cp" | grep -v /dev/keyward/ | paste -sd:)" \
    dev.keyward.automation.discovery.service.DiscoveryBenchmark)
}

part_runner() {
  (cd "$root" && mvn -B "${offline[@]}" -pl automation -am test -Dtest=RunnerOverheadBenchmark -Dkeyward.bench=true \
    -Dsurefire.failIfNoSpecifiedTests=false) && cat "$root/automation/target/runner-benchmark.txt"
}

part_dashboard() {
  mvn_b -pl automation -am -Pdashboard-bench -DskipTests verify "-Dbench.parts=overview refresh"
}

part_retention() {
  mvn_b -pl automation -am -Pdashboard-bench -DskipTests verify "-Dbench.parts=retention"
}

part_packaging() {
  local deb
  (cd "$root" && mvn -B "${offline[@]}" -Ppackage -pl packaging -am package -DskipTests) || return 1
  cat "$root/packaging/target/jpackage/package-sizes.txt"
  for deb in "$root"/packaging/target/jpackage/*.deb; do
    [ -f "$deb" ] && echo "$(basename "$deb") Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB"
  done
  return 0
}

part_peers() {
  "$here/run-peers.sh" 10 1
}

part_cli() {
  # Builds the source-tree launcher's jars first; the packaged launcher too when it was built.
  mvn_b -pl app -am package -DskipTests || return 1
  CLI_BENCH_OUT="$out/cli-startup.json" "$here/cli-startup.sh" 10 1 || return 1
  local packaged="$root/packaging/target/jpackage/keyward/bin/keyward"
  if [ -x "$packaged" ]; then
    KEYWARD_BIN="$packaged" CLI_BENCH_OUT="$out/cli-startup-packaged.json" "$here/cli-startup.sh" 10 1
  fi
}

part_wal() {
  local java
  java="$(java21)" || return 1
  mvn_b -pl vault-core test-compile exec:exec "-Dexec.executable=$java" -Dexec.classpathScope=test \
    "-Dexec.args=--enable-native-access=ALL-UNNAMED -cp %classpath dev.keyward.vault.fuzz.WalCheckBenchmark"
}

part_desktop() {
  mvn_b -pl app -am -Pdesktop-bench -DskipTests verify || return 1
  if command -v xvfb-run >/dev/null; then
    (cd "$root" && xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q "${offline[@]}" -pl app -am -Pdesktop-bench \
      -DskipTests verify -Dbench.display=true)
  else
    echo "desktop: no xvfb-run, so only the headless (Monocle) figures were taken"
  fi
  if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    mvn_b -pl app -am package -DskipTests && (unset DISPLAY; "$here/desktop-startup.sh" 7 2 15)
  else
    echo "desktop: no Xvfb or xdotool, so the launcher's figures (bench/desktop-startup.sh) were not taken"
  fi
}

part_scan() {
  "$here/scan-peers.sh" 3 1024
}

part_desktop-soak() {
  mvn_b -pl app -am package -DskipTests && (unset DISPLAY; "$here/desktop-soak.sh" 30)
}

if [ "${1:-}" = --list ]; then
  sed -n '/^# Parts/,/^#$/p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=("${ALL[@]}")
for p in "${parts[@]}"; do
  if ! declare -F "part_$p" >/dev/null; then
    echo "run-all: no benchmark named '$p'; the names are: ${ALL[*]} ${LONG[*]}" >&2
    exit 2
  fi
done

failed=()
for p in "${parts[@]}"; do
  echo "==== $p (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ))"
  start=$SECONDS
  if "part_$p" 2>&1 | tee "$out/$p.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
    echo "==== $p done in $((SECONDS - start)) s; log: bench/out/$p.log"
  else
    echo "==== $p FAILED after $((SECONDS - start)) s; log: bench/out/$p.log"
    failed+=("$p")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "run-all: failed: ${failed[*]}" >&2
  exit 1
fi
