"""Serve dist/ on loopback for `make run` and the end-to-end tests.

A path that names no file gets index.html, so deep links (a copied URL with
its filters) reload correctly, as they will on a static host with a 404.html
fallback. Usage: /usr/bin/python3 .ci/serve.py [--port 8080] [--dir dist]
"""

import argparse
import functools
import http.server
import os


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.exists(path):
            self.path = "/index.html"
        return super().send_head()

    def log_message(self, fmt, *args):  # quiet: tests print their own story
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--dir", default="dist")
    args = ap.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as srv:
        print(f"Serving {args.dir} at http://127.0.0.1:{args.port}/", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
