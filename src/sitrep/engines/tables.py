"""The run's outputs as flat rows, one list per Parquet dataset (the Ray engine writes them).

Rows come from the contract's own exporters (``articles_json``, ``reuse_json``, the CSV's
``incident_rows``), so a dataset says what the JSON files say; a nested value (a list, an object)
is one JSON text column, which DuckDB reads with ``json_extract``/``from_json``.

    >>> dataset_rows(outputs)["claims"][0]["what"]
    'killed'
"""

from __future__ import annotations

import orjson

from sitrep.export.jsonfiles import articles_json, reuse_json
from sitrep.export.table import incident_rows
from sitrep.records import RunOutputs


def flat(row: dict) -> dict:
    """Scalars kept; lists and objects as JSON text (one Parquet type per column, whatever the row)."""
    return {k: orjson.dumps(v).decode() if isinstance(v, list | dict | tuple) else v for k, v in row.items()}


def dataset_rows(outputs: RunOutputs) -> dict[str, list[dict]]:
    """articles, mentions, claims, incidents and reuse_edges rows, each sorted by its key."""
    by_id = {a.article_id: a for a in outputs.articles}
    articles = articles_json(outputs.articles, outputs.lineage, outputs.duplicates, outputs.extractions)
    mentions, claims = [], []
    for aid in sorted(outputs.extractions):
        for m in outputs.extractions[aid].mentions:
            row = m.to_dict()
            for c in row.pop("claims", []):
                claims.append(flat({"mention_id": m.mention_id, **c}))
            mentions.append(flat(row))
    return {
        "articles": [flat(r) for r in articles["articles"]],
        "mentions": mentions,
        "claims": claims,
        "incidents": [flat(r) for r in incident_rows(outputs.incidents, by_id)],
        "reuse_edges": [flat(r) for r in reuse_json(outputs.edges, by_id)["edges"]],
    }
