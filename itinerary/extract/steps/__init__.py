"""The extraction steps, one module per job; each registers its steps by name (see
:mod:`itinerary.extract.registry`)."""
