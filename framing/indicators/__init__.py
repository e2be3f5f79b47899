"""Indicator families: one module each, every one a ``detect(Context) -> list[Hit]``, listed with how
each is drawn in the registry (``families``)."""

from framing.indicators.families import BY_NAME, DEFAULT_SHOWN, FAMILIES, REGISTRY, Family
from framing.indicators.frames import frame_profile

__all__ = ["BY_NAME", "DEFAULT_SHOWN", "FAMILIES", "REGISTRY", "Family", "frame_profile"]
