"""Score an output folder against a hand-coded gold file (the shape of examples/seeds/expected.json).

    >>> report = evaluate(Path("out"), json.loads(Path("gold.json").read_text()))
    >>> print(format_table(report))

Every part of the gold file is optional: analysts code what they checked. ``reuse`` (edges with
kind and minimum coverage, optional "either" edges, origins, independent pairs, claims credited to
another outlet), ``incidents`` (found by place + date + country, then date, country, type, articles,
figures, claims with origins and echoes, conflicts, shared figures) and ``not_incidents``.
A gold file that codes only some of the incidents says ``"complete": false``: then output
incidents beyond the gold ones are not counted against it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from sitrep.merge.ids import normalize_name
from sitrep.vocab import FIGURE_FIELDS as FIELDS


@dataclass
class EvalRow:
    check: str
    expected: str
    got: str
    passed: bool


@dataclass
class EvalReport:
    rows: list[EvalRow] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.rows)

    @property
    def n_passed(self) -> int:
        return sum(r.passed for r in self.rows)

    def add(self, check: str, expected, got, passed: bool) -> None:
        self.rows.append(EvalRow(check, str(expected), str(got), bool(passed)))

    def to_dict(self) -> dict:
        return {
            "passed": self.passed,
            "n_passed": self.n_passed,
            "n_checks": len(self.rows),
            "rows": [asdict(r) for r in self.rows],
        }


def _load(out_dir: Path, name: str, key: str, report: EvalReport) -> list:
    path = Path(out_dir) / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))[key]
    except (OSError, ValueError, KeyError) as exc:
        report.add(f"file {name}", "readable", f"{type(exc).__name__}: {exc}", False)
        return []


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl, dp = math.radians(lon2 - lon1), p2 - p1
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _all_claims(fig: dict) -> list[dict]:
    return list(fig.get("claims") or []) + list(fig.get("shared_claims") or [])


def _figure(inc: dict, name: str) -> dict:
    if name in inc and isinstance(inc[name], dict):
        return inc[name]
    return next((o["figure"] for o in inc.get("other_figures", []) if o.get("what") == name), {})


# --------------------------------------------------------------------------- reuse


def _check_reuse(gold: dict, edges: list, articles: list, incidents: list, r: EvalReport) -> None:
    by_pair = {(e["source"], e["derived"]): e for e in edges}
    origin = {a["article_id"]: a.get("origin") for a in articles}
    for g in gold.get("edges", []):
        e = by_pair.get((g["source"], g["derived"]))
        want = f"{g.get('kind', 'any')}, coverage >= {g.get('min_coverage', 0)}"
        got = f"{e['kind']}, {e['coverage']:.2f}" if e else "no edge"
        ok = bool(e) and g.get("kind", e["kind"]) == e["kind"] and e["coverage"] >= g.get("min_coverage", 0)
        r.add(f"reuse edge {g['source']} -> {g['derived']}", want, got, ok)
    for g in gold.get("either", []):
        e = by_pair.get((g["source"], g["derived"]))
        lo, hi = g.get("min_coverage", 0), g.get("max_coverage", 1)
        want = f"no edge, or {g.get('kind', 'any')} with coverage {lo}-{hi}"
        ok = e is None or (g.get("kind", e["kind"]) == e["kind"] and lo <= e["coverage"] <= hi)
        r.add(
            f"reuse edge (optional) {g['source']} -> {g['derived']}",
            want,
            f"{e['kind']}, {e['coverage']:.2f}" if e else "no edge",
            ok,
        )
    for aid, want in gold.get("origins", {}).items():
        r.add(f"origin of {aid}", want, origin.get(aid, "article missing"), origin.get(aid) == want)
    for a, b in gold.get("independent_pairs", []):
        oa, ob = origin.get(a), origin.get(b)
        r.add(
            f"independent {a} / {b}",
            "different origins",
            f"{oa} / {ob}",
            oa is not None and ob is not None and oa != ob,
        )
    for g in gold.get("attributed_claims", []):
        found = []
        for inc in incidents:
            for name in [*FIELDS, *(o["what"] for o in inc.get("other_figures", []))]:
                for c in _all_claims(_figure(inc, name)):
                    quotes = [c.get("quote", "")] if c.get("article_id") == g["article_id"] else []
                    quotes += [q for a, q in (c.get("echo_quotes") or {}).items() if a == g["article_id"]]
                    if any(
                        fuzz.partial_ratio(normalize_name(g["text"]), normalize_name(q)) >= 85
                        for q in quotes
                        if q
                    ):
                        found.append(c.get("origin"))
        r.add(
            f"origin of claim in {g['article_id']}: {g['text'][:50]}",
            g["origin"],
            ", ".join(map(str, found)) or "claim not found",
            g["origin"] in found,
        )


# --------------------------------------------------------------------------- incidents


def _date_overlap(g: dict, inc: dict) -> bool:
    gs, ge = g.get("start"), g.get("end") or g.get("start")
    s, e = inc["date"].get("start"), inc["date"].get("end") or inc["date"].get("start")
    return bool(gs and s) and gs <= e and s <= ge


def _place_score(g: dict, inc: dict) -> float:
    loc = inc.get("location") or {}
    gl = g.get("location", {})
    names = [gl.get("name", "")] + list(gl.get("variants_in_text", []))
    score = max(
        (fuzz.ratio(normalize_name(n), normalize_name(loc.get("name") or "")) for n in names if n), default=0
    )
    if (
        gl.get("lat") is not None
        and loc.get("lat") is not None
        and _km(gl["lat"], gl["lon"], loc["lat"], loc["lon"]) <= gl.get("max_km", 25)
    ):
        score = max(score, 100)
    return score


def match_incidents(gold: list[dict], incidents: list[dict]) -> dict[int, dict]:
    """Gold index -> output incident: same country, overlapping dates, the place's name (or
    spelling variant) within spelling distance or its coordinates within ``max_km``; one to one."""
    pairs = []
    for gi, g in enumerate(gold):
        country = g.get("location", {}).get("country_code")
        for k, inc in enumerate(incidents):
            loc = inc.get("location") or {}
            if country and loc.get("country_code") != country:
                continue
            if g.get("date", {}).get("start") and not _date_overlap(g["date"], inc):
                continue
            s = _place_score(g, inc)
            if s >= 80:
                pairs.append((-s, gi, k))
    out, used = {}, set()
    for _, gi, k in sorted(pairs):
        if gi not in out and k not in used:
            out[gi] = incidents[k]
            used.add(k)
    return out


def _claim_desc(c: dict) -> str:
    echoes = c.get("echoes") or c.get("echoed_by") or []
    return f"{c.get('low')}-{c.get('high')} from {c.get('origin')}" + (
        f" (echoes {', '.join(sorted(echoes))})" if echoes else ""
    )


def _check_claims(key: str, name: str, gold_fig: dict, fig: dict, r: EvalReport) -> None:
    claims = _all_claims(fig)
    for g in gold_fig.get("claims", []):
        want_echo = set(g.get("echoed_by", []))
        hits = [
            c
            for c in claims
            if c.get("origin") == g.get("origin")
            and (g.get("low") is None or (c.get("low") == g["low"] and c.get("high") == g.get("high")))
        ]
        ok = [c for c in hits if want_echo <= set(c.get("echoes", [])) | {c.get("article_id")}]
        got = "; ".join(_claim_desc(c) for c in (ok or hits)) or "no such claim"
        r.add(f"{key}: {name} claim '{g.get('text', '')[:40]}'", _claim_desc(g), got, bool(ok))


def _check_incident(key: str, g: dict, inc: dict, r: EvalReport, min_recall: float) -> None:
    gd, d = g.get("date", {}), inc.get("date", {})
    if gd.get("start"):
        want = (gd["start"], gd.get("end") or gd["start"], gd.get("precision"))
        got = (d.get("start"), d.get("end"), d.get("precision"))
        ok = want[:2] == got[:2] and (want[2] is None or want[2] == got[2])
        r.add(f"{key}: date", " ".join(map(str, want)), " ".join(map(str, got)), ok)
    loc, gl = inc.get("location") or {}, g.get("location", {})
    if gl.get("country_code"):
        r.add(
            f"{key}: country",
            gl["country_code"],
            loc.get("country_code"),
            gl["country_code"] == loc.get("country_code"),
        )
    if gl.get("lat") is not None:
        km = _km(gl["lat"], gl["lon"], loc["lat"], loc["lon"]) if loc.get("lat") is not None else None
        r.add(
            f"{key}: coordinates",
            f"within {gl.get('max_km', 25)} km",
            f"{km:.1f} km" if km is not None else "none",
            km is not None and km <= gl.get("max_km", 25),
        )
    if g.get("event_type"):
        r.add(
            f"{key}: event type",
            g["event_type"],
            inc.get("event_type"),
            g["event_type"] == inc.get("event_type"),
        )
    if g.get("articles"):
        want, got = set(g["articles"]), set(inc.get("articles", []))
        recall = len(want & got) / len(want)
        missing = sorted(want - got)
        r.add(
            f"{key}: articles",
            f"{len(want)} (recall >= {min_recall:g})",
            f"{len(want & got)}/{len(want)}" + (f", missing {', '.join(missing)}" if missing else ""),
            recall >= min_recall,
        )
    for name in [*FIELDS, *(k for k in g if k not in FIELDS and isinstance(g[k], dict) and "claims" in g[k])]:
        gf, fig = g.get(name), _figure(inc, name)
        if not isinstance(gf, dict):
            continue
        if "low" in gf:
            r.add(f"{key}: {name} low", gf["low"], fig.get("low"), fig.get("low") == gf["low"])
        if "high_at_least" in gf:
            h = fig.get("high")
            r.add(
                f"{key}: {name} high",
                f">= {gf['high_at_least']}",
                h,
                h is not None and h >= gf["high_at_least"],
            )
        if "independent_origins" in gf:
            r.add(
                f"{key}: independent origins",
                gf["independent_origins"],
                inc.get("independent_origins"),
                inc.get("independent_origins") == gf["independent_origins"],
            )
        _check_claims(key, name, gf, fig, r)
        if gf.get("conflict"):
            cs = [c["explanation"] for c in inc.get("conflicts", []) if c.get("field") == name]
            r.add(f"{key}: {name} conflict named", "a conflict", " | ".join(cs) or "none", bool(cs))
        if gf.get("shared_claim"):
            shared = fig.get("shared_claims") or []
            own = {c.get("claim_id") for c in fig.get("claims", [])}
            ok = bool(shared) and not any(c.get("claim_id") in own for c in shared)
            r.add(
                f"{key}: {name} shared figure",
                "kept once, outside the incident's own claims",
                f"{len(shared)} shared, low {fig.get('low')}",
                ok,
            )
    if g.get("conflict_note"):
        cs = [c["explanation"] for c in inc.get("conflicts", []) if c.get("field") == "outcome"]
        r.add(f"{key}: outcome conflict named", g["conflict_note"], " | ".join(cs) or "none", bool(cs))


def _check_not_incidents(gold: dict, incidents: list, r: EvalReport) -> None:
    gold_years = {(i.get("date", {}).get("start") or "")[:4] for i in gold.get("incidents", [])}
    for g in gold.get("not_incidents", []):
        text = normalize_name(g["text"])
        bad = [
            inc["incident_id"]
            for inc in incidents
            for name in FIELDS
            for c in _figure(inc, name).get("claims", [])
            if c.get("quote") and fuzz.partial_ratio(text, normalize_name(c["quote"])) >= 90
        ]
        years = set(re.findall(r"\b(?:19|20)\d\d\b", g["text"])) - gold_years
        bad += [
            inc["incident_id"] for inc in incidents if (inc.get("date", {}).get("start") or "")[:4] in years
        ]
        r.add(f"not an incident: {g['text'][:50]}", "no incident", ", ".join(bad) or "none", not bad)


GOLD_SHAPE = {"incidents": list, "not_incidents": list, "reuse": dict, "complete": bool}


def read_gold(path: Path) -> dict:
    """The gold file as a dict, or BadArguments (exit 2, unlike a failed check's 1) saying why."""
    from sitrep.errors import BadArguments
    from sitrep.guard import check_regular

    check_regular(path, "gold file")
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadArguments(f"The gold file {path} is not readable JSON: {exc}.") from exc
    if not isinstance(gold, dict):
        raise BadArguments(
            f"The gold file {path} holds a {type(gold).__name__}, not an object "
            f"shaped like examples/seeds/expected.json."
        )
    for key, kind in GOLD_SHAPE.items():
        if key in gold and not isinstance(gold[key], kind):
            raise BadArguments(f"In the gold file {path}, {key!r} must be a {kind.__name__}.")
    for key in ("incidents", "not_incidents"):
        if any(not isinstance(g, dict) for g in gold.get(key, [])):
            raise BadArguments(f"In the gold file {path}, every entry of {key!r} must be an object.")
    return gold


def evaluate(out_dir: Path, gold: dict, min_article_recall: float = 0.8) -> EvalReport:
    """Compare the files in ``out_dir`` with ``gold``; one row per check."""
    r = EvalReport()
    incidents = _load(out_dir, "incidents.json", "incidents", r)
    if gold.get("reuse"):
        edges = _load(out_dir, "reuse.json", "edges", r)
        articles = _load(out_dir, "articles.json", "articles", r)
        _check_reuse(gold["reuse"], edges, articles, incidents, r)
    gold_incs = gold.get("incidents", [])
    matched = match_incidents(gold_incs, incidents)
    for gi, g in enumerate(gold_incs):
        key = g.get("key") or g.get("location", {}).get("name") or f"incident {gi}"
        inc = matched.get(gi)
        want = (
            f"{g.get('location', {}).get('name')} {g.get('date', {}).get('start')} "
            f"{g.get('location', {}).get('country_code')}"
        )
        got = (
            "not found"
            if inc is None
            else f"{(inc.get('location') or {}).get('name')} {inc['date'].get('start')} "
            f"{(inc.get('location') or {}).get('country_code')} ({inc['incident_id']})"
        )
        r.add(f"{key}: found", want, got, inc is not None)
        if inc is not None:
            _check_incident(key, g, inc, r, min_article_recall)
    if gold_incs and gold.get("complete", True):  # a partial sample says "complete": false
        extra = [
            i["incident_id"] for k, i in enumerate(incidents) if all(i is not m for m in matched.values())
        ]
        r.add(
            "no incidents beyond the gold ones",
            len(gold_incs),
            f"{len(incidents)}" + (f" (extra: {', '.join(extra)})" if extra else ""),
            not extra,
        )
    _check_not_incidents(gold, incidents, r)
    return r


def format_table(report: EvalReport, width: int = 60) -> str:
    """A plain-text table: check | expected | got | ok, then the tally."""

    def cut(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= width else s[: width - 1] + "…"

    rows = [("check", "expected", "got", "ok")] + [
        (cut(x.check), cut(x.expected), cut(x.got), "PASS" if x.passed else "FAIL") for x in report.rows
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"{report.n_passed}/{len(report.rows)} checks passed")
    return "\n".join(lines)
