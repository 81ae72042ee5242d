"""Ingest: turn input paths (files, folders) into Documents or Rejections.

Readers are pure (bytes in, Documents/Rejections out); only ``iter_inputs`` touches the disk.

    >>> from pathlib import Path
    >>> items = list(iter_inputs([Path("examples/seeds/articles")], manifest=None))
    >>> len(items), items[0].article_id
    (5, '000_637d78b309cbb5dc')

Interface (owned by the ingest stage):
- ``iter_inputs(paths, manifest=None, max_bytes=20_000_000) -> Iterator[Document | Rejection]``
  walks folders recursively, in a stable sorted order, and yields one item per usable record.
- ``load_manifest(path) -> Manifest``; ``Manifest.apply(doc) -> Document`` overrides what a
  reader found with the manifest's article_id/outlet/published/url/title.
"""

from sitrep.ingest.manifest import Manifest, load_manifest  # noqa: F401
from sitrep.ingest.walk import iter_inputs  # noqa: F401
