"""A real browser for the tests: Debian's Chromium driven by Playwright, and a local server."""
from __future__ import annotations

import fnmatch
import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's services at every start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-extensions", "--metrics-recording-only"]


def read_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a `_headers` file (Netlify / Cloudflare Pages syntax): a path pattern on
    its own line, then its headers indented, one `Name: value` a line; # starts a comment."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: the site's root 404.html for a missing address, and, when asked, the
    headers of the site's `_headers` file on every response that matches their rules."""

    header_rules: list = []

    def log_message(self, *args):
        pass

    def end_headers(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        for pattern, headers in self.header_rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that moves on before a file is sent closes the connection: not an error."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, headers: bool = False):
    """The folder on http://127.0.0.1:<port>/, like any static host; with headers=True, like
    Netlify or Cloudflare Pages, sending the headers of its `_headers` file."""
    rules = read_headers_file(Path(directory) / "_headers") if headers else []
    handler_class = type("Handler", (StaticHostHandler,), {"header_rules": rules})
    handler = functools.partial(handler_class, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


class PageWatch:
    """Everything a page did that a privacy-minded reader would object to."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.external: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.requests: list = []
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} ({r.status})"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _failed(self, request):
        # ERR_ABORTED: the test navigated on before a late request (the favicon) finished
        if "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.url} ({request.failure})")

    def _request(self, request):
        self.requests.append(request)
        url = request.url
        if not (url.startswith(self.origin + "/") or url.startswith(("data:", "blob:", "about:"))):
            self.external.append(url)

    def problems(self) -> list[str]:
        return ([f"external request: {u}" for u in self.external] + [f"failed: {u}" for u in self.failed]
                + [f"console error: {e}" for e in self.errors])

    def reset(self):
        self.external.clear()
        self.failed.clear()
        self.errors.clear()
        self.requests.clear()
