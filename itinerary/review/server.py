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

The guard itself is :mod:`itinerary.review.guard`.
"""

from __future__ import annotations

import functools
import json
import secrets
import socket
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from itinerary.errors import MissingDependency, ValidationError
from itinerary.review.corpus import PER_PAGE, Corpus
from itinerary.review.guard import CSP, SECURITY_HEADERS, ASGIApp, Guard
from itinerary.review.session import MAX_SAVE_BYTES, Conflict, EditError, ReviewSession

__all__ = ["CSP", "SECURITY_HEADERS", "Guard", "ReviewServer", "bind", "build_app", "build_corpus_app"]

INSTALL_HINT = "the review app needs Starlette and uvicorn: pip install 'itinerary-mapper[review]'"


def require_server() -> None:
    """Raise :class:`MissingDependency` with the install command when the extra is missing."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise MissingDependency(INSTALL_HINT) from None


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


SessionOf = Callable[[Any], Awaitable[ReviewSession]]


def static(name: str) -> Callable[[Any], Awaitable[Any]]:
    """The endpoint of one of the app's static files (a fixed table: no path is taken)."""
    from starlette.responses import Response

    async def serve(request: Any) -> Response:
        body, kind = _static(name)
        return Response(body, media_type=kind)

    return serve


def _opened(session_of: SessionOf, handler: Callable[[Any, ReviewSession], Awaitable[Any]]) -> Any:
    """An endpoint that gives ``handler`` the request's session, or says why there is none."""
    from starlette.responses import JSONResponse

    async def endpoint(request: Any) -> Any:
        try:
            session = await session_of(request)
        except KeyError:
            return JSONResponse({"error": "no such draft in this corpus"}, status_code=404)
        except (ValidationError, OSError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        return await handler(request, session)

    return endpoint


class _DraftApi:
    """The JSON endpoints of one review page (``after_save(request, session)`` runs after a save
    was written)."""

    def __init__(self, lock: Any, after_save: Any = None) -> None:
        self.lock = lock
        self.after_save = after_save

    async def state(self, request: Any, session: ReviewSession) -> Any:
        from starlette.responses import JSONResponse

        answer = session.state()
        answer["queue"] = self.after_save is not None
        return JSONResponse(answer, headers={"ETag": session.etag})

    async def candidates(self, request: Any, session: ReviewSession) -> Any:
        from starlette.responses import JSONResponse

        try:
            mention = int(request.query_params.get("mention", ""))
            return JSONResponse(session.candidates(mention))
        except (ValueError, EditError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    async def search(self, request: Any, session: ReviewSession) -> Any:
        from starlette.responses import JSONResponse

        return JSONResponse(session.search(request.query_params.get("q", "")))

    async def basemap(self, request: Any) -> Any:
        from starlette.responses import Response

        return Response(_basemap(), media_type="application/json")

    async def save(self, request: Any, session: ReviewSession) -> Any:
        from starlette.responses import JSONResponse

        status, answer = _save(session, self.lock, await request.body(), request.headers)
        if status == 200 and self.after_save is not None:
            self.after_save(request, session)
        headers = {"ETag": answer["etag"]} if status == 200 else None
        return JSONResponse(answer, status_code=status, headers=headers)

    async def mention(self, request: Any, session: ReviewSession) -> Any:
        from starlette.responses import JSONResponse

        body = await request.body()
        if len(body) > 1000:
            return JSONResponse({"error": "too large"}, status_code=413)
        try:
            data = json.loads(body)
            start, end = int(data["start"]), int(data["end"])
            with self.lock:
                return JSONResponse(session.mention_from_text(start, end))
        except (ValueError, TypeError, KeyError, EditError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)


def _draft_routes(prefix: str, session_of: SessionOf, lock: Any, after_save: Any = None) -> list[Any]:
    """The routes of one review page under ``prefix``; ``session_of(request)`` gives its session
    (``after_save(request, session)`` runs after a save was written)."""
    from starlette.routing import Route

    def opened(handler: Callable[[Any, ReviewSession], Awaitable[Any]]) -> Any:
        return _opened(session_of, handler)

    api = _DraftApi(lock, after_save)
    p = prefix
    return [
        Route(f"{p}/", static("review.html")),
        Route(f"{p}/static/review.js", static("review.js")),
        Route(f"{p}/static/review.css", static("review.css")),
        Route(f"{p}/static/leaflet.js", static("leaflet.js")),
        Route(f"{p}/static/leaflet.css", static("leaflet.css")),
        Route(f"{p}/api/state", opened(api.state)),
        Route(f"{p}/api/candidates", opened(api.candidates)),
        Route(f"{p}/api/search", opened(api.search)),
        Route(f"{p}/api/basemap", api.basemap),
        Route(f"{p}/api/save", opened(api.save), methods=["POST"]),
        Route(f"{p}/api/mention", opened(api.mention), methods=["POST"]),
    ]


def build_app(session: ReviewSession, token: str, port: int) -> ASGIApp:
    """The guarded ASGI app of a review session."""
    from starlette.applications import Starlette

    async def the_session(request: Any) -> ReviewSession:
        return session

    lock = threading.Lock()  # one save at a time
    return Guard(Starlette(routes=_draft_routes(f"/{token}", the_session, lock)), token, port)


def _load_extractor(shared: dict[str, Any], lock: Any) -> None:
    """The extractor every draft of a corpus shares, in ``shared``, its models loaded (a short
    analysis), so the first draft opened does not wait for them; None without its extra."""
    with lock:
        if "extractor" in shared:
            return
        try:
            from itinerary.extract import Article, Extractor

            extractor = Extractor()
            extractor.analyse(Article(text="The president arrived in Paris on Monday.", language="en"))
        except MissingDependency:
            extractor = None
        shared["extractor"] = extractor


#: the review sessions a corpus keeps open (each holds its article's analysis)
OPEN_SESSIONS = 8


class _CorpusSessions:
    """The review sessions of a corpus's drafts: the last :data:`OPEN_SESSIONS` opened are kept
    (each holds its article's analysis), all sharing one extractor (spaCy loads once)."""

    def __init__(self, corpus: Corpus, lock: Any, analyse: bool) -> None:
        self.corpus = corpus
        self.lock = lock  # one save (or session opening) at a time
        self.analyse = analyse
        self.sessions: OrderedDict[str, ReviewSession] = OrderedDict()
        self.shared: dict[str, Any] = {}  # one extractor for every draft

    def load_extractor(self) -> None:
        if self.analyse:
            _load_extractor(self.shared, self.lock)

    def open(self, name: str) -> ReviewSession:
        self.load_extractor()  # at once, unless the warm-up has it (or is loading it: then wait)
        with self.lock:
            if name in self.sessions:
                self.sessions.move_to_end(name)
                return self.sessions[name]
            self.corpus.check_openable(name)
            session = ReviewSession(
                self.corpus.draft_path(name),
                self.corpus.article_path(name),
                extractor=self.shared.get("extractor"),
                analyse=self.analyse and self.shared.get("extractor") is not None,
            )
            self.sessions[name] = session
            while len(self.sessions) > OPEN_SESSIONS:
                self.sessions.popitem(last=False)
            return session

    async def session_of(self, request: Any) -> ReviewSession:
        from starlette.concurrency import run_in_threadpool

        name = request.path_params["name"]
        if name not in self.corpus.rows:
            raise KeyError(name)
        return await run_in_threadpool(self.open, name)

    def after_save(self, request: Any, session: ReviewSession) -> None:
        self.corpus.mark_reviewed(request.path_params["name"], session.itinerary, session.draft_bytes)


def _queue(corpus: Corpus) -> Callable[[Any], Awaitable[Any]]:
    """The endpoint of the queue: one page of the corpus's drafts, filtered, and the facets."""
    from starlette.responses import JSONResponse

    async def queue(request: Any) -> Any:
        q = request.query_params
        try:
            answer = corpus.page(
                traveller=q.get("traveller", ""),
                language=q.get("language", ""),
                show=q.get("show", "todo"),
                page=int(q.get("page", "1")),
                per_page=int(q.get("per_page", str(PER_PAGE))),
            )
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        answer["facets"] = corpus.facets()
        return JSONResponse(answer)

    return queue


def build_corpus_app(corpus: Corpus, token: str, port: int, *, analyse: bool = True) -> ASGIApp:
    """The guarded ASGI app of a corpus: the queue at ``/<token>/``, each draft's review page
    at ``/<token>/d/<name>/`` (``name`` must be a draft of the manifest: no path is taken from
    the request)."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    lock = threading.Lock()  # one save (or session opening) at a time
    sessions = _CorpusSessions(corpus, lock, analyse)
    if analyse:  # the language models load while the person looks at the queue
        threading.Thread(target=sessions.load_extractor, name="itinerary-review-warm-up", daemon=True).start()
    p = f"/{token}"
    routes = [
        Route(f"{p}/", static("queue.html")),
        Route(f"{p}/static/queue.js", static("queue.js")),
        Route(f"{p}/static/review.css", static("review.css")),
        Route(f"{p}/api/queue", _queue(corpus)),
        *_draft_routes(f"{p}/d/{{name}}", sessions.session_of, lock, sessions.after_save),
    ]
    return Guard(Starlette(routes=routes), token, port)


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

    session: ReviewSession | None = None
    port: int = 0
    token: str = ""
    sock: socket.socket | None = None  # a socket from :func:`bind` (else bound here, on ``port``)
    corpus: Corpus | None = None  # a build's output folder: the queue (instead of ``session``)
    analyse: bool = True  # corpus: let the extractor analyse each article opened

    def __post_init__(self) -> None:
        require_server()
        import uvicorn

        self.token = self.token or secrets.token_urlsafe(24)
        self._listener: socket.socket = self.sock or bind(self.port)
        self.sock = self._listener
        self.port = self._listener.getsockname()[1]
        if self.corpus is not None:
            app = build_corpus_app(self.corpus, self.token, self.port, analyse=self.analyse)
        elif self.session is not None:
            app = build_app(self.session, self.token, self.port)
        else:
            raise ValueError("a review server needs a session or a corpus")
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
