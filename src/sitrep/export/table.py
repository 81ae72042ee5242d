"""Incidents as flat rows: the contract's ACLED/UCDP-compatible columns, then a few extras.

>>> rows = incident_rows(incidents, articles)      # list of dicts, CSV_COLUMNS first
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from sitrep.merge.ids import outlet_label
from sitrep.records import Article, Incident
from sitrep.vocab import ACLED_GEO, ACLED_TIME, UCDP_DATE, UCDP_WHERE

CSV_COLUMNS = [
    "incident_id",
    "event_date",
    "date_start",
    "date_end",
    "time_precision",
    "date_prec",
    "event_type",
    "sub_event_type",
    "political",
    "actor1",
    "actor2",
    "country_code",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "where_prec",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "wounded_best",
    "captured_best",
    "n_articles",
    "independent_origins",
    "sources",
    "notes",
]
EXTRA_COLUMNS = [
    "fatalities_high_open",
    "wounded_low",
    "wounded_high",
    "captured_low",
    "captured_high",
    "other_figures",
    "origins",
    "articles",
    "summary",
    "type_confidence",
    "type_runner_up",
]


def _first(inc: Incident, role: str) -> str | None:
    return next((a.name for a in inc.actors if a.role == role), None)


def incident_row(inc: Incident, articles: dict[str, Article]) -> dict:
    """One incident as one flat row (contract columns, then extras)."""
    loc, d = inc.location, inc.date
    prec = loc.precision if loc else "unknown"
    sources = []
    for aid in inc.articles:
        a = articles.get(aid)
        label = outlet_label(a.outlet) if a is not None and a.outlet else aid
        if label not in sources:
            sources.append(label)
    notes = [c.explanation for c in inc.conflicts] + list(inc.notes)
    row = {
        "incident_id": inc.incident_id,
        "event_date": d.start,
        "date_start": d.start,
        "date_end": d.end,
        "time_precision": ACLED_TIME.get(d.precision) if d.start else None,
        "date_prec": UCDP_DATE.get(d.precision) if d.start else None,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "political": inc.political,
        "actor1": _first(inc, "perpetrator") or (inc.actors[0].name if inc.actors else None),
        "actor2": _first(inc, "target"),
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": (loc.geo_precision or ACLED_GEO.get(prec)) if loc else None,
        "where_prec": (loc.where_prec or UCDP_WHERE.get(prec)) if loc else None,
        "fatalities_low": inc.fatalities.low,
        "fatalities_best": inc.fatalities.best,
        "fatalities_high": inc.fatalities.high,
        "wounded_best": inc.wounded.best,
        "captured_best": inc.captured.best,
        "n_articles": len(inc.articles),
        "independent_origins": inc.independent_origins,
        "sources": "; ".join(sources),
        "notes": " | ".join(notes),
        "fatalities_high_open": inc.fatalities.high_open,
        "wounded_low": inc.wounded.low,
        "wounded_high": inc.wounded.high,
        "captured_low": inc.captured.low,
        "captured_high": inc.captured.high,
        "other_figures": "; ".join(
            f"{o.what}: {o.figure.low}" for o in inc.other_figures if o.figure.low is not None
        ),
        "origins": "; ".join(inc.origins),
        "articles": "; ".join(inc.articles),
        "summary": inc.summary,
        "type_confidence": round(inc.type_confidence, 3) if inc.type_confidence is not None else None,
        "type_runner_up": inc.type_runner_up,
    }
    return row


def incident_rows(incidents: Iterable[Incident], articles: dict[str, Article]) -> list[dict]:
    return [incident_row(i, articles) for i in incidents]


def rows_to_csv(rows: list[dict]) -> str:
    """CSV text with the contract columns in contract order; None is an empty cell."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else neutralise(v)) for k, v in r.items()})
    return buf.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula (``=HYPERLINK(...)`` from an outlet or a
    title) gets a leading apostrophe, as OWASP advises for CSV; numbers (a negative longitude)
    stay numbers. Only the CSV is changed: JSON, GeoJSON and Parquet keep the raw text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def rows_to_parquet(rows: list[dict]) -> bytes:
    """Parquet bytes of the same rows (needs pyarrow, the ``parquet`` extra)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(
        rows, schema=pa.schema([(c, _arrow_type(pa, c)) for c in CSV_COLUMNS + EXTRA_COLUMNS])
    )
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


INT_COLUMNS = {
    "time_precision",
    "date_prec",
    "geo_precision",
    "where_prec",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "wounded_best",
    "captured_best",
    "n_articles",
    "independent_origins",
    "wounded_low",
    "wounded_high",
    "captured_low",
    "captured_high",
}


def _arrow_type(pa, column: str):
    if column in INT_COLUMNS:
        return pa.int64()
    if column in ("latitude", "longitude", "type_confidence"):
        return pa.float64()
    if column in ("political", "fatalities_high_open"):
        return pa.bool_()
    return pa.string()
