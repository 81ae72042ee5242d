"""The report's HTML, checked without a browser: structure, escaping, budgets, map geometry."""

from __future__ import annotations

import html.parser
import re

from sitrep.records import IncidentDate
from sitrep.report import ReportData, render_report
from sitrep.report.context import raw_to_clean
from sitrep.report.mapview import Projection, fit_view
from sitrep.report.markup import el, external_href, json_script, safe_href
from sitrep.report.outlines import load_outlines
from support.report_data import A1, HOSTILE, hostile_data, seed_like_data


class Collector(html.parser.HTMLParser):
    """Tags, attributes and scripts of a page, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.scripts, self.ids = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        self.ids += [v for k, v in attrs if k == "id"]
        self.scripts += tag == "script"


def parse(page: str) -> Collector:
    c = Collector()
    c.feed(page)
    return c


def test_seed_report_has_every_section_and_the_evidence():
    page = render_report(seed_like_data())
    c = parse(page)
    for section in ("overview", "map", "timeline", "incidents", "sources", "rejected", "filters"):
        assert section in c.ids
    assert c.scripts == 2  # the filter data and the filter script, nothing else
    assert "more than 30 soldiers" in page and "at least 60 soldiers" in page
    assert "Two security sources said more than 30 soldiers had been killed." in page
    assert 'href="rejected.json"' in page
    assert len(c.ids) == len(set(c.ids)), "element ids must be unique"


def test_conflict_is_stated_in_plain_words():
    page = render_report(seed_like_data())
    card = (
        page[page.index('id="inc-inc-boulkessi"') : page.index('id="inc-inc-timbuktu"')]
        if page.index('id="inc-inc-boulkessi"') < page.index('id="inc-inc-timbuktu"')
        else ""
    )
    assert card, "cards are in date order: Boulkessi (1 June) before Timbuktu (2 June)"
    box = re.search(r'<div class="conflict".*?</div>', card, re.S).group(0)
    assert "31 or more" in box and "60 or more" in box
    assert "Reuters" in box and "Associated Press" in box


def test_raw_spans_map_to_clean_text():
    data = seed_like_data()
    a1 = next(a for a in data.articles if a.article_id == A1)
    at = a1.raw_text.index("at least 60 soldiers")
    start = raw_to_clean(a1.offsets, at)
    assert a1.clean_text[start : start + len("at least 60 soldiers")] == "at least 60 soldiers"
    assert start < at  # the byline and captions before it were cut


def test_quoted_spans_are_marked_in_article_text():
    page = render_report(seed_like_data())
    assert re.search(r'<mark class="fig quote"[^>]*>at least 60 soldiers</mark>', page)
    assert re.search(r'<mark class="quote"[^>]*>Two security sources said </mark>', page)


def test_points_fall_inside_their_country_outline():
    data = seed_like_data()
    placed = [i for i in data.incidents if i.location and i.location.lat is not None]
    proj = fit_view([(i.location.lon, i.location.lat, 0) for i in placed])
    outlines = {c["iso2"]: c for c in load_outlines()}
    for inc in placed:
        rings = outlines[inc.location.country_code]["rings"]
        assert point_in_rings(inc.location.lon, inc.location.lat, rings), inc.location.name
        x, y = proj.xy(inc.location.lon, inc.location.lat)
        assert 0 <= x <= 1000 and 0 <= y <= proj.height


def point_in_rings(lon, lat, rings) -> bool:
    inside = False
    for ring in rings:
        pts = list(zip(ring[0::2], ring[1::2]))
        for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
            if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


def test_projection_keeps_a_world_view_inside_bounds():
    proj = fit_view([(-170, -50, 0), (170, 70, 0)])
    assert isinstance(proj, Projection)
    for lon, lat in ((-170, -50), (170, 70)):
        x, y = proj.xy(lon, lat)
        assert 0 <= x <= 1000 and 0 <= y <= proj.height


def test_escaping_layer():
    assert str(el("p", None, "<b>")) == "<p>&lt;b&gt;</p>"
    assert "href" not in str(el("a", {"href": "javascript:alert(1)"}, "x"))
    assert safe_href("JaVaScRiPt:alert(1)") is None and safe_href(" data:text/html,x") is None
    assert (
        external_href("rejected.json") is None
        and external_href("https://a.example/x") == "https://a.example/x"
    )
    blob = str(json_script("d", {"x": HOSTILE}))
    assert blob.count("<") == 2 and "</script>" not in blob[: -len("</script>")]


def test_hostile_text_cannot_add_tags_or_attributes():
    page = render_report(hostile_data())
    c = parse(page)
    assert c.scripts == 2
    assert "img" not in c.tags and c.tags[c.tags.index("style")] == "style" and c.tags.count("style") == 1
    assert not [a for a in c.attrs if a[1].startswith("on")]
    assert not [a for a in c.attrs if a[1] == "href" and a[2].strip().lower().startswith("javascript")]


def in_page_links_resolve(page: str) -> list[str]:
    """Targets of href="#..." links that no element carries as its id."""
    c = parse(page)
    ids = set(c.ids)
    return [v[1:] for tag, k, v in c.attrs if k == "href" and v.startswith("#") and v[1:] not in ids]


def test_every_in_page_link_has_a_target():
    assert in_page_links_resolve(render_report(seed_like_data())) == []


def test_a_small_size_budget_leaves_things_out_and_says_so():
    data = seed_like_data()
    full = render_report(data)
    data.max_bytes = 90_000
    small = render_report(data)
    assert len(small) < len(full)
    assert "To keep this page small" in small and "To keep this page small" not in full
    assert in_page_links_resolve(small) == []  # unlisted articles are named, not linked
    # The evidence the budget keeps first: the disputed claims and their quotes.
    assert "Two security sources said more than 30 soldiers had been killed." in small
    assert re.search(r'<tr class="disputed">', small)


def test_an_empty_run_still_renders_a_page():
    page = render_report(ReportData(incidents=[], articles=[], lineage={}, edges=[], rejected=[]))
    c = parse(page)
    assert {"overview", "map", "timeline", "incidents", "sources"} <= set(c.ids)
    assert "No incident was found." in page and "No incident has a date." in page


def test_incident_without_place_or_date_gets_a_card_but_no_point():
    data = seed_like_data()
    data.incidents[3].location = None
    data.incidents[3].date = IncidentDate()
    page = render_report(data)
    assert "1 incident(s) have no coordinates" in page and "1 incident(s) have no date" in page
    assert page.count('<article class="card"') == 7


def test_an_open_top_reads_as_a_floor_not_a_ceiling():
    """'at least 60' gives high 60 with high_open: the page must say 60+, never a plain 60."""
    from sitrep.report.overview import fatality_totals

    data = seed_like_data()
    inc = data.incidents[0]
    inc.fatalities.low, inc.fatalities.high, inc.fatalities.high_open = 31, 60, True
    low, high, open_ended = fatality_totals([inc])
    assert (low, high, open_ended) == (31, 60, True)
    page = render_report(data)
    assert "31–60+ killed" in page
