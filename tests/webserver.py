"""A web server on 127.0.0.1 for the fetch and feed tests: each path answers as a route says (status, headers,
body, delays, a connection cut short), and a guard that refuses every connection that is not to this machine."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Route:
    """How one path answers."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the headers
    trickle: float = 0.0  # between chunks of the body
    chunks: int = 1
    gzip: bool = False
    cut_after: int | None = None  # send this many body bytes, then close (the Content-Length promised more)
    hits: int = 0
    seen_headers: list[dict[str, str]] = field(default_factory=list)
    answer: object = None  # a callable(request headers) -> Route | None that decides per request (304s)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        route = self.server.routes.get(self.path)  # type: ignore[attr-defined]
        if route is None:
            route = Route(b"not here", 404, "text/plain")
        route.hits += 1
        route.seen_headers.append(dict(self.headers))
        if callable(route.answer):
            route = route.answer(dict(self.headers)) or route
        time.sleep(route.delay)
        body = gzip.compress(route.body) if route.gzip else route.body
        try:
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if route.cut_after is not None:
                self.wfile.write(body[:route.cut_after])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            step = max(1, -(-len(body) // route.chunks))
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(route.trickle)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:  # a client that gave up: expected
        pass


class LocalServer:
    """The server, running in a thread; ``url(path)`` is a full address on it."""

    def __init__(self) -> None:
        self.httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = {}  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def routes(self) -> dict[str, Route]:
        """Path → Route."""
        return self.httpd.routes  # type: ignore[attr-defined]

    def url(self, path: str) -> str:
        """The address of ``path`` on this server."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()


def serve():
    """A local web server for one test (use as a generator fixture: ``yield from serve()``)."""
    server = LocalServer()
    yield server
    server.close()


def guard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse (and record) every connection or name lookup that is not for this machine."""
    tried: list[str] = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if host not in LOOPBACK:
            tried.append(f"connect {address}")
            raise OSError(f"network access attempted in a test: {address}")
        return real_connect(sock, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host not in LOOPBACK:
            tried.append(f"getaddrinfo {host}")
            raise OSError(f"network access attempted in a test: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return tried
