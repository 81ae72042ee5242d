"""What the stages share and load at most once: the spaCy pipeline, the embedders (English, and
multilingual for articles in two languages), the gazetteer and the actor table, built lazily from
``Settings`` (a model loads only when a stage first uses it).

The entry point (the pipeline, for the CLI and ``sitrep.run``) builds one ``Resources`` and passes
its parts to the stages that need them; no stage opens a model or a file on its own. The
gazetteer file is made ready here, never inside a stage: built when missing, migrated when old.

    >>> res = Resources(Settings())
    >>> res.gazetteer.content_id, res.extraction_key("10"), res.geo_key(res.extraction_key("10"))
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from importlib import resources as package_files

import numpy as np

from sitrep.settings import Settings


class Resources:
    """Models and tables for one run, each loaded on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def nlp(self):
        from sitrep.models import load_spacy

        return load_spacy()

    @cached_property
    def nlp_fr(self):
        """The French pipeline: loaded the first time a French article is read, never otherwise."""
        from sitrep.models import load_spacy_fr

        return load_spacy_fr()

    @cached_property
    def embedder(self):
        from sitrep.models import load_embedder

        return load_embedder(self.embed_dtype)

    @cached_property
    def multilingual(self):
        from sitrep.models import load_multilingual

        return load_multilingual()

    @cached_property
    def gazetteer(self):
        from sitrep.geo.gazetteer import Gazetteer, prepare

        return Gazetteer.open(prepare(self.settings.gazetteer))

    @cached_property
    def actors(self):
        from sitrep.extract.actors import ActorDictionary

        return ActorDictionary.load()

    @cached_property
    def embed_dtype(self) -> str:
        from sitrep.reuse.embed import default_dtype

        return self.settings.embed_dtype or default_dtype()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors for ``texts`` with this run's embedder, dtype and batch size (on one
        thread whatever ``--workers`` says: ``reuse.minilm``)."""
        from sitrep.reuse.embed import encode

        return encode(
            texts, dtype=self.embed_dtype, model=self.embedder, batch_size=self.settings.embed_batch
        )

    def encode_multilingual(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors for ``texts`` in any of ``MULTILINGUAL_LANGUAGES`` (loaded on first
        call: only a run with articles in two languages to compare makes it)."""
        from sitrep.reuse.translation import encode

        return encode(texts, model=self.multilingual)

    def extraction_key(self, version: str) -> str:
        """What a cached extraction depends on: the extractor's version and the identity of each
        resource it reads (spaCy model package, actor table, gazetteer content); any change redoes
        it. ``extractor=10;spacy=...;actors=...;gazetteer=...`` (``key_parts`` reads it back)."""
        table = package_files.files("sitrep").joinpath("data", "actors.json").read_bytes()
        parts = {
            "extractor": version,
            "spacy": spacy_package(),
            "actors": hashlib.sha1(table).hexdigest()[:12],
            "gazetteer": self.gazetteer.content_id,
        }
        return ";".join(f"{k}={v}" for k, v in parts.items())

    def geo_key(self, extraction_key: str) -> str:
        """What a cached resolution of an extraction depends on besides the article's text (checked
        apart, by its content hash): the extraction's key (which names the gazetteer's content) and
        the geo stage's code and data (``geo.cache.geo_version``). ``extractor=...;geo=0695ccf66f62``."""
        from sitrep.geo.cache import geo_version

        return f"{extraction_key};geo={geo_version()}"


def key_parts(key: str) -> dict[str, str]:
    """``extractor=10;gazetteer=ab12`` -> {"extractor": "10", "gazetteer": "ab12"}; an old bare
    version ("9") is the extractor's alone."""
    if "=" not in key:
        return {"extractor": key}
    return dict(part.split("=", 1) for part in key.split(";"))


def spacy_package() -> str:
    """The installed spaCy model package and its version, without importing it (importing a model
    package imports spaCy, and spaCy imports torch: seconds a run with nothing to parse never needs)."""
    from importlib import metadata, util

    from sitrep.models import SPACY_PACKAGES

    for name in SPACY_PACKAGES:
        if util.find_spec(name) is None:
            continue
        try:
            return f"{name}-{metadata.version(name)}"
        except metadata.PackageNotFoundError:
            return f"{name}-?"
    return "none"
