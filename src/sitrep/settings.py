"""Every knob of a run, in one frozen record built once by an entry point (the CLI or ``sitrep.run``).

No stage reads the environment or a module constant to learn how it should run: the entry point
builds ``Settings`` (``Settings.build(environment, ...)`` folds in ``SITREP_GAZETTEER`` and
``SITREP_EMBED_DTYPE``), ``Resources`` (resources.py) loads what the settings name, and the
pipeline passes both on.

    >>> s = Settings.build({}, gazetteer="/tmp/gaz.duckdb", max_bytes=5_000_000)
    >>> s.gazetteer, s.max_bytes, s.formats
    (PosixPath('/tmp/gaz.duckdb'), 5000000, ('json', 'csv', 'geojson'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

DEFAULT_GAZETTEER = Path.home() / ".cache" / "sitrep" / "gazetteer.duckdb"


@dataclass(frozen=True)
class Settings:
    """How one run reads, parses, embeds and writes (defaults are the CLI's defaults)."""

    gazetteer: Path = DEFAULT_GAZETTEER  # built there on first use when missing
    max_bytes: int = 20_000_000  # input files larger than this are rejected
    max_extract_chars: int = 200_000  # a news article is far shorter; longer texts are stored, not parsed
    store_batch: int = 100  # articles per store transaction: a crash loses at most one batch
    parse_batch: int = 16  # texts per spaCy ``nlp.pipe`` batch
    embed_batch: int = 64  # sentences per embedder batch
    embed_dtype: str | None = None  # "float32" or "bfloat16"; None: bfloat16 where the CPU runs it natively
    formats: tuple[str, ...] = ("json", "csv", "geojson")
    report: bool = True  # write report.html
    wait: float = 0.0  # seconds to wait while another run holds the store
    workers: int | None = None  # processes for extraction and geo; None: the machine's cores
    engine: str = "local"  # "local": a fork pool; "ray": Ray Data actor pools (engines/ray_engine.py)
    address: str | None = None  # the Ray cluster to join (engine "ray"); None: start a local one

    @classmethod
    def build(cls, environ: Mapping[str, str], **given) -> Settings:
        """Settings from the arguments given (None: not given), then the environment, then the defaults.

        ``environ`` is the process environment, passed in by the entry point: no other module reads it.
        """
        values = {k: v for k, v in given.items() if v is not None}
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        if "gazetteer" not in values and environ.get("SITREP_GAZETTEER"):
            values["gazetteer"] = environ["SITREP_GAZETTEER"]
        if "embed_dtype" not in values and environ.get("SITREP_EMBED_DTYPE"):
            values["embed_dtype"] = environ["SITREP_EMBED_DTYPE"]
        if "gazetteer" in values:
            values["gazetteer"] = Path(values["gazetteer"]).expanduser()
        if "formats" in values:
            values["formats"] = tuple(values["formats"])
        return cls(**values)
