"""Inputs named by URL: any fsspec filesystem (``file://``, ``s3://``, ``gs://``, ``memory://``...)
read with the same readers, limits and rejections as local files.

    >>> items = list(iter_any(["memory://crawl/", Path("local/")], manifest=None))

Each remote file is copied to a temporary folder one at a time (disk holds one file, never the
archive), read there by ``ingest.iter_inputs``, and its items renamed from the temporary path to
the URL: the URL is the input's name in the outputs and its key across runs (a re-run of the same
URL is recognised, as a re-run of the same local path is). A manifest's row applies to a remote
input by article id (a one-document file's id is its name's stem: ``memory://x/a1.txt`` is a1).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.ingest.text import DEFAULT_MAX_BYTES
from sitrep.records import Document, Rejection


def is_url(path: str | Path) -> bool:
    """An input given as ``scheme://...`` (a Path would fold its double slash)."""
    return "://" in str(path)


def iter_any(paths: Iterable[str | Path], manifest=None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator:
    """``ingest.iter_inputs`` over local paths and URLs alike, in the order given."""
    from sitrep.ingest import iter_inputs

    local: list[Path] = []  # consecutive local paths go together: one walk, as without URLs
    for p in paths:
        if not is_url(p):
            local.append(Path(p))
            continue
        yield from iter_inputs(local, manifest=manifest, max_bytes=max_bytes)
        local = []
        yield from _iter_url(str(p), manifest, max_bytes)
    yield from iter_inputs(local, manifest=manifest, max_bytes=max_bytes)


def _iter_url(url: str, manifest, max_bytes: int) -> Iterator[Document | Rejection]:
    import fsspec

    from sitrep.ingest import iter_inputs

    try:
        fs, root = fsspec.core.url_to_fs(url)
        files = sorted(fs.find(root)) if fs.isdir(root) else [root] if fs.exists(root) else []
    except (OSError, ValueError, ImportError) as exc:  # unknown scheme, missing driver, no access
        yield Rejection(input=url, code="io_error", reason=f"Could not read {url}: {exc}.")
        return
    if not files:
        yield Rejection(input=url, code="io_error", reason="No such file or folder.")
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-url-") as tmp:
        for path in files:
            name = fs.unstrip_protocol(path)
            local = Path(tmp) / Path(path).name
            try:
                fs.get_file(path, str(local))
            except OSError as exc:
                yield Rejection(input=name, code="io_error", reason=f"Could not read the file: {exc}.")
                continue
            for item in iter_inputs([local], max_bytes=max_bytes):
                yield _renamed(item, str(local), str(local.resolve()), name, manifest)
            local.unlink()


def _renamed(item, tmp: str, tmp_key: str, name: str, manifest):
    """``item`` read from the temporary copy ``tmp``, named by its URL instead."""
    updates = {"input": name + item.input[len(tmp) :]} if item.input.startswith(tmp) else {}
    key = getattr(item, "key", None)
    if key and key.startswith(tmp_key):
        updates["key"] = name + key[len(tmp_key) :]
    item = item.model_copy(update=updates)
    if isinstance(item, Document) and manifest is not None:
        # a one-document file's row is found by the id its name gives, as a local file's by its path
        probe = item if item.article_id else item.model_copy(update={"article_id": Path(name).stem})
        if manifest.row_for(probe):
            item = manifest.apply(probe)
    return item
