"""Issue 22, point 2: evidence from a structured source is shown as a record, in headless Chromium.

An OpenSanctions-style FtM ownership (``tests/fixtures/ftm/identity.ftm.jsonl``: Alexander Zakharov
holds 49 % of LLC CST) shows its fields under followthemoney's property labels — "Percentage held"
49, marked as quoted — and no JSON; the source is titled by its dataset and what it states. An FCC
Covered List row (``data/samples/fcc_covered_list_2026.csv``) shows the table's own column names, the
name and the date of inclusion marked, the row's date as the source's date, and no "FCC → FCC" chain.

Screenshots are written to ``test-results/records-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney import model
from playwright.sync_api import Locator, Page, expect

from config import Settings
from graph.database import Graph

from .conftest import ROOT, served

SETTLED = "window.regkg && window.regkg.settled()"
WAIT = 30_000  # ms: the first queries on a cold server on a busy 2-core machine can take seconds
SHOTS = ROOT / "test-results"
ZAKHAROV, CST = "person:ftm-id-zakharov", "firm:ftm-id-cst"
AO_KASPERSKY, COVERED_LIST = "firm:fcc-ao-kaspersky-lab", "list:us-fcc-covered-list"
PERCENTAGE = model.get("Ownership").properties["percentage"].label  # "Percentage held" in followthemoney 4.11


@pytest.fixture(scope="module")
def records_url(graph: Graph, settings: Settings, ui_built: Path) -> Iterator[str]:
    """The API and page with the FCC sample and a small FtM file (an ownership with a percentage)."""
    with served(
        graph,
        settings,
        ["load", "fcc", str(ROOT / "data" / "samples" / "fcc_covered_list_2026.csv")],
        ["load", "ftm", str(ROOT / "tests" / "fixtures" / "ftm" / "identity.ftm.jsonl")],
    ) as url:
        yield url


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=30_000)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"records-{name}.png"))


def open_by_search(page: Page, url: str, typed: str, name: str) -> None:
    """Types a name into the search box and opens the suggestion `name` with the keyboard."""
    page.goto(f"{url}/ui/")
    settle(page)
    page.locator("#search").press_sequentially(typed, delay=20)
    options = page.locator("#search ~ .suggestions li.option")
    expect(options.first).to_be_visible(timeout=WAIT)
    names = options.locator(".option-name").all_inner_texts()
    assert name in names, names
    for _ in range(names.index(name)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text(name, timeout=WAIT)


def click_fact(page: Page, subject: str, predicate: str, obj: str) -> str:
    """Clicks the edge subject -predicate-> obj at its midpoint on the canvas, like a user."""
    fact_id, x, y = page.evaluate(
        """([s, p, o]) => { const cy = window.regkg.cy;
             const e = cy.edges().filter(e => e.data('predicate') === p && e.source().id() === s && e.target().id() === o);
             if (e.empty()) throw new Error('no edge ' + s + ' ' + p + ' ' + o);
             const m = e.first().renderedMidpoint(); const r = cy.container().getBoundingClientRect();
             return [e.first().id(), r.left + m.x, r.top + m.y]; }""",
        [subject, predicate, obj],
    )
    page.mouse.click(x, y)
    settle(page)
    expect(page.locator("#details .fact-title")).to_have_attribute("data-fact-id", fact_id, timeout=WAIT)
    return str(fact_id)


def field(record: Locator, label: str) -> Locator:
    """The record's row labelled `label` (its header cell reads exactly that)."""
    return record.locator("tr").filter(has=record.page.get_by_role("rowheader", name=label, exact=True))


def test_an_ftm_ownership_shows_its_percentage_as_a_labelled_field_not_json(page: Page, records_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_by_search(page, records_url, "Alexander Zakharov", "Alexander Zakharov")
    click_fact(page, ZAKHAROV, "owns", CST)
    details = page.locator("#details")
    expect(details.locator(".fact-title")).to_contain_text("owns")

    record = details.locator("figure.record-ftm")
    expect(record).to_have_count(1, timeout=WAIT)
    expect(record.locator("figcaption")).to_have_text("Ownership · FtM record id-ownership")
    percentage = field(record, PERCENTAGE)
    expect(percentage).to_have_count(1)
    expect(percentage.locator("td")).to_have_text("49")
    expect(percentage.locator("td mark")).to_have_text("49")  # the claim quotes it: marked
    expect(percentage).to_have_class("cited")
    # the ends are named (their FtM ids kept beside the names), marked as quoted too
    expect(field(record, "Owner").locator("td")).to_have_text("Alexander Zakharov (id-zakharov)")
    expect(field(record, "Asset").locator("td")).to_have_text("LLC CST (id-cst)")
    expect(field(record, "datasets")).not_to_have_class("cited")
    # titled by the dataset and what the record states; no chain (no party but the record's)
    citation = details.locator("section.citation")
    expect(citation.locator(".source-title")).to_have_text(
        "regkg_identity_fixture (FtM) Ownership: Alexander Zakharov owns 49 % of LLC CST"
    )
    expect(citation.locator(".chain")).to_have_count(0)
    # never raw JSON: no brace, no quoted key anywhere in the evidence
    text = details.inner_text()
    assert "{" not in text and '"percentage"' not in text and '["49"]' not in text, text
    record.scroll_into_view_if_needed()
    shot(page, "01-ftm-ownership")

    # the ownership panel of LLC CST reads the holding's quote with the same labels
    details.locator(".fact-title button.link", has_text="LLC CST").click()
    settle(page)
    expect(details.locator(".entity-name")).to_have_text("LLC CST", timeout=WAIT)
    holding = details.locator(".own-quote mark", has_text=f"{PERCENTAGE}: 49")
    expect(holding).to_have_count(1, timeout=WAIT)  # the ownership tree loads after the entity
    expect(holding).to_have_text(f"Owner: id-zakharov; Asset: id-cst; {PERCENTAGE}: 49")
    assert all("{" not in q for q in details.locator(".own-quote").all_inner_texts())
    holding.scroll_into_view_if_needed()
    shot(page, "02-ftm-ownership-panel")
    assert errors == []


def test_an_fcc_row_shows_its_column_names_its_date_and_no_chain(page: Page, records_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_by_search(page, records_url, "AO Kaspersky", "AO Kaspersky Lab")
    click_fact(page, AO_KASPERSKY, "listed-on", COVERED_LIST)
    details = page.locator("#details")

    record = details.locator("figure.record-csv")
    expect(record).to_have_count(1, timeout=WAIT)
    expect(record.locator("figcaption")).to_have_text("Row of the FCC Covered List table (comma layout)")
    expect(record.locator("th")).to_have_text(["covered_equipment_or_services", "date_of_inclusion_on_covered_list"])
    date = field(record, "date_of_inclusion_on_covered_list")
    expect(date.locator("td mark")).to_have_text("March 25, 2022")
    expect(date).to_have_class("cited")
    covered = field(record, "covered_equipment_or_services")
    expect(covered.locator("td")).to_contain_text("Information security products, solutions, and services")
    expect(covered.locator("td mark")).to_have_text("AO Kaspersky Lab")  # the name, marked inside its cell
    # the source: the list and the entry; the row's own date; the FCC's row from the FCC's table is no chain
    citation = details.locator("section.citation")
    expect(citation).to_have_count(1)  # both quotes (name and date) in one record
    expect(citation.locator(".source-title")).to_have_text("FCC Covered List: AO Kaspersky Lab")
    meta = citation.locator(".source-meta .subtle")
    expect(meta).to_contain_text("Federal Communications Commission · 2022-03-25")
    expect(meta).not_to_contain_text("date not stated")
    expect(citation.locator(".chain")).to_have_count(0)
    assert "{" not in details.inner_text()
    citation.locator(".source-meta").scroll_into_view_if_needed()  # the record and its source's title and date
    shot(page, "03-fcc-row")
    assert errors == []
