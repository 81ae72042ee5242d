"""The run's outputs as flat rows, one stream per Parquet dataset, and their writer in parts
(the Ray engine's ``write_datasets``).

Rows come from the contract's own exporters (``articles_json``, ``edge_json`` as ``reuse.json``
writes each edge, the CSV's ``incident_row``), so a dataset says what the JSON files say; a
nested value (a list, an object) is one JSON text column, which DuckDB reads with
``json_extract``/``from_json``. Each table is made as it is written, ``PART_ROWS`` rows at a time
(the reuse edges read from the store's chunked view, ``StoredEdges``), so no table is ever whole
in memory: at 100,000 syndicated articles the edges alone are millions of rows.

    >>> next(dataset_rows(outputs)["claims"])["what"]
    'killed'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import orjson

from sitrep.export.jsonfiles import articles_json, edge_json
from sitrep.export.table import incident_row
from sitrep.records import RunOutputs

# rows per Parquet part file: ~14 MB of reuse edges' JSON (7 KB an edge at 10,000 articles,
# docs/scale.md), the most rows of one table the writer holds at once
PART_ROWS = 2000


def flat(row: dict) -> dict:
    """Scalars kept; lists and objects as JSON text (one Parquet type per column, whatever the row)."""
    return {k: orjson.dumps(v).decode() if isinstance(v, list | dict | tuple) else v for k, v in row.items()}


def dataset_rows(outputs: RunOutputs) -> dict[str, Iterator[dict]]:
    """articles, mentions, claims, incidents and reuse_edges rows, each table a generator: the
    first four in their key's order, the edges in the order the store gives them (sorting them
    would hold every edge's key; a query orders them: ``ORDER BY source, derived``)."""
    by_id = {a.article_id: a for a in outputs.articles}
    return {
        "articles": _articles(outputs),
        "mentions": (flat(m) for m, _ in _mentions(outputs)),
        "claims": (flat(c) for _, claims in _mentions(outputs) for c in claims),
        "incidents": (flat(incident_row(i, by_id)) for i in outputs.incidents),
        "reuse_edges": (flat(edge_json(e, by_id)) for e in outputs.edges),
    }


def _articles(outputs: RunOutputs) -> Iterator[dict]:
    """``articles.json``'s rows, made for ``PART_ROWS`` articles at a time."""
    for part in batched(sorted(outputs.articles, key=lambda a: a.article_id), PART_ROWS):
        rows = articles_json(part, outputs.lineage, outputs.duplicates, outputs.extractions)["articles"]
        yield from (flat(r) for r in rows)


def _mentions(outputs: RunOutputs) -> Iterator[tuple[dict, list[dict]]]:
    """Each mention's fields without its claims, and its claims each with its ``mention_id``,
    article by article."""
    for aid in sorted(outputs.extractions):
        for m in outputs.extractions[aid].mentions:
            row = m.to_dict()
            claims = row.pop("claims", [])
            yield row, [{"mention_id": m.mention_id, **c} for c in claims]


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last one shorter): ``itertools.batched`` (3.12)."""
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


def write_parts(folder: Path, rows: Iterable[dict]) -> int:
    """``rows`` as ``folder/part-00000.parquet``, ``part-00001.parquet``... of ``PART_ROWS`` rows
    each, in order, all of one schema; returns how many parts. Each part's types are inferred
    from its own rows and merged into the table's (``unify_schemas``, permissive: a column null
    so far takes the type of its first value, integers that meet a float become double: what
    ``pa.Table.from_pylist`` infers over a whole table), and the parts written before a type was
    settled are cast to it at the end. So the rows are made once (the edges read once from the
    store) and only a part whose types widened later is read back."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, parts = None, []
    for i, part in enumerate(batched(rows, PART_ROWS)):
        table = pa.Table.from_pylist(part)
        merged = [schema, table.schema] if schema is not None else [table.schema]
        schema = pa.unify_schemas(merged, promote_options="permissive")
        path = folder / f"part-{i:05d}.parquet"
        pq.write_table(table, path)
        parts.append((path, table.schema))
    for path, own in parts:
        if not own.equals(schema):
            pq.write_table(pq.read_table(path).cast(schema), path)
    return len(parts)
