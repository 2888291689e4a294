"""Headless Chromium (Debian's ``chromium``) driven by Playwright: screenshots and page checks.

Playwright is an optional dependency: ``pip install playwright`` (no browser download is
needed; the system Chromium at ``/usr/bin/chromium`` or ``$ITINERARY_CHROMIUM`` is used).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from itinerary.errors import MissingDependency
from itinerary.options import get_options

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    chosen = get_options().browser_path
    path = str(chosen) if chosen else shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise MissingDependency(
            "headless Chromium not found; install it with 'apt-get install -y chromium' "
            "(or set ITINERARY_CHROMIUM)"
        )
    return path


@contextlib.contextmanager
def browser_page(*, block_network: bool = True, width: int = 1280, height: int = 860) -> Iterator[Any]:
    """A Playwright page in headless Chromium; with ``block_network`` every non-file request
    is aborted and recorded in ``page.blocked_requests``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise MissingDependency("browser checks need Playwright: pip install playwright") from None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context: Any = browser.new_context(viewport={"width": width, "height": height})
            page: Any = context.new_page()
            blocked: list[str] = []
            errors: list[str] = []
            page.blocked_requests = blocked
            page.console_errors = errors
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            if block_network:

                def guard(route: Any) -> None:
                    url = route.request.url
                    if url.startswith(("file:", "data:", "about:", "blob:")):
                        route.continue_()
                    else:
                        blocked.append(url)
                        route.abort()

                context.route("**/*", guard)
            yield page
        finally:
            browser.close()


def screenshot(
    html: str | os.PathLike[str], png: str | os.PathLike[str], *, block_network: bool = True
) -> list[str]:
    """Render ``html`` and save a PNG; returns the console errors seen."""
    with browser_page(block_network=block_network) as page:
        page.goto(Path(html).resolve().as_uri())
        page.wait_for_function("() => window.itineraryDraw !== undefined", timeout=15000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(png))
        errors: list[str] = page.console_errors
        return errors
