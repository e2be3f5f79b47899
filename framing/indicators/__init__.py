"""Indicator families: one module each, every one a ``detect(Context) -> list[Hit]``."""
