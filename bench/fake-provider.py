#!/usr/bin/python3
"""A provider API on loopback for the desktop soak (bench/desktop-soak.sh): answers the dashboard's model
list and usage requests the way DashboardBenchmark's fake does (OpenAI-compatible shapes), counts them,
and prints its port on the first line. Listens on 127.0.0.1 only, until killed.

usage: fake-provider.py COUNT_FILE
"""
import http.server
import sys
import threading

MODELS = b'{"object":"list","data":[{"id":"m"}]}'
USAGE = b'{"requests":10,"limit":100,"cost":1.0,"currency":"USD"}'
count = 0
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global count
        path = self.path.split("?")[0]
        body = MODELS if path.endswith("/models") else USAGE if path.endswith("/usage") else None
        with lock:
            count += 1
            with open(sys.argv[1], "w") as f:
                f.write(str(count))
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
