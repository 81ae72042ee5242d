"""Walk input paths and hand each file to its reader. The only module of ingest that reads disk.

>>> items = list(iter_inputs([Path("examples/seeds/articles")]))
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from sitrep.guard import is_own_output
from sitrep.ingest.bounded import bounded
from sitrep.ingest.jsonl import iter_jsonl
from sitrep.ingest.manifest import Manifest
from sitrep.ingest.readers import format_by_extension, read_input, sniff_format
from sitrep.ingest.text import DEFAULT_MAX_BYTES, Item, mb
from sitrep.records import Document, Rejection

STREAMED = ("jsonl", "warc")  # bulk formats: read record by record, so the file size limit is per record


def display_name(path: Path | str) -> str:
    """A path as text people can read, even when the file name holds bytes that are not UTF-8."""
    raw = os.fsencode(str(path))
    return raw.decode("utf-8", "backslashreplace")


def _walk(root: Path, visited: set[tuple[int, int]]) -> Iterator[Path | Rejection]:
    """Files under ``root`` in sorted order, following symlinked folders once (no loops)."""
    try:
        st = root.stat()
    except OSError as exc:
        yield Rejection(
            input=display_name(root), code="io_error", reason=f"Could not open the folder: {exc.strerror}."
        )
        return
    key = (st.st_dev, st.st_ino)
    if key in visited:
        return  # a symlink loop or a second link to a folder already walked
    visited.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        yield Rejection(
            input=display_name(root), code="io_error", reason=f"Could not list the folder: {exc.strerror}."
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are not articles
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks; loops are caught by ``visited``
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, visited)
        else:
            yield path


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    source = display_name(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            yield Rejection(
                input=source, code="io_error", reason="Not a regular file (a device, pipe or broken link)."
            )
            return
        if st.st_size == 0:
            yield Rejection(input=source, code="empty", reason="The file is empty.")
            return
        with open(path, "rb") as fh:
            fmt = format_by_extension(path.name)
            if fmt is None:  # no known extension: sniff the first bytes
                fmt = sniff_format(fh.read(4096))
                fh.seek(0)
            if fmt in STREAMED:
                if fmt == "warc":  # a .warc.gz is inflated here, within a bound
                    from sitrep.ingest.warc import iter_warc  # warcio: only for WARC input

                    yield from iter_warc(bounded(fh, max_bytes), source, max_bytes)
                else:
                    yield from iter_jsonl(fh, source, max_bytes)
                return
            if st.st_size > max_bytes:
                yield Rejection(
                    input=source,
                    code="too_large",
                    reason=(
                        f"The file is {mb(st.st_size, max_bytes)}, over the limit of {mb(max_bytes, st.st_size)}."
                    ),
                )
                return
            # read(n) allocates n bytes up front: ask for the size stat gave (plus one byte to see
            # whether the file grew past the limit since), not for the limit
            data = fh.read(min(st.st_size, max_bytes) + 1)
            if len(data) > st.st_size and len(data) <= max_bytes:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as exc:
        yield Rejection(
            input=source, code="io_error", reason=f"Could not read the file: {exc.strerror or exc}."
        )
        return
    if len(data) > max_bytes:
        yield Rejection(
            input=source, code="too_large", reason=f"The file is over the limit of {mb(max_bytes)}."
        )
        return
    yield from read_input(data, source, max_bytes, fmt=fmt)


def iter_inputs(
    paths: list[Path], manifest: Manifest | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Rejection]:
    """Documents and Rejections from files and folders (walked recursively, sorted), manifest applied.

    >>> [type(x).__name__ for x in iter_inputs([Path("examples/seeds/articles")])][:1]
    ['Document']
    """
    visited: set[tuple[int, int]] = set()
    skip = {manifest.path} if manifest is not None and manifest.path else set()
    for root in paths:
        root = Path(root)
        if not root.exists():
            yield Rejection(input=display_name(root), code="io_error", reason="No such file or folder.")
            continue
        files = _walk(root, visited) if root.is_dir() else [root]
        for f in files:
            if isinstance(f, Rejection):
                yield f
                continue
            if skip and str(f.resolve()) in skip:
                continue  # the manifest describes the inputs; it is not one
            if is_own_output(f):
                yield Rejection(
                    input=display_name(f),
                    code="own_output",
                    reason=(
                        "An output sitrep wrote (beside rejected.json); outputs are never read as articles."
                    ),
                )
                continue
            for item in _read_file(f, max_bytes):
                if isinstance(item, Document):
                    if manifest is not None:
                        item = manifest.apply(item, path=f)
                    item.key = input_key(item, f)
                yield item


def input_key(doc: Document, path: Path) -> str | None:
    """The input's name across runs: its resolved path (a file of the same name in another folder
    is another input), with the record's own id for a record of a JSONL/JSON file. A record known
    only by its position (a feed entry, a WARC record, a JSONL line without an id) has none: the
    entries of a feed fetched again are not the same articles."""
    where = display_name(path.resolve())
    if doc.input == display_name(path):
        return where
    return f"{where}#{doc.key}" if doc.key else None
