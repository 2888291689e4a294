"""``itinerary review``: a draft and its article in the browser, to correct and save."""

from __future__ import annotations

from pathlib import Path

import click

from itinerary.cli.main import cli, handle_errors, say


@cli.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--article",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The article the draft was extracted from (the text file given to extract).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Port on 127.0.0.1 (0: a random free port).",
)
@handle_errors
def review(draft: Path, article: Path, open_browser: bool, port: int) -> None:
    """Review a draft against its article in the browser: accept, reject or correct each stop.

    The page shows the article with every place mention marked (kept as a stop, dropped, or
    context), the stops of each traveller, and a map. Keys: j/k next/previous stop, a accept,
    r reject, e edit (place from the gazetteer's candidates or a search, status, date, role),
    u undo, s save. A dropped mention becomes a stop from its panel.

    Saving rewrites DRAFT in place, comments kept, and refuses when the file changed on disk
    since the page read it; reviewed stops get `reviewed: true`, and every decision is added to
    DRAFT.corrections.jsonl beside it. The server listens on 127.0.0.1 only, behind a random
    token in the address; stop it with Ctrl+C.

    \b
      itinerary extract report.txt -o draft.yaml
      itinerary review draft.yaml --article report.txt --open
      itinerary map draft.yaml -o draft.html
    """
    from itinerary.review.server import ReviewServer, bind, require_server
    from itinerary.review.session import ReviewSession

    require_server()  # before the slow part: say how to install the extra
    sock = bind(port)  # ... and whether the port is free
    try:
        say(f"reading {article.name} and {draft.name} ...")
        server = ReviewServer(ReviewSession(draft, article), sock=sock)
    except BaseException:
        sock.close()
        raise
    say(f"review {draft.name} at {server.url}  (Ctrl+C to stop)", fg="green")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    server.run()
