"""The Dask worker plugins of the build (imports distributed)."""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import sys
from typing import Any

from distributed import WorkerPlugin

from itinerary.build.engine import warm_up


class WarmUp(WorkerPlugin):  # type: ignore[misc]
    """Load the spaCy pipelines and the gazetteer when a worker starts (also after a restart)."""

    name = "itinerary-extractor"

    async def setup(self, worker: Any) -> None:
        await asyncio.to_thread(warm_up)  # in a thread: the worker keeps answering heartbeats


class QuickExit(WorkerPlugin):  # type: ignore[misc]
    """For the workers of the build's own local cluster only: a worker that closes gracefully
    ends its process as soon as Python's multiprocessing has finished its own clean-up, without the
    interpreter's finalisation (freeing every object of the spaCy pipelines and the gazetteer, one
    by one: 1-4 s on a busy machine, which the build waits for). The worker has nothing left to
    write: the build process writes every draft. Never installed on workers the build did not
    start (a scheduler given with ``--scheduler``)."""

    name = "itinerary-quick-exit"

    def teardown(self, worker: Any) -> None:
        atexit.register(_exit_now)  # the last registered: the first to run at exit


def _exit_now() -> None:
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
