#!/usr/bin/env bash
# What a running JVM's resident memory is made of: RSS from /proc/PID/status (anonymous, file-backed, shared),
# then `jcmd PID System.map` (JDK 22+; mappings with their RSS, named by native memory tracking when the JVM runs
# with -XX:NativeMemoryTracking=summary) summed by kind, and NMT's committed figures when tracking is on.
#
#   bench/memory-map.sh PID [JCMD]     JCMD: the jcmd of the JVM that runs PID (default: found from /proc/PID/exe)
#
# Kinds: the JVM's own (JAVAHEAP, CDS = the AOT cache or CDS archive mapping, CLASS and META = metaspace, CODE,
# STACK = thread stacks the JVM knows, GC), "[heap] malloc" (glibc's main arena), "anon, unnamed" (other malloc
# arenas and native libraries' own mappings: GTK, JavaFX's renderer, AWT), and file mappings by what they are.
set -uo pipefail

pid="$1"
jcmd="${2:-$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd}"
awk '/^(VmRSS|RssAnon|RssFile|RssShmem):/ { printf "%-9s %7.1f MiB\n", $1, $2 / 1024 }' "/proc/$pid/status"
echo "threads   $(ls "/proc/$pid/task" | wc -l)"
# The AOT cache's (or CDS archive's) file mappings: clean pages are the file's, shared with the page cache; dirty
# ones were written after mapping (relocated pointers, linked classes) and are the process's own.
awk '/^[0-9a-f]+-[0-9a-f]+ / { aot = ($NF ~ /\.(aot|jsa)$/); next }
  aot && /^(Rss|Private_Clean|Private_Dirty|Shared_Clean):/ { s[$1] += $2 }
  END { for (k in s) printf "AOT/CDS file mappings %-15s %7.1f MiB\n", k, s[k] / 1024 }' "/proc/$pid/smaps" 2>/dev/null
"$jcmd" "$pid" System.map 2>/dev/null | awk '
  /^0x/ && NF >= 9 {
    rss = $4; info = $8; file = $9
    if (info != "-" && info == "CDS" && file ~ /\.aot$/) k = "CDS: the AOT cache (" file ")"
    else if (info ~ /^STACK/) k = "STACK: thread stacks the JVM knows"
    else if (info != "-") k = info
    else if (file == "[heap]") k = "[heap] malloc main arena"
    else if (file == "-") k = "anon, unnamed: malloc arenas, native libraries (GTK, prism, AWT)"
    else if (file ~ /^\[/) k = file
    else if (file ~ /libjvm\.so/) k = "libjvm.so"
    else if (file ~ /\.openjfx|libglass|libprism|libjavafx|libdecora|libglassgtk/) k = "JavaFX native libraries"
    else if (file ~ /\.jar$/) k = "jars"
    else if (file ~ /\/lib\/modules$/) k = "JDK modules image"
    else if (file ~ /\.(ttf|otf|pfb|ttc)$/) k = "fonts"
    else if (file ~ /\.aot$|\.jsa$/) k = "CDS/AOT file, not named by NMT"
    else if (file ~ /(gtk|gdk|glib|gio|gobject|pango|cairo|harfbuzz|freetype|fontconfig|X11|xcb|Xext|Xrender|Xi|Xtst|png|jpeg|tiff|pixman|atk|epoxy|wayland|ffi|pcre|mount|blkid|selinux|expat|uuid|Xcursor|Xrandr|Xinerama|Xfixes|Xdamage|Xcomposite|xkb|fribidi|thai|datrie|graphite|brotli|bz2|z\.so|gmodule|gthread|dbus|systemd|lzma|zstd|lz4|cap|gcrypt|gpg-error)/) k = "desktop libraries (GTK, X11, fonts)"
    else if (file ~ /\/jvm\/|\/jdk/) k = "JDK native libraries"
    else if (file ~ /\.so/) k = "other shared libraries"
    else k = "other files"
    sum[k] += rss
    total += rss
  }
  END {
    for (k in sum) printf "%9.1f MiB  %s\n", sum[k] / 1048576, k | "sort -rn"
    close("sort -rn")
    printf "%9.1f MiB  total of System.map\n", total / 1048576
  }'
# NMT's committed figures, one line per category (only when the JVM tracks). Not while the JVM records an AOT
# configuration (-XX:AOTMode=record): JDK 25.0.3's VM.native_memory then crashes it (SIGSEGV in
# FileMapInfo::readonly_total, seen twice in bench/desktop-startup.sh's first runs after a build).
if tr '\0' '\n' <"/proc/$pid/cmdline" | grep -q '^-XX:AOTMode=record$'; then
  echo "NMT not read: the JVM records an AOT configuration"
  exit 0
fi
"$jcmd" "$pid" VM.native_memory summary scale=MB 2>/dev/null | awk '
  /^-/ && /committed=/ { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name)
    if (match($0, /committed=[0-9]+MB/)) printf "NMT %-28s committed %5s MiB\n", name, substr($0, RSTART + 10, RLENGTH - 12) }
  /^Total:/ { print "NMT " $0 }'
