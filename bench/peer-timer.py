#!/usr/bin/python3
"""Times shell commands side by side: each round runs every command once, in turn, so load
changes on a shared machine hit all of them alike (hyperfine runs one command's series, then the
next). Reports per command the median wall time and the median CPU time (user + system of the
command and its children), which a busy machine inflates far less than wall time.

usage: peer-timer.py JSON_OUT RUNS WARMUP NAME=COMMAND [NAME=COMMAND ...]
Every command must exit 0; its output is discarded.
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    proc = subprocess.Popen(["/bin/sh", "-c", command], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"command failed (exit {code}): {command}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    out, runs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    commands = [arg.split("=", 1) for arg in sys.argv[4:]]
    for _ in range(warmup):
        for _, command in commands:
            run_once(command)
    samples = {name: {"wall": [], "cpu": []} for name, _ in commands}
    for _ in range(runs):
        for name, command in commands:
            wall, cpu = run_once(command)
            samples[name]["wall"].append(wall)
            samples[name]["cpu"].append(cpu)
    result = {"runs": runs, "load_average": os.getloadavg(), "commands": []}
    for name, command in commands:
        s = samples[name]
        result["commands"].append({
            "name": name, "command": command,
            "wall_median_s": statistics.median(s["wall"]), "wall_min_s": min(s["wall"]),
            "cpu_median_s": statistics.median(s["cpu"]), "wall_s": s["wall"], "cpu_s": s["cpu"]})
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
    for c in result["commands"]:
        print(f"  {c['name']:<34} wall median {c['wall_median_s']:.3f} s (min {c['wall_min_s']:.3f})"
              f"   cpu median {c['cpu_median_s']:.3f} s")


if __name__ == "__main__":
    main()
