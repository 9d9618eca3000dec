#!/usr/bin/env bash
# The desktop's start-up and memory as a person meets them: the real launcher (./keyward) starts the app on
# an X display (Xvfb), xdotool types the password into the real unlock screen. Figures per run:
#   launch_to_unlock_ms   process start (this script's clock) to the unlock screen's first frame
#   launch_to_mapped_ms   process start to the window being mapped (xdotool search --sync)
#   unlock_to_main_ms     the unlock job's result (key derivation and vault open done) to the main window's
#                         first frame: what the issue calls "unlock to main window after the KDF"
#   enter_to_main_ms      Enter pressed to the main window's first frame (the KDF included)
#   cpu_to_unlock_ms      CPU time (user + system, all threads) the process used until the unlock screen: what a
#                         start costs whatever else runs on the machine (the wall times above grow with the load)
#   cpu_unlock_to_main_ms CPU time from the unlock job's result to the main window (the KDF not included)
#   unlocked_rss_mib      RSS after IDLE seconds unlocked on the Secrets page (jobs running), before any forced GC
#   unlocked_heap_mib     heap used after a full GC (jcmd GC.run, then GC.heap_info), and the RSS after it
#   locked_rss_mib        RSS after Lock (Ctrl+L: lock and stop unless background refresh while locked is on)
#                         and LOCKED_IDLE seconds more, the window closed to the tray (bench/x11-close.py: the window
#                         manager's close message; only unmapped when no trayer runs); then heap after GC. The app
#                         rests there (ui.shell.TrayRest: passes 2 s and 30 s after the close), so LOCKED_IDLE is
#                         at least 35 s: what a person sees once the rest is done
# The first WARMUP runs are shown but left out of the medians: after a build the launcher's first desktop start
# records the AOT training data and the second assembles the cache (docs/performance.md, "Desktop start-up").
#
#   bench/desktop-startup.sh [RUNS=5] [WARMUP=2] [IDLE=15]
#   KEYWARD_BIN=...                 the launcher to measure (default: this tree's ./keyward)
#   DESKTOP_JAVA_OPTIONS="..."      extra JVM options for the app (through JDK_JAVA_OPTIONS), e.g. to compare GCs
#   LOCKED_IDLE=S                   seconds closed to the tray before the locked figures (default: IDLE, at least 35)
#   BENCH_KEEP=1                    keep the work folder (the app's logs, the marks)
#   BENCH_MAP=1                     print what the RSS is made of (bench/memory-map.sh) unlocked and locked, before
#                                   the forced GC; with DESKTOP_JAVA_OPTIONS=-XX:NativeMemoryTracking=summary it
#                                   names the JVM's own mappings (heap, AOT cache, metaspace, code, stacks)
#   DISPLAY=:N                      use that display; without one the script starts Xvfb (and trayer, if installed)
# Needs xdotool and the JDK's jcmd. Builds nothing: run `mvn -B -q -pl app -am package -DskipTests` first
# (the launcher would otherwise build on its own first).
set -uo pipefail

runs="${1:-5}"
warmup="${2:-2}"
idle="${3:-15}"
locked_idle="${LOCKED_IDLE:-$((idle > 35 ? idle : 35))}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bin="${KEYWARD_BIN:-$root/keyward}"
password="desktop bench password 7"
work="$(mktemp -d -t keyward-desktop-bench.XXXXXX)"
data="$work/data"
started=()

now_ms() { date +%s%3N; }
cleanup() {
  local i
  # Newest first (trayer, then Xvfb); each run's app has ended already.
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do kill "${started[$i]}" 2>/dev/null; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 140 199); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break; done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  started+=($!)
  export DISPLAY=":$n"
  for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
  if command -v trayer >/dev/null; then
    trayer --edge top --align right --widthtype pixel --width 200 --height 32 >/dev/null 2>&1 &
    started+=($!)
    sleep 1
  fi
fi
# Whether a system tray runs on the display (trayer, or a desktop's own: its selection has an owner).
tray=false
"$here/x11-close.py" --has-tray 2>/dev/null && tray=true

# The profile: 50 secrets in one project, default key-derivation cost, made by the CLI.
mkdir -p "$data"
printf '%s\n' "$password" | "$bin" --data-dir "$data" profile create bench --password-stdin >/dev/null || exit 1
printf '%s\n' "$password" | "$bin" --data-dir "$data" project create bench --password-stdin >/dev/null || exit 1
for i in $(seq 1 50); do echo "BENCH_KEY_$i=bench-value-$i-0123456789abcdef"; done >"$work/bench.env"
printf '%s\n' "$password" | "$bin" --data-dir "$data" env import "$work/bench.env" --project bench --password-stdin >/dev/null || exit 1

wait_mark() { # $1 mark name, $2 how many of them, $3 marks file; prints the last one's time
  local deadline=$((SECONDS + 120)) n
  while [ $SECONDS -lt $deadline ]; do
    n="$(grep -c "^$1 " "$3" 2>/dev/null)"
    if [ "${n:-0}" -ge "$2" ]; then grep "^$1 " "$3" | sed -n "${2}p" | cut -d' ' -f2; return 0; fi
    sleep 0.01
  done
  return 1
}
cpu_ms() { # user + system CPU time of process $1 (all threads) in ms; /proc/PID/stat fields 14 and 15, in clock ticks
  local stat rest
  stat="$(cat "/proc/$1/stat")"
  rest="${stat##*) }"
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($12 + $13) * 1000 / hz }' <<<"$rest"
}
rss_mib() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
heap_after_gc_mib() { # $1 pid, $2 jcmd: full GC, then the heap's used KiB summed over its generations
  "$2" "$1" GC.run >/dev/null 2>&1
  "$2" "$1" GC.heap_info 2>/dev/null | awk '/total/ && /used/ { if (match($0, /used [0-9]+K/)) s += substr($0, RSTART + 5, RLENGTH - 6) }
    END { printf "%.1f", s / 1024 }'
}

declare -A all
keys=(launch_to_mapped_ms launch_to_unlock_ms unlock_to_main_ms enter_to_main_ms cpu_to_unlock_ms cpu_unlock_to_main_ms unlocked_rss_mib unlocked_heap_mib
      unlocked_rss_after_gc_mib locked_rss_mib locked_heap_mib locked_rss_after_gc_mib)
for run in $(seq 1 $((warmup + runs))); do
  marks="$work/marks.$run"
  log="$work/app.$run.log"
  t0="$(now_ms)"
  JDK_JAVA_OPTIONS="-Dkeyward.startup.marks=$marks ${DESKTOP_JAVA_OPTIONS:-}" "$bin" --data-dir "$data" >"$log" 2>&1 &
  pid=$!
  ( xdotool search --sync --onlyvisible --name '^Keyward' >/dev/null 2>&1; now_ms >"$work/mapped.$run" ) &
  mapper=$!
  declare -A r=()
  wait "$mapper"
  r[launch_to_mapped_ms]=$(($(cat "$work/mapped.$run") - t0))
  win="$(xdotool search --onlyvisible --name '^Keyward' | head -n1)"
  xdotool windowfocus --sync "$win" 2>/dev/null # no window manager gives it the keyboard
  if ! shown="$(wait_mark unlock-screen 1 "$marks")"; then echo "run $run: no unlock screen; log:"; cat "$log"; exit 1; fi
  r[launch_to_unlock_ms]=$((shown - t0))
  r[cpu_to_unlock_ms]="$(cpu_ms "$pid")"
  sleep 0.5
  xdotool key alt+p # the Password label's mnemonic: the field, whatever holds the focus
  xdotool type --delay 5 "$password"
  entered="$(now_ms)"
  xdotool key Return
  if ! unlocked="$(wait_mark unlocked 1 "$marks")"; then echo "run $run: no unlock; log:"; cat "$log"; exit 1; fi
  cpu_unlocked="$(cpu_ms "$pid")"
  if ! main="$(wait_mark main-window 1 "$marks")"; then echo "run $run: no main window; log:"; cat "$log"; exit 1; fi
  r[cpu_unlock_to_main_ms]=$(($(cpu_ms "$pid") - cpu_unlocked))
  r[unlock_to_main_ms]=$((main - unlocked))
  r[enter_to_main_ms]=$((main - entered))
  jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
  sleep "$idle"
  r[unlocked_rss_mib]="$(rss_mib "$pid")"
  [ "${BENCH_MAP:-0}" = 1 ] && { echo "run $run, unlocked:"; "$here/memory-map.sh" "$pid" "$jcmd"; }
  r[unlocked_heap_mib]="$(heap_after_gc_mib "$pid" "$jcmd")"
  r[unlocked_rss_after_gc_mib]="$(rss_mib "$pid")"
  xdotool key ctrl+l
  wait_mark unlock-screen 2 "$marks" >/dev/null
  # Closed as a window manager's close button does: the app hides its window to the tray (JavaFX then
  # drops the window's buffers); without a tray that would quit, so the window is only unmapped then.
  if [ "$tray" = true ]; then "$here/x11-close.py" "$win"; else xdotool windowunmap "$win" 2>/dev/null; fi
  sleep "$locked_idle"
  r[locked_rss_mib]="$(rss_mib "$pid")"
  [ "${BENCH_MAP:-0}" = 1 ] && { echo "run $run, locked:"; "$here/memory-map.sh" "$pid" "$jcmd"; }
  r[locked_heap_mib]="$(heap_after_gc_mib "$pid" "$jcmd")"
  r[locked_rss_after_gc_mib]="$(rss_mib "$pid")"
  kill "$pid"
  # The first run after a build writes the AOT training record as it exits: tens of MB, give it time.
  for _ in $(seq 1200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  line="run $run$([ "$run" -le "$warmup" ] && echo " (warm-up)"):"
  for k in "${keys[@]}"; do
    line+=" $k=${r[$k]}"
    [ "$run" -gt "$warmup" ] && all[$k]+="${r[$k]} "
  done
  echo "$line"
done

echo
echo "desktop start-up, $runs runs after $warmup warm-up, idle $idle s (locked $locked_idle s), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "launcher: $bin; extra JVM options: ${DESKTOP_JAVA_OPTIONS:-none}"
for k in "${keys[@]}"; do
  printf '%s\n' ${all[$k]} | sort -g | awk -v k="$k" '{v[NR] = $1} END { if (NR) printf "%-28s median %8.1f   min %8.1f   max %8.1f\n", k, v[int((NR + 1) / 2)], v[1], v[NR] }'
done
