"""Benchmarks: run with ``make bench`` (pytest-benchmark); figures go to docs/performance.md."""
