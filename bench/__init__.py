"""Benchmarks: python -m bench.extract (article extractor precision/recall)."""
