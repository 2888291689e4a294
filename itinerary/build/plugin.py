"""The Dask worker plugin that loads the extractor once per worker (imports distributed)."""

from __future__ import annotations

import asyncio
from typing import Any

from distributed import WorkerPlugin

from itinerary.build.engine import warm_up


class WarmUp(WorkerPlugin):  # type: ignore[misc]
    """Load the spaCy pipelines and the gazetteer when a worker starts (also after a restart)."""

    name = "itinerary-extractor"

    async def setup(self, worker: Any) -> None:
        await asyncio.to_thread(warm_up)  # in a thread: the worker keeps answering heartbeats
