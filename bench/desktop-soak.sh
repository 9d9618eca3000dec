#!/usr/bin/env bash
# Leak check of the desktop app over a long session (docs/performance.md, "Desktop start-up"): the real app
# through the launcher on an X display (Xvfb and trayer when DISPLAY is unset), unlocked on the Dashboard page,
# with background refresh every 60 s against a provider API on loopback (bench/fake-provider.py) for 8 keys of
# four providers. Heap after a full GC (jcmd GC.run, GC.heap_info) and the class histogram are taken after a
# minute's warm-up and again at the end; RSS every minute. A leak shows as heap (and the histogram's top rows)
# growing from start to end; the refresh count shows the jobs ran.
#
#   bench/desktop-soak.sh [MINUTES=30]
#   KEYWARD_BIN, DESKTOP_JAVA_OPTIONS, DISPLAY, BENCH_KEEP=1: as for bench/desktop-startup.sh
# Builds nothing: run `mvn -B -q -pl app -am package -DskipTests` first.
set -uo pipefail

minutes="${1:-30}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bin="${KEYWARD_BIN:-$root/keyward}"
password="desktop soak password 7"
work="$(mktemp -d -t keyward-desktop-soak.XXXXXX)"
data="$work/data"
started=()
cleanup() {
  local i p
  # Newest first: the app ends before the X server it draws on (GTK crashes when its display goes away).
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    p="${started[$i]}"
    kill "$p" 2>/dev/null
    for _ in $(seq 600); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 200 259); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  started+=($!)
  export DISPLAY=":$n"
  for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
  if command -v trayer >/dev/null; then
    trayer --edge top --align right --widthtype pixel --width 200 --height 32 >/dev/null 2>&1 &
    started+=($!)
  fi
fi

coproc FAKE { exec python3 "$here/fake-provider.py" "$work/requests"; }
started+=("$FAKE_PID")
read -r port <&"${FAKE[0]}"
base="http://127.0.0.1:$port"

cli() { printf '%s\n' "$password" "${2:-}" | "$bin" --data-dir "$data" --no-agent $1 --password-stdin >/dev/null; }
mkdir -p "$data"
printf '%s\n' "$password" | "$bin" --data-dir "$data" profile create soak --password-stdin >/dev/null || exit 1
cli "settings set dashboard_refresh_interval_seconds 60" || exit 1
i=0
for slug in openai groq mistral deepseek; do
  cli "provider set $slug --api-base-url $base --status-page-url=" || exit 1
  for n in 1 2; do
    i=$((i + 1))
    cli "secret add SOAK_${slug^^}_$n --provider $slug --value-stdin" "soak-$slug-$n-0123456789abcdefghijklmnop" || exit 1
  done
done

marks="$work/marks"
JDK_JAVA_OPTIONS="-Dkeyward.startup.marks=$marks ${DESKTOP_JAVA_OPTIONS:-}" "$bin" --data-dir "$data" >"$work/app.log" 2>&1 &
pid=$!
started+=("$pid")
win="$(xdotool search --sync --onlyvisible --name '^Keyward' | head -n1)"
xdotool windowfocus --sync "$win" 2>/dev/null
until grep -q '^unlock-screen ' "$marks" 2>/dev/null; do sleep 0.2; done
sleep 0.5
xdotool key alt+p
xdotool type --delay 5 "$password"
xdotool key Return
until grep -q '^main-window ' "$marks" 2>/dev/null; do sleep 0.2; done
xdotool key ctrl+3 # the Dashboard page: each refresh reloads what it shows
jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"

rss_mib() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }
sample() { # $1 name: full GC, heap after it, class histogram
  "$jcmd" "$pid" GC.run >/dev/null
  "$jcmd" "$pid" GC.heap_info >"$work/heap-$1.txt"
  "$jcmd" "$pid" GC.class_histogram >"$work/histogram-$1.txt"
  awk '/total/ && /used/ { if (match($0, /used [0-9]+K/)) s += substr($0, RSTART + 5, RLENGTH - 6) } END { printf "%.1f", s / 1024 }' \
    "$work/heap-$1.txt"
}
sleep 60
start_heap="$(sample start)"
start_rss="$(rss_mib)"
start_requests="$(cat "$work/requests" 2>/dev/null || echo 0)"
echo "start: heap after GC $start_heap MiB, RSS $start_rss MiB, fake requests so far $start_requests"
for m in $(seq 1 "$minutes"); do
  sleep 60
  kill -0 "$pid" 2>/dev/null || { echo "the app ended early; its log:"; cat "$work/app.log"; exit 1; }
  echo "minute $m: RSS $(rss_mib) MiB, fake requests $(cat "$work/requests" 2>/dev/null || echo 0)"
done
end_heap="$(sample end)"
end_rss="$(rss_mib)"
end_requests="$(cat "$work/requests" 2>/dev/null || echo 0)"
echo "end: heap after GC $end_heap MiB, RSS $end_rss MiB, fake requests $end_requests ($((end_requests - start_requests)) during the soak)"
echo "largest growth by class (bytes grown from start to end, instances at the end, class):"
awk 'FNR == NR { if ($1 ~ /:$/) b[$4] = $3; next } $1 ~ /:$/ { d = $3 - b[$4]; if (d > 0) print d, $2 - 0, $4 }' \
  "$work/histogram-start.txt" "$work/histogram-end.txt" | sort -rn | head -15
echo "desktop soak, $minutes min, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, extra JVM options: ${DESKTOP_JAVA_OPTIONS:-none}"
