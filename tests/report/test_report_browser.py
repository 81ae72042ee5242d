"""The report opened in real headless Chromium (Debian's package, driven by Playwright).

Install the browser with ``bash scripts/install_browser.sh``. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.report import render_report
from support.report_data import A0, A1, A2, A3, hostile_data, seed_like_data

CHROMIUM = Path("/usr/bin/chromium")
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
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium: run scripts/install_browser.sh",
    ),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from a file, with every request, dialog and script error it caused."""

    def __init__(self, browser, path: Path, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.requests, self.dialogs, self.errors = [], [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri(), wait_until="load")

    def visible_cards(self) -> int:
        return self.page.locator("article.card:visible").count()


@pytest.fixture(scope="module")
def seed_page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(seed_like_data()), encoding="utf-8")
    opened = Opened(browser, path, viewport={"width": 1280, "height": 900})
    yield opened
    opened.context.close()


def test_page_makes_no_network_request_and_runs_clean(seed_page):
    page_url = seed_page.page.url
    assert seed_page.requests, "the request log must at least hold the page itself"
    beyond = [u for u in seed_page.requests if u != page_url]
    assert beyond == []
    assert seed_page.errors == [] and seed_page.dialogs == []


def test_boulkessi_and_timbuktu_are_drawn_inside_mali(seed_page):
    inside = seed_page.page.evaluate(
        """(ids) => ids.map(id => {
        const land = document.querySelector('svg.map path[data-iso2="ML"]');
        const pt = document.querySelector(`svg.map a.mk[data-inc="${id}"] circle.pt`);
        const p = new DOMPoint(pt.cx.baseVal.value, pt.cy.baseVal.value);
        const other = [...document.querySelectorAll('svg.map path[data-iso2]')]
            .filter(path => path.getAttribute('data-iso2') !== 'ML' && path.isPointInFill(p));
        return {id, inMali: land.isPointInFill(p), elsewhere: other.length, shown: pt.getBoundingClientRect().width > 0};
    })""",
        ["inc-boulkessi", "inc-timbuktu"],
    )
    for point in inside:
        assert point == {"id": point["id"], "inMali": True, "elsewhere": 0, "shown": True}
    # Region-level places get a precision ring; exact places do not.
    assert seed_page.page.locator('a.mk[data-inc="inc-tahoua"] circle.ring').count() == 1
    assert seed_page.page.locator('a.mk[data-inc="inc-boulkessi"] circle.ring').count() == 0


def test_boulkessi_card_shows_the_conflict_with_quotes_and_outlets(seed_page):
    from playwright.sync_api import expect

    card = seed_page.page.locator("#inc-inc-boulkessi")
    card.scroll_into_view_if_needed()  # off-screen cards are not laid out (content-visibility: auto)
    expect(card.locator(".conflict")).to_contain_text("Conflicting reports", use_inner_text=True)
    conflict = card.locator(".conflict").inner_text()
    assert "31 or more" in conflict and "60 or more" in conflict
    assert "Reuters" in conflict and "Associated Press" in conflict
    rows = card.locator("table.claims").first.locator("tr.disputed")
    assert rows.count() == 2
    text = " ".join(rows.all_inner_texts())
    assert "Two security sources said more than 30 soldiers had been killed." in text
    assert "killed at least 60 soldiers and wounded 40 more, a civil society activist" in text
    assert "Reuters" in text and "Associated Press" in text
    assert "003_a5ae" in text and "002_d621" in text  # the echoes in derived articles


def test_sources_nest_rewrites_under_their_originals(seed_page):
    page = seed_page.page
    assert page.locator(f"#art-{A1} #art-{A2}").count() == 1
    assert page.locator(f"#art-{A0} #art-{A3}").count() == 1
    assert page.locator(f"#art-{A0} #art-{A2}").count() == 0
    # The side-by-side view of a reuse edge opens and shows both sentences.
    details = page.locator(f"#art-{A2} details.sbs").first
    details.locator("summary").click()
    assert "as reported by a civil society activist from the area" in details.inner_text()
    marks = page.locator(f"#art-{A1} > details.text mark.fig")
    assert "at least 60 soldiers" in marks.all_text_contents()


def test_filters_select_country_type_dates_and_text(seed_page):
    from playwright.sync_api import expect

    page = seed_page.page
    assert seed_page.visible_cards() == 7
    page.select_option("#filters select[name=country]", "NE")
    assert seed_page.visible_cards() == 2
    assert page.locator("svg.map a.mk:visible").count() == 2
    assert "2 of 7" in page.inner_text("#shown")
    page.select_option("#filters select[name=country]", "ML")
    assert seed_page.visible_cards() == 4
    page.fill("#filters input[name=q]", "hospital employee")
    assert seed_page.visible_cards() == 1 and page.locator("#inc-inc-timbuktu").is_visible()
    page.click("#filters button[type=reset]")
    expect(page.locator("article.card.off")).to_have_count(0)  # polls: the page's CSP forbids eval
    page.select_option("#filters select[name=type]", "battles")
    assert seed_page.visible_cards() == 7
    page.fill("#filters input[name=from]", "2025-05-11")
    page.fill("#filters input[name=to]", "2025-05-23")
    assert seed_page.visible_cards() == 1 and page.locator("#inc-inc-djibo").is_visible()  # "mid-May"
    page.fill("#filters input[name=q]", "no such words anywhere")
    assert seed_page.visible_cards() == 0 and page.locator("#no-match").is_visible()
    page.click("#filters button[type=reset]")
    expect(page.locator("article.card.off")).to_have_count(0)  # polls: the page's CSP forbids eval


def test_screenshots_of_the_top_at_laptop_and_phone_width(seed_page, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    seed_page.page.evaluate("window.scrollTo(0, 0)")
    seed_page.page.screenshot(path=str(ARTIFACTS / "report-top.png"))
    phone = Opened(
        browser,
        Path(seed_page.page.url.removeprefix("file://")),
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    # Nothing is wider than the phone's screen: no sideways scrolling of the page.
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    phone.page.screenshot(path=str(ARTIFACTS / "report-phone.png"))
    phone.page.locator("#inc-inc-boulkessi").screenshot(path=str(ARTIFACTS / "report-phone-card.png"))
    phone.context.close()
    assert (ARTIFACTS / "report-top.png").stat().st_size > 10_000


def test_page_without_javascript_lists_everything(browser, seed_page):
    plain = Opened(browser, Path(seed_page.page.url.removeprefix("file://")), java_script_enabled=False)
    assert plain.visible_cards() == 7
    assert not plain.page.locator("#filters").is_visible()
    assert plain.page.locator("svg.map a.mk").count() == 7
    plain.context.close()


def test_hostile_text_does_not_execute_or_break_the_page(browser, tmp_path):
    from playwright.sync_api import expect

    path = tmp_path / "report.html"
    path.write_text(render_report(hostile_data()), encoding="utf-8")
    opened = Opened(browser, path)
    page = opened.page
    page.wait_for_timeout(200)
    assert opened.dialogs == [] and opened.errors == []
    assert page.evaluate("window.__pwned === undefined")
    assert [u for u in opened.requests if u != page.url] == []
    assert page.locator("article.card").count() == 7
    assert page.locator("script").count() == 2
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.evaluate(
        "[...document.querySelectorAll('*')].every(e => ![...e.attributes].some(a => a.name.startsWith('on')))"
    )
    assert page.evaluate(
        "[...document.querySelectorAll('a[href]')].every(a => /^(https?:|#|rejected\\.json$)/.test(a.getAttribute('href')))"
    )
    # The payloads are shown as text, the sections after them are all there, and the filters still work.
    title = page.locator("#inc-inc-boulkessi h3")
    title.scroll_into_view_if_needed()
    expect(title).to_contain_text("<script>window.__pwned=1</script>", use_inner_text=True)
    assert page.locator("#sources li.src").count() == 5 and page.locator("footer").count() == 1
    page.select_option("#filters select[name=country]", "NE")
    assert opened.visible_cards() == 2
    opened.context.close()
