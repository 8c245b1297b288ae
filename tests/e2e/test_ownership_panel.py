"""Issue 19: the entity details panel's "Ownership (50 % rule)" section in headless Chromium, on
the real Neo4j with the seed and a hand-built ownership structure written through POST /v1/claims
(OFAC FAQ 401's third example, an ended holding, an alleged one, a share not stated — the same
structure as tests/integration/test_ownership.py).

Every step writes a screenshot under ``test-results/<test>/``; the first test also writes
``/tmp/ownership-panel.png`` (1280×800) and ``/tmp/ownership-panel-390.png`` (390 px wide).
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Locator, Page, Route, expect

from config import Settings
from tests.ownership_structure import BODY

SETTLED = "window.regkg && window.regkg.settled()"
BLOCKED_RED = "rgb(185, 28, 28)"  # theme.ts OWNERSHIP_STYLE.blocked
UNKNOWN_AMBER = "rgb(180, 83, 9)"  # theme.ts OWNERSHIP_STYLE.unknown


@pytest.fixture(scope="module")
def url(live_url: str, settings: Settings) -> str:
    """The page, with the ownership structure added to the seed through the API."""
    r = httpx.post(
        f"{live_url}/v1/claims",
        json=BODY,
        headers={"X-API-Key": settings.api_key.get_secret_value()},
        timeout=60,
    )
    assert r.status_code == 201, r.text
    return live_url


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=30_000)


def shot(page: Page, output_path: str, name: str) -> None:
    Path(output_path).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(output_path) / f"{name}.png"))


def open_entity(page: Page, text: str, expected: str) -> None:
    """Types into the search box and opens the suggestion named `expected` with the keyboard."""
    box = page.locator("#search")
    box.fill("")
    box.press_sequentially(text, delay=20)
    options = page.locator("#search ~ .suggestions li.option")
    expect(options.first).to_be_visible()
    names = options.locator(".option-name").all_inner_texts()
    assert expected in names, names
    for _ in range(names.index(expected)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text(expected)


def section(page: Page) -> Locator:
    return page.locator("#details section.ownership")


def holding(parent: Locator, owner: str) -> Locator:
    """A holding directly in `parent`'s list (not one further up the tree)."""
    return parent.locator(f":scope > ul.own-tree > li.own-holding[data-owner='{owner}']")


def test_beta_trading_is_blocked_by_the_shares_of_its_blocked_owners(page: Page, url: str, output_path: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/ui/")
    settle(page)
    open_entity(page, "Beta Trad", "Beta Trading")
    own = section(page)
    expect(own.locator("h3")).to_have_text("Ownership (50 % rule)")

    verdict = own.locator(".own-verdict")
    expect(verdict).to_have_class(re.compile(r"\bown-blocked\b"))
    expect(verdict.locator(".own-headline")).to_contain_text("Blocked by the 50 % rule")
    expect(verdict.locator(".own-badge")).to_have_text("blocked")
    expect(verdict.locator(".own-reason")).to_contain_text("owned 50 % or more by blocked persons")
    expect(verdict.locator(".own-reason")).to_contain_text("Alpha Holding 40 % (blocked by the rule)")  # ids named
    expect(verdict.locator(".own-share-line")).to_have_text("Blocked owners hold 50 %")  # no maximum: none missing
    rule = verdict.locator(".own-rule")
    expect(rule).to_contain_text("OFAC 50 % rule")
    expect(rule).to_contain_text("computed")
    expect(rule.locator(".own-cite")).to_contain_text("FAQs 398-402")
    assert "FAQs 398-402" in (rule.get_attribute("title") or "")
    expect(own.locator(".own-missing")).to_have_count(0)

    tree = own.locator("details.own-tree-box")
    expect(tree).to_have_attribute("open", "")
    expect(tree.locator(":scope > summary")).to_have_text("Owners of Beta Trading (2)")
    expect(tree.locator(":scope > ul.own-tree > li")).to_have_count(2)

    alpha = holding(tree, "firm:own-a")
    row = alpha.locator(":scope > .own-row")
    expect(row.locator("button.link")).to_have_text("Alpha Holding")
    expect(row.locator(".own-share")).to_have_text("40 %")
    expect(row.locator(".own-badge")).to_have_text("blocked")
    expect(alpha).to_have_class(re.compile(r"\bown-blocked\b"))
    expect(alpha.locator(":scope > .own-why")).to_contain_text("blocked by the rule: owned 50 % or more")
    expect(alpha.locator(":scope > .own-why")).to_contain_text("Oleg Example 50 %")
    expect(alpha.locator(":scope > .own-quote mark")).to_have_text("Alpha Holding holds 40 percent of Beta Trading")
    assert alpha.evaluate("e => getComputedStyle(e).borderLeftColor") == BLOCKED_RED

    oleg = holding(tree, "person:own-x")
    row = oleg.locator(":scope > .own-row")
    expect(row.locator("button.link")).to_have_text("Oleg Example")
    expect(row.locator(".own-share")).to_have_text("10 %")
    expect(row.locator(".own-badge")).to_have_text("blocked")
    expect(oleg).to_have_class(re.compile(r"\bown-blocked\b"))
    expect(oleg.locator(":scope > .own-why")).to_contain_text("listed: listed-on Specially Designated Nationals")
    expect(oleg.locator(":scope > .own-listing .own-quote mark")).to_have_text(
        "OFAC designated Oleg Example on 11 March 2022"
    )
    expect(oleg.locator(":scope > .own-quote mark")).to_have_text("Oleg Example holds 10 percent of Beta Trading")
    expect(oleg.locator(":scope > details.own-owners")).to_have_count(0)  # nobody owns Oleg

    # up the tree: Alpha's owner, in a nested collapsible list
    above = alpha.locator(":scope > details.own-owners")
    expect(above).to_have_attribute("open", "")
    expect(above.locator(":scope > summary")).to_have_text("Owners of Alpha Holding (1)")
    nested = holding(above, "person:own-x")
    expect(nested.locator(":scope > .own-row .own-share")).to_have_text("50 %")
    expect(nested.locator(":scope > .own-row .own-badge")).to_have_text("blocked")
    above.locator(":scope > summary").click()  # collapses
    expect(nested).to_be_hidden()
    above.locator(":scope > summary").click()
    expect(nested).to_be_visible()
    shot(page, output_path, "01-beta-trading")

    # the page's screenshots at a laptop's size and a phone's width, the section in view
    page.set_viewport_size({"width": 1280, "height": 800})
    own.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/ownership-panel.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#tab-details").click()  # on a phone the details are a sheet over the graph
    own.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/ownership-panel-390.png")
    page.set_viewport_size({"width": 1600, "height": 900})

    # an owner's name selects it: its panel shows its own finding (Oleg holds exactly 50 %)
    alpha.locator(":scope > .own-row button.link").click()
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Alpha Holding")
    assert "node=firm:own-a" in page.url
    expect(section(page).locator(".own-verdict .own-headline")).to_contain_text("Blocked by the 50 % rule")
    shot(page, output_path, "02-alpha-holding")
    assert errors == []


def test_epsilon_bank_is_unknown_and_names_the_share_not_stated(page: Page, url: str, output_path: str) -> None:
    page.goto(f"{url}/ui/")
    settle(page)
    open_entity(page, "Epsilon", "Epsilon Bank")
    own = section(page)
    verdict = own.locator(".own-verdict")
    expect(verdict).to_have_class(re.compile(r"\bown-unknown\b"))
    expect(verdict.locator(".own-headline strong")).to_contain_text(
        "Unknown: the share of Oleg Example in Epsilon Bank"
    )
    expect(verdict.locator(".own-headline strong")).to_contain_text("not stated")
    expect(verdict.locator(".own-badge")).to_have_text("unknown")
    assert verdict.evaluate("e => getComputedStyle(e).borderLeftColor") == UNKNOWN_AMBER
    expect(verdict.locator(".own-share-line")).to_have_text(
        "Blocked owners hold 0 % (up to 100 % counting shares not stated)"
    )

    missing = own.locator("ul.own-missing > li")
    expect(missing).to_have_count(1)
    expect(missing.first).to_have_attribute("data-owner", "person:own-x")
    expect(missing.first.locator(".own-row")).to_contain_text("Oleg Example")
    expect(missing.first.locator(".own-row")).to_contain_text("share not stated")
    expect(missing.first.locator(".own-quote mark")).to_have_text(
        "Oleg Example holds an undisclosed stake in Epsilon Bank"
    )

    oleg = holding(own.locator("details.own-tree-box"), "person:own-x")
    expect(oleg.locator(":scope > .own-row .own-share")).to_have_text("share not stated")
    expect(oleg.locator(":scope > .own-row .own-badge")).to_have_text("blocked")

    own.scroll_into_view_if_needed()
    shot(page, output_path, "01-epsilon-bank")

    # "evidence" opens the holding's fact: the quote inside its source's text
    oleg.locator(":scope > .own-quote .own-evidence").click()
    settle(page)
    expect(page.locator("#details .fact-title")).to_contain_text("owns")
    expect(page.locator("#details blockquote.quote mark").first).to_have_text(
        "Oleg Example holds an undisclosed stake in Epsilon Bank"
    )
    shot(page, output_path, "02-evidence")


def test_dates_stances_and_the_filters_of_the_page(page: Page, url: str, output_path: str) -> None:
    # an ended holding, with its dates; on a later date (the page's as-of) it does not count
    page.goto(f"{url}/ui/#node=firm:own-c")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Gamma Shipping")
    own = section(page)
    expect(own.locator(".own-verdict .own-headline")).to_contain_text("Blocked by the 50 % rule")
    expect(own.locator("li[data-owner='person:own-x'] > .own-row .own-dates")).to_have_text("2015 – 2018")
    page.goto(f"{url}/ui/#node=firm:own-c&asof=2023-06-30")
    settle(page)
    expect(section(page).locator(".own-none")).to_have_text("No owners recorded (with the current filters and date).")
    expect(section(page).locator(".own-verdict")).to_have_count(0)

    # an alleged holding shows its stance; with allegations hidden (the page's stance filter) it is left out
    page.goto(f"{url}/ui/#node=firm:own-d")
    settle(page)
    own = section(page)
    expect(own.locator(".own-verdict .own-headline")).to_contain_text("Blocked by the 50 % rule")
    expect(own.locator("li[data-owner='person:own-x'] > .own-row .badge.stance")).to_have_text("alleged")
    page.check("#hide-allegations")
    settle(page)
    expect(section(page).locator(".own-none")).to_have_text("No owners recorded (with the current filters and date).")
    shot(page, output_path, "01-delta-without-allegations")

    # a listed person: nobody owns it, and it is blocked in its own right
    page.goto(f"{url}/ui/#node=person:own-x")
    settle(page)
    own = section(page)
    expect(own.locator(".own-none")).to_have_text("No owners recorded.")
    expect(own.locator(".own-self")).to_contain_text("Listed in its own right")
    expect(own.locator(".own-self .own-quote mark")).to_have_text("OFAC designated Oleg Example on 11 March 2022")


def test_no_section_for_what_nothing_owns_and_a_failure_stays_in_the_section(
    page: Page, url: str, output_path: str
) -> None:
    page.goto(f"{url}/ui/#node=country:us")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("United States")
    expect(section(page)).to_have_count(0)

    def fail(route: Route) -> None:
        route.fulfill(
            status=500,
            json={"error": {"code": "internal_error", "message": "something broke", "details": None}},
        )

    page.route(re.compile(r"/ownership(\?|$)"), fail)
    page.goto(f"{url}/ui/#node=firm:own-b")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Beta Trading")
    error = section(page).locator(".own-error")
    expect(error).to_contain_text("Ownership unavailable")
    expect(error).to_contain_text("500")
    expect(page.locator("#details")).to_contain_text("Sources (")  # the rest of the panel is there
    expect(page.locator("#banner")).to_be_hidden()
    shot(page, output_path, "01-ownership-failed")
