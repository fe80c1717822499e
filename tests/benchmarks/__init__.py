"""Benchmark scripts (run by hand; pytest collects nothing here)."""
