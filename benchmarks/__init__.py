"""Benchmarks: speed measurements, never tests. Run as ``python -m benchmarks.scaling``."""
