"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor


@pytest.fixture(scope="module")
def extractor(geocoder) -> Extractor:  # type: ignore[no-untyped-def]
    """One extractor per test module, on the session's offline geocoder."""
    return Extractor(geocoder)
