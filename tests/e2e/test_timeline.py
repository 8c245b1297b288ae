"""Issue 22, point 1: the timeline under the graph, in headless Chromium, on the demo's data (the seed,
the analysts' curated files, the FCC and CSL samples, the resolution decisions — what ``regkg demo``
loads).

Kaspersky Lab's timeline shows the 2017 federal ban, the 2022 Covered List listing and the 2024 Entity
List listing in that order; clicking the ban opens its evidence with the article's quote; brushing a
period (or typing it) sets the page's date to its end and the URL keeps the period (``tl=``).

Screenshots are written to ``test-results/timeline-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from config import Settings
from graph.database import Graph

from .conftest import ROOT, served

KASPERSKY = "firm:kaspersky-lab"
SETTLED = "window.regkg && window.regkg.settled()"
BAN_QUOTE = "on a federal level back in 2017"  # "the US banned Kaspersky's use on a federal level back in 2017"
SHOTS = ROOT / "test-results"
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def demo_url(graph: Graph, settings: Settings, ui_built: Path) -> Iterator[str]:
    """The API and page with the demo's data (``cli.main.load_demo_data``, run through the CLI)."""
    with served(
        graph,
        settings,
        ["load", "curated", str(DATA / "seed"), str(DATA / "curated")],
        ["load", "fcc", str(DATA / "samples" / "fcc_covered_list_2026.csv")],
        ["load", "csl", str(DATA / "samples" / "csl_us_trade_gov_2025_sample.csv")],
        ["resolve", "--apply"],
    ) as url:
        yield url


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=30_000)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"timeline-{name}.png"))


def hash_params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).fragment)


def open_kaspersky(page: Page, url: str) -> None:
    """Searches Kaspersky and opens Kaspersky Lab with the keyboard, as an investigator would."""
    page.goto(f"{url}/ui/")
    settle(page)
    search = page.locator("#search")
    search.press_sequentially("Kaspersky Lab", delay=20)
    options = page.locator("#search ~ .suggestions li.option")
    expect(options.first).to_be_visible()
    names = options.locator(".option-name").all_inner_texts()
    assert "Kaspersky Lab" in names, names
    for _ in range(names.index("Kaspersky Lab")):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")


def event(page: Page, predicate: str, at: str) -> Locator:
    return page.locator(f'.tl-event[data-predicate="{predicate}"][data-at="{at}"]')


def centre_x(page: Page, predicate: str, at: str) -> float:
    box = event(page, predicate, at).locator("circle.tl-mark").bounding_box()
    assert box, f"no {predicate} event at {at}"
    return box["x"] + box["width"] / 2


def test_kaspersky_timeline_in_order_with_the_ban_quote_and_a_period(page: Page, demo_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1280, "height": 800})
    open_kaspersky(page, demo_url)

    # the timeline is folded under the graph until opened; its summary already counts the facts
    timeline = page.locator("#timeline")
    expect(timeline.locator("summary")).to_contain_text("Kaspersky Lab")
    expect(timeline.locator("summary")).to_contain_text("3 dated")
    timeline.locator("summary").click()
    expect(page.locator(".tl-event").first).to_be_visible()
    settle(page)
    expect(page.locator("#legend")).not_to_have_attribute("open", "")  # the legend folds to make room

    # the 2017 ban, the 2022 Covered List listing and the 2024 Entity List listing, in that order
    ban, covered, entity_list = (
        event(page, "banned-by", "2017-01-01"),
        event(page, "listed-on", "2022-03-25"),
        event(page, "listed-on", "2024-06-20"),
    )
    for e in (ban, covered, entity_list):
        expect(e).to_have_count(1)
    x_ban, x_covered, x_entity = (
        centre_x(page, "banned-by", "2017-01-01"),
        centre_x(page, "listed-on", "2022-03-25"),
        centre_x(page, "listed-on", "2024-06-20"),
    )
    assert x_ban < x_covered < x_entity, (x_ban, x_covered, x_entity)
    expect(ban).to_contain_text("since 2017")
    expect(ban).to_contain_text("United States")
    expect(covered).to_contain_text("FCC Covered List")
    expect(entity_list).to_contain_text("Entity List")
    # the year 2017 is a partial date: its uncertainty is drawn over the year
    assert ban.locator(".tl-uncertain").count() == 1
    # facts without a date are listed apart, clickable too
    undated = page.locator(".tl-undated")
    expect(undated.locator(".tl-undated-head")).to_have_text(re.compile(r"Date unknown \(\d+\)"))
    expect(undated.locator("button[data-fact-id]").filter(has_text="alleged-tie-to").first).to_be_visible()

    # the layout at 1280×800 still gives the graph most of the room, and nothing overflows sideways
    graph_box = page.locator(".graph-area").bounding_box()
    assert graph_box and graph_box["height"] >= 300, graph_box
    assert page.evaluate(
        "(() => { const t = document.getElementById('timeline'); return t.scrollWidth <= t.clientWidth + 1; })()"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "01-kaspersky")

    # clicking the 2017 ban selects its edge and opens its evidence, with the quote
    ban.locator("circle.tl-mark").click()
    settle(page)
    ban_fact = ban.get_attribute("data-fact-id")
    details = page.locator("#details")
    expect(details.locator(".fact-title")).to_contain_text("banned-by")
    expect(details.locator(".fact-title")).to_contain_text("United States")
    expect(details.locator("blockquote.quote mark").filter(has_text=BAN_QUOTE)).to_have_count(1)
    assert page.evaluate("window.regkg.cy.elements(':selected').map(e => e.id())") == [ban_fact]
    assert hash_params(page)["fact"] == [ban_fact]
    expect(ban).to_have_class(re.compile(r"\bselected\b"))
    details.locator("blockquote.quote mark").filter(has_text=BAN_QUOTE).scroll_into_view_if_needed()
    shot(page, "02-ban-evidence")

    # brushing from before 2017 to between the two listings: the date becomes the period's end
    axis = page.locator(".tl-axis").bounding_box()
    assert axis
    y = axis["y"] + axis["height"] / 2
    page.mouse.move(x_ban - 12, y)
    page.mouse.down()
    page.mouse.move((x_ban + x_covered) / 2, y, steps=4)
    page.mouse.move((x_covered + x_entity) / 2, y, steps=4)
    page.mouse.up()
    settle(page)
    expect(page).to_have_url(re.compile(r"tl=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}"))
    params = hash_params(page)
    start, end = params["tl"][0].split("..")
    assert start <= "2017-01-01" and "2022-03-25" < end < "2024-06-20", params["tl"]
    assert params["asof"] == [end]
    expect(page.locator("#asof-label")).to_have_text(f"on {end[:4]}")
    expect(entity_list).to_have_class(re.compile(r"\bout\b"))  # after the period: dimmed
    expect(covered).not_to_have_class(re.compile(r"\bout\b"))
    entity_list_fact = entity_list.get_attribute("data-fact-id")
    assert page.evaluate("(id) => window.regkg.cy.getElementById(id).hasClass('inactive')", entity_list_fact)
    expect(page.locator("#tl-from")).to_have_value(start)
    expect(page.locator("#tl-to")).to_have_value(end)
    shot(page, "03-brushed")

    # the URL keeps it: a new page opens with the timeline shown and the period set
    again = page.context.new_page()
    again.set_viewport_size({"width": 1280, "height": 800})
    again.goto(page.url)
    settle(again)
    expect(again.locator("#timeline")).to_have_attribute("open", "")
    expect(again.locator("#tl-to")).to_have_value(end)
    expect(again.locator(".tl-brush .selection")).to_be_visible()
    expect(again.locator('.tl-event[data-predicate="listed-on"][data-at="2024-06-20"]')).to_have_class(
        re.compile(r"\bout\b")
    )
    again.close()

    # the keyboard alternative: type the period; arrows move between events, Enter opens one
    page.locator("#tl-from").fill("2017")
    page.locator("#tl-to").fill("2017-12-31")
    page.locator("#tl-to").press("Enter")
    settle(page)
    params = hash_params(page)
    assert params["tl"] == ["2017..2017-12-31"] and params["asof"] == ["2017-12-31"], params
    expect(covered).to_have_class(re.compile(r"\bout\b"))
    expect(ban).not_to_have_class(re.compile(r"\bout\b"))
    page.locator('.tl-event[tabindex="0"]').focus()
    focused = page.evaluate("document.activeElement.dataset.factId")
    assert focused == ban_fact, focused  # the event clicked last keeps the tab stop
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    settle(page)
    expect(details.locator(".fact-title")).to_contain_text("listed-on")
    expect(details.locator(".fact-title")).to_contain_text("FCC Covered List")
    shot(page, "04-typed-period-keyboard")

    # clearing the period clears the date it had set
    page.locator("#tl-clear").click()
    settle(page)
    params = hash_params(page)
    assert "tl" not in params and "asof" not in params, params
    expect(page.locator("#asof-label")).to_have_text("any time")

    # the whole view: the neighbours' facts too (Kaspersky Lab, Inc. is in the view)
    page.locator("#tl-scope").click()
    expect(page.locator("#timeline summary")).to_contain_text("whole view")
    assert errors == []
