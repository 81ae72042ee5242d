"""Moved to ``sitrep.ingest.urls`` (reading inputs by URL is the ingest stage's); kept so that
older imports still work."""

from sitrep.ingest.urls import is_url, iter_any

__all__ = ["is_url", "iter_any"]
