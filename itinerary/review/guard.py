"""The guard in front of the review app: the page's own requests only, security headers on all.

A request passes when its Host names 127.0.0.1 or localhost on the app's port (no DNS
rebinding), its Origin, when there is one, is the app itself, it is not a browser's cross-site
request, a change carries an Origin, and its path starts with the session's random token.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

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


__all__ = ["CSP", "SECURITY_HEADERS", "ASGIApp", "Guard", "Receive", "Scope", "Send"]
