"""sitrep: one clean, source-attributed record per real-world incident, from overlapping news.

    >>> import sitrep
    >>> result = sitrep.run(["examples/seeds/articles"], out="out", meta="examples/seeds/manifest.csv")
    >>> result.n_stored, len(result.incidents)
"""
from sitrep.records import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["run", "SCHEMA_VERSION", "__version__"]


def run(*args, **kwargs):
    """Run the whole pipeline; see :func:`sitrep.pipeline.run`."""
    from sitrep.pipeline import run as _run

    return _run(*args, **kwargs)
