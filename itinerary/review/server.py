"""The review web app: a Starlette app served by uvicorn on 127.0.0.1, safe by construction.

* bound to 127.0.0.1 only, on a random free port unless one is asked for;
* every path starts with a random token (``/<token>/...``): a request without it is refused;
* the Host header must name 127.0.0.1 or localhost on the app's own port (no DNS rebinding),
  and an Origin header, when there is one, the app itself (no cross-site request); a save must
  carry it, and a browser's ``Sec-Fetch-Site: cross-site`` is refused;
* a strict Content-Security-Policy (scripts and styles of the app only, no inline code, no
  frame), no referrer (the token stays in the address bar), nothing cached;
* no route takes a path: the page reads the draft and article given on the command line, and
  saves the draft only; the static files are a fixed list;
* the page inserts article and draft text with ``textContent``: never as HTML or a template.
"""

from __future__ import annotations

import functools
import hmac
import json
import secrets
import socket
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from itinerary.errors import MissingDependency, ValidationError
from itinerary.review.session import MAX_SAVE_BYTES, Conflict, EditError, ReviewSession

INSTALL_HINT = "the review app needs Starlette and uvicorn: pip install 'itinerary-mapper[review]'"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def require_server() -> None:
    """Raise :class:`MissingDependency` with the install command when the extra is missing."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise MissingDependency(INSTALL_HINT) from None


class Guard:
    """The ASGI wrapper that refuses what is not the page's own request, and adds the security
    headers to every answer (refusals included)."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.prefix = f"/{token}/"
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    def refusal(self, scope: Scope) -> str | None:
        """Why the request is refused (None: it passes)."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if headers.get("host") not in self.hosts:
            return "foreign Host"
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins:
            return "foreign Origin"
        if headers.get("sec-fetch-site") == "cross-site":
            return "cross-site request"
        if scope.get("method", "GET") not in ("GET", "HEAD") and origin is None:
            return "a change without an Origin"
        path: str = scope.get("path", "")
        if not hmac.compare_digest(path[: len(self.prefix)].encode(), self.prefix.encode()):
            return "no token"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        reason = self.refusal(scope)

        async def secured(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if reason is not None:
            body = f"refused: {reason}\n".encode()
            await secured(
                {
                    "type": "http.response.start",
                    "status": 403,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, secured)


@functools.cache
def _static(name: str) -> tuple[bytes, str]:
    kinds = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}
    if name in ("leaflet.js", "leaflet.css"):
        from itinerary.render.assets import leaflet_css, leaflet_js

        text = leaflet_js() if name.endswith(".js") else leaflet_css()
    else:
        text = resources.files("itinerary.review").joinpath(f"static/{name}").read_text("utf-8")
    kind = kinds[name[name.rindex(".") :]]
    return text.encode("utf-8"), f"{kind}; charset=utf-8"


@functools.cache
def _basemap() -> bytes:
    """Country outlines, simplified, for the page's map (offline: no tiles)."""
    import shapely
    from shapely.geometry import mapping, shape

    from itinerary.geocode.regions import basemap_geojson

    feats = []
    for f in basemap_geojson()["features"]:
        g = shapely.simplify(shape(f["geometry"]), 0.05, preserve_topology=True)
        if not g.is_empty:
            feats.append({"type": "Feature", "properties": {}, "geometry": mapping(g)})
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":")).encode()


def _save(session: ReviewSession, lock: Any, body: bytes, headers: Any) -> tuple[int, dict[str, Any]]:
    """The status and JSON answer of a save request."""
    if headers.get("content-type", "").split(";")[0] != "application/json":
        return 415, {"error": "a save is JSON"}
    if len(body) > MAX_SAVE_BYTES:
        return 413, {"error": "the save is too large"}
    try:
        edits = json.loads(body)
    except ValueError:
        return 400, {"error": "the save is not JSON"}
    if not isinstance(edits, dict):
        return 400, {"error": "the save is not a JSON object"}
    with lock:
        try:
            return 200, session.save(edits, headers.get("if-match"))
        except Conflict as exc:
            return 412, {"error": str(exc), "diff": exc.diff, "etag": exc.etag}
        except (EditError, ValidationError) as exc:
            return 422, {"error": str(exc)}


def build_app(session: ReviewSession, token: str, port: int) -> ASGIApp:
    """The guarded ASGI app of a review session."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    lock = threading.Lock()  # one save at a time

    def static(name: str) -> Callable[[Request], Awaitable[Response]]:
        async def serve(request: Request) -> Response:
            body, kind = _static(name)
            return Response(body, media_type=kind)

        return serve

    async def state(request: Request) -> Response:
        return JSONResponse(session.state(), headers={"ETag": session.etag})

    async def candidates(request: Request) -> Response:
        try:
            mention = int(request.query_params.get("mention", ""))
            return JSONResponse(session.candidates(mention))
        except (ValueError, EditError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    async def search(request: Request) -> Response:
        return JSONResponse(session.search(request.query_params.get("q", "")))

    async def basemap(request: Request) -> Response:
        return Response(_basemap(), media_type="application/json")

    async def save(request: Request) -> Response:
        status, answer = _save(session, lock, await request.body(), request.headers)
        headers = {"ETag": answer["etag"]} if status == 200 else None
        return JSONResponse(answer, status_code=status, headers=headers)

    async def mention(request: Request) -> Response:
        body = await request.body()
        if len(body) > 1000:
            return JSONResponse({"error": "too large"}, status_code=413)
        try:
            data = json.loads(body)
            start, end = int(data["start"]), int(data["end"])
            with lock:
                return JSONResponse(session.mention_from_text(start, end))
        except (ValueError, TypeError, KeyError, EditError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    p = f"/{token}"
    routes = [
        Route(f"{p}/", static("review.html")),
        Route(f"{p}/static/review.js", static("review.js")),
        Route(f"{p}/static/review.css", static("review.css")),
        Route(f"{p}/static/leaflet.js", static("leaflet.js")),
        Route(f"{p}/static/leaflet.css", static("leaflet.css")),
        Route(f"{p}/api/state", state),
        Route(f"{p}/api/candidates", candidates),
        Route(f"{p}/api/search", search),
        Route(f"{p}/api/basemap", basemap),
        Route(f"{p}/api/save", save, methods=["POST"]),
        Route(f"{p}/api/mention", mention, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    return Guard(app, token, port)


def bind(port: int = 0) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0: a random free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise ValidationError(
            f"port {port} on 127.0.0.1 is not free ({exc.strerror}); pick another with --port "
            "or leave it out for a random one"
        ) from None
    sock.listen(64)
    return sock


@dataclass
class ReviewServer:
    """A review session served on 127.0.0.1: :meth:`run` blocks, :meth:`start` runs it in a
    thread (notebooks, tests) until :meth:`stop`."""

    session: ReviewSession
    port: int = 0
    token: str = ""
    sock: socket.socket | None = None  # a socket from :func:`bind` (else bound here, on ``port``)

    def __post_init__(self) -> None:
        require_server()
        import uvicorn

        self.token = self.token or secrets.token_urlsafe(24)
        self._listener: socket.socket = self.sock or bind(self.port)
        self.sock = self._listener
        self.port = self._listener.getsockname()[1]
        app = build_app(self.session, self.token, self.port)
        config = uvicorn.Config(app, lifespan="off", ws="none", log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    def run(self) -> None:
        self.server.run(sockets=[self._listener])

    def start(self) -> ReviewServer:
        self._thread = threading.Thread(target=self.run, name="itinerary-review", daemon=True)
        self._thread.start()
        while not self.server.started and self._thread.is_alive():
            self._thread.join(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self._listener.close()
