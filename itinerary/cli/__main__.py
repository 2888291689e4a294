"""`python -m itinerary.cli`: the same as the `itinerary` command."""

from itinerary.cli import main

main()
