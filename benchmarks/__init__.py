"""Benchmarks: scripts that print tables (run them by hand; not part of the test suite)."""
