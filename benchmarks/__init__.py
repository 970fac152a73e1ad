"""Benchmarks and measurement scripts (not tests)."""
