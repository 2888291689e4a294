"""Fixtures of the review tests: an article written for them, its draft from the real extractor
on the mini gazetteer (with comments added, as a person would), and the real server on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ARTICLE = """\
# date: 2023-09-14
# title: A leader's trip east
---
North Korean leader Kim Jong Un arrived in Vladivostok on Tuesday by armoured train, state media said.

He met President Vladimir Putin at the Vostochny cosmodrome on Wednesday. \
Officials in Seoul and Tokyo watched closely.

Kim will travel to Khabarovsk on Friday, and then to Komsomolsk-on-Amur, according to Russian media.

A visit to Moscow was cancelled.
"""

HEAD_COMMENT = "# Draft from the article: check every stop before mapping it."
STOPS_COMMENT = "# in travel order"


@pytest.fixture(scope="session")
def extractor(mini_geocoder):  # type: ignore[no-untyped-def]
    """The real extractor on the mini gazetteer (spaCy's English pipeline)."""
    pytest.importorskip("spacy")
    from itinerary.extract import Extractor

    return Extractor(mini_geocoder)


def write_pair(folder: Path, extractor: Any, article: str = ARTICLE) -> tuple[Path, Path]:
    """The article and its draft (extracted now, with two comments added) in ``folder``."""
    from itinerary.extract import read_article
    from itinerary.io import yaml as yaml_io

    a = folder / "article.txt"
    a.write_text(article, encoding="utf-8")
    text = yaml_io.dumps(extractor.extract(read_article(a)))
    text = text.replace("  stops:\n", f"  stops:  {STOPS_COMMENT}\n", 1)
    d = folder / "draft.yaml"
    d.write_text(f"{HEAD_COMMENT}\n{text}", encoding="utf-8")
    return d, a


@pytest.fixture
def serve() -> Iterator[Callable[..., Any]]:
    """Start the real review server (uvicorn in a thread, on 127.0.0.1) for a session."""
    from itinerary.review.server import ReviewServer

    started: list[ReviewServer] = []

    def start(session: Any) -> ReviewServer:
        srv = ReviewServer(session).start()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture
def page_of() -> Iterator[Callable[[str], Any]]:
    """A headless Chromium page that may reach the review server only (anything else is aborted
    and recorded in ``page.blocked_requests``); console errors land in ``page.console_errors``."""
    from itinerary.render.browser import CHROMIUM_ARGS, chromium_path

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:

            def open_page(url: str) -> Any:
                origin = url.split("/", 3)[:3]
                allowed = "/".join(origin) + "/"
                context = browser.new_context(viewport={"width": 1400, "height": 820})
                page = context.new_page()
                page.blocked_requests = []
                page.console_errors = []
                page.on(
                    "console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None
                )
                page.on("pageerror", lambda e: page.console_errors.append(str(e)))

                def guard(route: Any) -> None:
                    u = route.request.url
                    if u.startswith((allowed, "data:")):
                        route.continue_()
                    else:
                        page.blocked_requests.append(u)
                        route.abort()

                context.route("**/*", guard)
                page.goto(url)
                page.wait_for_selector("body[data-ready='1']")
                return page

            yield open_page
        finally:
            browser.close()
