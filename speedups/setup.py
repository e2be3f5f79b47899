"""Builds the optional C extension. ``optional=True``: without a C compiler or Python's headers the
install still succeeds, with no extension, and framing uses its Python code (same results, slower)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("framing_speedups", ["framing_speedups.c"], optional=True)])
