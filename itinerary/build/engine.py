"""The map step: extract articles, in this process or on Dask workers.

A worker keeps one :class:`~itinerary.extract.Extractor` for its whole life (the spaCy
pipelines and the gazetteer load once per process, warmed up by :class:`WarmUp` when the
worker joins). Each task returns an :class:`Outcome`: the draft's YAML text, or why the
article failed. Dask re-runs the tasks of a worker that dies on another worker (up to
``distributed.scheduler.allowed-failures`` times, 3 by default).

:func:`jobs` turns the pending articles into the tasks (or the outcomes the screen's first pass
decides at once); :func:`dask_mapper` runs the merge's batches on the same cluster.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itinerary.build.observations import gc_paused
from itinerary.build.screen import SCREENED, Screen, cues, function_words
from itinerary.build.sources import DraftSettings, Item, to_article
from itinerary.errors import ExtractionError, ItineraryError
from itinerary.extract import Article, Extractor, supported_languages
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary

if TYPE_CHECKING:
    from itinerary.build.summary import Summary
    from itinerary.merge.split import Mapper

SCALE_INSTALL = 'pip install "itinerary[scale]"'
CONNECT_TIMEOUT_S = 20.0  # to reach a remote scheduler and hear it answer
# The local cluster's event loops check they are not blocked every 200 ms, not every 20 ms (Dask's
# default): the scheduler, the nannies and the client live in the build's process, and their ticks
# cost it about 30 ms of CPU a second (a seventh of what the reading process spends while two workers
# extract, on a core the workers need); a blocked loop is still reported, after 3 s as before.
LOCAL_CLUSTER_CONFIG = {"distributed.admin.tick.interval": "200ms"}
NO_TRIP_REASON = "no trip found (no place is named as where someone goes or is)"


class BuildError(ItineraryError):
    """The build cannot run (no scheduler, no workers); nothing about one article."""


@dataclass(frozen=True)
class Job:
    """One article to extract; ``screen``: give it to the screen's second pass first (its
    language is not stated: the detector decides which pack reads it)."""

    name: str
    origin: str
    digest: str
    article: Article
    screen: bool = False


@dataclass(frozen=True)
class Outcome:
    """What one article gave. ``cacheable`` is False for failures that may not recur (a crash);
    ``screened`` is True when the screen sent the article to "no trip" unread; ``empty`` when the
    extractor read it and found no trip (most news reports none: no failure either)."""

    name: str
    origin: str
    digest: str
    draft: str | None = None
    itinerary: Itinerary | None = None
    reason: str | None = None
    cacheable: bool = True
    screened: bool = False
    empty: bool = False

    @property
    def no_trip(self) -> bool:
        """The article holds no trip (screened out, or read and found empty)."""
        return self.screened or self.empty

    @property
    def ok(self) -> bool:
        return self.draft is not None


@functools.cache
def extractor() -> Extractor:
    """The extractor of this process (models and gazetteer load on first use)."""
    return Extractor()


def warm_up() -> None:
    """Load what extraction needs so the first article does not pay for it."""
    from itinerary.extract.nlp import MODELS, has_model, pipeline  # deferred: spaCy, on workers only

    ex = extractor()
    for lang in MODELS:
        if has_model(lang):
            pipeline(lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ex.geocoder.geocode("Vladivostok")
    for code in supported_languages():  # the screen's words of every pack
        cues(code)
    function_words()  # the screen's guess of a language


@functools.cache
def screen() -> Screen:
    """The screen of this process (its gazetteer is the extractor's)."""
    return Screen()


def extract_one(job: Job) -> Outcome:
    """Extract one article (after the screen's second pass when the job asks for it); never
    raises (a failure is an outcome with its reason)."""
    try:
        article = job.article
        if job.screen:
            may, article = screen().second_pass(article)
            if not may:
                return Outcome(job.name, job.origin, job.digest, reason=SCREENED, screened=True)
        with warnings.catch_warnings():  # doubtful stops are marked needs_review in the draft
            warnings.simplefilter("ignore")
            it = extractor().extract(article)
        if not it.trips:
            return Outcome(job.name, job.origin, job.digest, reason=NO_TRIP_REASON, empty=True)
        text = yaml_io.dumps(it)
        return Outcome(job.name, job.origin, job.digest, text, yaml_io.loads(text, source=job.name))
    except ItineraryError as exc:
        reason = str(exc) if str(exc).startswith(job.origin) else f"{job.origin}: {exc}"
        return Outcome(job.name, job.origin, job.digest, reason=reason)
    except Exception as exc:  # a bug must not stop a long run; the next run tries again
        reason = f"{job.origin}: internal error ({type(exc).__name__}: {exc}); please report it"
        return Outcome(job.name, job.origin, job.digest, reason=reason, cacheable=False)


def serial_outcomes(stream: Iterator[Job | Outcome]) -> Iterator[Outcome]:
    """Extract in this process, one article after the other."""
    for job in stream:
        yield job if isinstance(job, Outcome) else extract_one(job)


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


@contextlib.contextmanager
def dask_client(
    workers: int | None, scheduler: str | None, dashboard: bool, timeout: float = CONNECT_TIMEOUT_S
) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler`` (checked first by :func:`check_scheduler`,
    within ``timeout`` seconds), or of a new local cluster of processes."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        check_scheduler(scheduler, timeout)
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except ValueError as exc:  # not an address: 'foo', 'http://...'
            raise _not_an_address(scheduler, exc) from None
        except (OSError, TimeoutError) as exc:
            raise BuildError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                "`dask scheduler` and give its address (tcp://HOST:8786)"
            ) from None
        with client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    # The scheduler's web server (dashboard, metrics) on a free port: never a clash with another cluster
    web: dict[str, Any] = {"dashboard_address": ":0"}
    if not dashboard:
        web["scheduler_kwargs"] = {"dashboard": False}
    import dask

    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),  # the workers take it too (a nanny hands its config on)
        LocalCluster(n_workers=n, threads_per_worker=1, processes=True, **web) as cluster,
        Client(cluster) as client,
    ):
        from itinerary.build.plugin import QuickExit  # deferred: dask.distributed, an optional extra

        client.register_plugin(QuickExit(), name=QuickExit.name)  # our own workers: no slow exit
        try:
            yield client
        except KeyboardInterrupt:
            _stop_now(cluster)
            raise


def _stop_now(cluster: Any) -> None:
    """After Ctrl-C: end the local workers at once and quietly (a graceful close waits for
    the article each is extracting, and logs a warning or a traceback per worker). Their
    finished drafts are already written; the next run resumes."""
    import logging
    import signal

    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    for nanny in list(getattr(cluster, "workers", {}).values()):
        with contextlib.suppress(Exception):  # a nanny still starting, or gone: nothing to end
            nanny.close_gracefully()  # what a cluster's shutdown does: no restart of its worker
            if isinstance(nanny.pid, int):
                os.kill(nanny.pid, signal.SIGKILL)


def _not_an_address(scheduler: str, exc: Exception) -> BuildError:
    return BuildError(
        f"--scheduler {scheduler!r} is not a Dask scheduler address ({exc}); give it as tcp://HOST:8786"
    )


def check_scheduler(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Connect to ``address``, shake hands and ask who answers, all within ``timeout``
    seconds; :class:`BuildError` naming the address when it is not a Dask scheduler that
    answers. (``distributed.Client``'s own timeout covers the TCP connection only: a server
    that accepts and never answers would make it wait forever.)"""
    import asyncio
    import threading

    from distributed.comm import connect, parse_address, parse_host_port

    async def identity() -> Any:
        scheme, loc = parse_address(address, strict=True)
        if scheme in ("tcp", "tls", "ws", "wss"):  # is anything listening there?
            _, writer = await asyncio.open_connection(*parse_host_port(loc))
            writer.close()
            result["connected"] = True
        comm = await connect(address, timeout=timeout)  # connects, then shakes hands
        try:
            await comm.write({"op": "identity", "reply": True})
            return await comm.read()
        finally:
            comm.abort()

    result: dict[str, Any] = {}

    def probe() -> None:  # in a thread of its own: the caller may be inside an event loop
        try:
            result["reply"] = asyncio.run(asyncio.wait_for(identity(), timeout))
        except BaseException as exc:  # handed to the caller below
            result["error"] = exc

    thread = threading.Thread(target=probe, name="itinerary-scheduler-check", daemon=True)
    thread.start()
    thread.join(timeout + 5.0)
    _judge_answer(address, timeout, result, answered=not thread.is_alive())


def _judge_answer(address: str, timeout: float, result: dict[str, Any], *, answered: bool) -> None:
    """Raise the :class:`BuildError` that says what the server at ``address`` is, from what
    :func:`check_scheduler`'s probe found (nothing when it is a Dask scheduler)."""
    error = result.get("error")
    if (not answered or isinstance(error, TimeoutError)) and not result.get("connected"):
        raise BuildError(
            f"cannot reach the Dask scheduler at {address} (no connection within {timeout:g} s); start "
            "one with `dask scheduler` and give its address (tcp://HOST:8786)"
        )
    if not answered or isinstance(error, TimeoutError):
        raise BuildError(
            f"the server at {address} accepted the connection but did not answer as a Dask scheduler "
            f"within {timeout:g} s; check the address and port (the scheduler's is 8786 by default)"
        )
    if isinstance(error, KeyboardInterrupt):
        raise error
    if isinstance(error, ValueError | OverflowError | TypeError) and not result.get("connected"):
        raise _not_an_address(address, error)  # 'foo', 'http://...', 'tcp://[::1', port 99999
    if isinstance(error, OSError):
        raise BuildError(
            f"cannot reach the Dask scheduler at {address} ({error}); start one with "
            "`dask scheduler` and give its address (tcp://HOST:8786)"
        )
    reply = result.get("reply")
    if error is not None or not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        what = f"it answered {str(reply)[:60]!r}" if error is None else "its answer is not Dask's protocol"
        raise BuildError(
            f"the server at {address} is not a Dask scheduler ({what}); check the address and "
            "port (the scheduler's is 8786 by default)"
        )


def prepare_workers(client: Any, wait_s: float = 60.0) -> int:
    """Wait for a worker, install the warm-up plugin; the number of worker threads."""
    try:
        client.wait_for_workers(1, timeout=wait_s)
    except TimeoutError:
        raise BuildError(
            f"no Dask worker joined the scheduler in {wait_s:.0f} s; "
            f"start some with `dask worker {client.scheduler.address}`"
        ) from None
    from itinerary.build.plugin import WarmUp  # deferred: dask.distributed, an optional extra

    try:
        client.register_plugin(WarmUp(), name=WarmUp.name)
    except (ImportError, ItineraryError) as exc:  # raised on a worker, re-raised here
        raise BuildError(
            f"the Dask workers cannot load the extractor ({type(exc).__name__}: {exc}); install "
            f'itinerary with its extras on every worker machine: pip install "itinerary[scale]"'
        ) from None
    return int(sum(client.nthreads().values()))


def dashboard_link(client: Any) -> str | None:
    services = client.scheduler_info().get("services", {})
    return str(client.dashboard_link) if "dashboard" in services else None


def dask_outcomes(client: Any, stream: Iterator[Job | Outcome], in_flight: int) -> Iterator[Outcome]:
    """Extract on the cluster, at most ``in_flight`` tasks at a time, in completion order."""
    from distributed import as_completed

    jobs: dict[str, Job] = {}
    # results fetched by the client's own thread as each task ends (one round trip to a worker
    # per result in this thread cost 30 ms apiece on a busy machine, while the workers waited)
    done = as_completed(with_results=True, raise_errors=False)
    while True:
        while done.count() < in_flight:
            item = next(stream, None)
            if item is None:
                break
            if isinstance(item, Outcome):
                yield item
                continue
            key = f"itinerary-extract-{item.digest[:16]}-{item.name}"
            jobs[key] = item
            done.add(client.submit(extract_one, item, key=key, pure=False))
        if done.is_empty():
            return
        future, result = next(done)
        yield _collect(future, result, jobs.pop(future.key))
        future.release()


def _collect(future: Any, result: Any, job: Job) -> Outcome:
    if future.status == "finished" and isinstance(result, Outcome):
        return result
    if future.status == "cancelled":
        raise BuildError(
            "the Dask scheduler cancelled the work (was it stopped?); run the same command again to resume"
        )
    exc = future.exception()
    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        reason = (
            f"{job.origin}: the workers extracting it died repeatedly ({exc}); "
            "check their memory limit and logs"
        )
    else:
        reason = f"{job.origin}: the task failed on the cluster ({type(exc).__name__}: {exc})"
    return Outcome(job.name, job.origin, job.digest, reason=reason, cacheable=False)


def dask_mapper(client: Any) -> Mapper:
    """The merge's batches of travellers as tasks on ``client``'s cluster, results in order.

    Each batch goes and comes back as one pickled blob (made in this process and on the worker,
    never read from elsewhere): Dask would otherwise walk every object of a batch looking for
    tasks inside it, which cost more than the merge itself (25 s, 14 s as blobs, for 10,000 drafts)."""

    def run(fn: Callable[[Any], Any], batches: list[Any]) -> list[Any]:
        blobs = [pickle.dumps((fn, b), protocol=pickle.HIGHEST_PROTOCOL) for b in batches]
        done = client.gather(client.map(_run_blob, blobs, pure=False))
        return [pickle.loads(r) for r in done]

    return run


def _run_blob(blob: bytes) -> bytes:
    fn, batch = pickle.loads(blob)
    with gc_paused():
        return pickle.dumps(fn(batch), protocol=pickle.HIGHEST_PROTOCOL)


def jobs(
    pending: list[Item], settings: DraftSettings, screen: Screen | None, summary: Summary
) -> Iterator[Job | Outcome]:
    """Parse each article and give it to the screen's first pass: an unreadable one becomes a
    failed outcome at once, a screened one a "no trip" outcome (the time the first pass takes
    adds to ``summary``); one whose language neither is stated nor shows beyond doubt in its
    function words goes to the second pass on the worker.

    The longest articles come first, so the last tasks of a run are short ones and no worker
    waits long at the end for another's last article (outcomes come in any order anyway)."""
    for item in sorted(pending, key=_size, reverse=True):
        try:
            article = to_article(item, settings)
        except ExtractionError as exc:
            yield Outcome(item.name, item.origin, item.digest, reason=str(exc))
            continue
        second = False  # the screen's second pass, on the worker (the detector decides the pack)
        if screen is not None:
            started = time.perf_counter()
            may = screen.first_pass(article)
            second = may and screen.needs_second_pass(article)
            summary.screen_seconds += time.perf_counter() - started
            if not may:
                yield Outcome(item.name, item.origin, item.digest, reason=SCREENED, screened=True)
                continue
        summary.sent += 1
        yield Job(item.name, item.origin, item.digest, article, screen=second)


def _size(item: Item) -> int:
    """How long ``item``'s article is, in characters or bytes, known without reading it."""
    if isinstance(item.record, str):
        try:
            return os.stat(item.record).st_size
        except OSError:  # to_article says what is wrong with it
            return 0
    text = item.record.get("text")
    return len(text) if isinstance(text, str) else 0
