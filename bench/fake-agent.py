#!/usr/bin/python3
"""A stand-in agent for measuring the command line's side of the agent path alone (its floor):
answers every connection as docs/agent-protocol.md shows, without a vault behind it.
`secret get` gets VALUE on stdout; `run ... -- CMD...` gets an exec frame for CMD with the
variables of ENV_FILE (NAME=value lines). Listens at the socket path the protocol gives for
DATA_ROOT (XDG_RUNTIME_DIR/keyward when that is set and this user's folder, else DATA_ROOT/run),
until killed.

usage: fake-agent.py DATA_ROOT VALUE ENV_FILE
"""
import hashlib
import json
import os
import socket
import struct
import sys
import threading


def socket_path(root):
    root = os.path.normpath(os.path.abspath(root))
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime) and os.stat(runtime).st_uid == os.getuid():
        folder = os.path.join(runtime, "keyward")
    else:
        folder = os.path.join(root, "run")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return os.path.join(folder, "agent-" + hashlib.sha256(root.encode()).hexdigest()[:16] + ".sock")


def read_frame(conn):
    header = conn.recv(4, socket.MSG_WAITALL)
    if len(header) < 4:
        return None
    (length,) = struct.unpack(">I", header)
    return json.loads(conn.recv(length, socket.MSG_WAITALL))


def send(conn, frame):
    body = json.dumps(dict(v=1, **frame)).encode()
    conn.sendall(struct.pack(">I", len(body)) + body)


def serve(conn, value, env):
    with conn:
        hello = read_frame(conn)
        send(conn, {"type": "welcome", "id": hello["id"], "profile": "bench", "server": "headless", "locked": False})
        command = read_frame(conn)
        argv, rid = command["argv"], command["id"]
        if argv and argv[0] == "run" and "--" in argv:
            send(conn, {"type": "exec", "id": rid, "argv": argv[argv.index("--") + 1:], "env": env})
        else:
            send(conn, {"type": "out", "id": rid, "data": value + "\n"})
            send(conn, {"type": "exit", "id": rid, "code": 0})


def main():
    root, value, env_file = sys.argv[1:4]
    env = dict(line.rstrip("\n").split("=", 1) for line in open(env_file) if "=" in line)
    path = socket_path(root)
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    os.chmod(path, 0o600)
    server.listen(16)
    print(path, flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn, value, env), daemon=True).start()


if __name__ == "__main__":
    main()
