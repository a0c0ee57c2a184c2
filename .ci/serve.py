"""Serve dist/ on loopback for `make run` and the end-to-end tests.

A path that names no file gets index.html, so deep links (a copied URL with
its filters) reload correctly. With --pages it behaves as GitHub Pages does
instead: the site lives under --base (such as /gongjian/), and a path that
names no file gets 404.html with status 404. With --no-fallback it is a
plain static host (as `python3 -m http.server`): such a path gets the
server's own 404 error page.
Usage: /usr/bin/python3 .ci/serve.py [--port 8080] [--dir dist] [--base /gongjian/ --pages | --no-fallback]
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

    base = "/"
    pages = False
    fallback = True

    def send_head(self):
        if not self.path.startswith(self.base):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.base):]
        path = self.translate_path(self.path)
        if not os.path.exists(path):
            if not self.fallback:
                self.send_error(404)
                return None
            if self.pages:
                return self.send_404_page()
            self.path = "/index.html"
        return super().send_head()

    def send_404_page(self):
        page = os.path.join(self.directory, "404.html")
        if not os.path.exists(page):
            self.send_error(404)
            return None
        f = open(page, "rb")
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.end_headers()
        return f

    def log_message(self, fmt, *args):  # quiet: tests print their own story
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--dir", default="dist")
    ap.add_argument("--base", default="/")
    ap.add_argument("--pages", action="store_true")
    ap.add_argument("--no-fallback", action="store_true")
    args = ap.parse_args()
    Handler.base = args.base if args.base.endswith("/") else args.base + "/"
    Handler.pages = args.pages
    Handler.fallback = not args.no_fallback
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as srv:
        print(f"Serving {args.dir} at http://127.0.0.1:{args.port}/", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
