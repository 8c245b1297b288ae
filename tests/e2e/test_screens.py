"""Issue 22, point 4: the investigator's page on any screen, in headless Chromium on the seed.

At 390×844 the graph takes the whole width and the panels are sheets over it (tabs: Graph, Paths &
filters, Details): search → open → evidence works and nothing overflows sideways (every element's
layout box inside the viewport unless a scrolling panel clips it). At 1024×700 the legend starts
folded and the graph keeps most of the width (the path finder and filters are a sheet); at 1920×1080
every panel shows side by side. Expanding a node keeps every node already there where it was and
puts the new ones around it, overlapping none.

Screenshots are written to ``test-results/screen-*.png``.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import FloatRect, Page, expect

from .conftest import HUB, ROOT
from .test_investigator import FSB, KASPERSKY, QUOTE, click_element, fact_between, settle

SHOTS = ROOT / "test-results"

# every element with a layout box that reaches past the viewport's sides, unless an ancestor that
# clips its overflow (a scrolling panel) is itself inside the viewport
OVERFLOW = """() => {
  const vw = window.innerWidth; const out = [];
  const inside = (r) => r.left >= -0.5 && r.right <= vw + 0.5;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || inside(r)) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible' && inside(a.getBoundingClientRect())) { clipped = true; break; }
    }
    if (!clipped) out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return { vw, scrollWidth: document.documentElement.scrollWidth, bodyWidth: document.body.scrollWidth, out };
}"""


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"screen-{name}.png"))


def no_overflow(page: Page) -> None:
    o = page.evaluate(OVERFLOW)
    assert o["scrollWidth"] <= o["vw"] and o["bodyWidth"] <= o["vw"], o
    assert o["out"] == [], o


def box(page: Page, selector: str) -> FloatRect:
    b = page.locator(selector).bounding_box()
    assert b, f"{selector} has no layout box (hidden?)"
    return b


def within(page: Page, selector: str, width: int) -> FloatRect:
    b = box(page, selector)
    assert b["x"] >= -0.5 and b["x"] + b["width"] <= width + 0.5, (selector, b)
    return b


def test_390x844_search_open_evidence_without_overflow(page: Page, live_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_url}/ui/")
    settle(page)
    for selector in (".topbar", "#panel-tabs", ".canvas", ".under", "#empty"):
        within(page, selector, 390)
    expect(page.locator("#details")).to_be_hidden()  # a sheet, behind the Details tab
    expect(page.locator("#sidebar")).to_be_hidden()
    expect(page.locator("#legend")).not_to_have_attribute("open", "")
    no_overflow(page)
    shot(page, "390x844-start")

    # search → open: the graph takes the whole width
    search = page.locator("#search")
    search.click()
    search.press_sequentially("Kaspersky Lab", delay=20)
    options = page.locator("#search ~ .suggestions li.option")
    expect(options.first).to_be_visible()
    within(page, "#search ~ .suggestions", 390)
    names = options.locator(".option-name").all_inner_texts()
    for _ in range(names.index("Kaspersky Lab")):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    assert KASPERSKY in page.evaluate("window.regkg.cy.nodes().map(n => n.id())")
    canvas = within(page, ".canvas", 390)
    assert canvas["width"] >= 389 and canvas["height"] >= 400, canvas
    no_overflow(page)
    shot(page, "390x844-opened")

    # the details tab shows the entity
    page.locator("#tab-details").click()
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")
    within(page, "#details", 390)
    no_overflow(page)
    page.locator("#tab-graph").click()
    expect(page.locator("#details")).to_be_hidden()

    # evidence: tapping an edge brings the details sheet up with the quote in its text
    fact = fact_between(page, KASPERSKY, "alleged-tie-to", FSB)
    assert fact
    page.evaluate("(id) => { window.regkg.cy.center(window.regkg.cy.getElementById(id)); }", fact)
    settle(page)
    click_element(page, fact)
    settle(page)
    details = page.locator("#details")
    expect(details).to_be_visible()
    expect(details.locator(".fact-title")).to_contain_text("alleged-tie-to")
    mark = details.locator("blockquote.quote mark").first
    expect(mark).to_contain_text(QUOTE)
    expect(page.locator("#tab-details")).to_have_attribute("aria-pressed", "true")
    within(page, "#details", 390)
    for selector in ("#details .fact-title", "#details blockquote.quote", "#details .claim"):
        within(page, f"{selector} >> nth=0", 390)
    no_overflow(page)
    shot(page, "390x844-evidence")

    # the path finder and filters: a sheet too
    page.locator("#tab-side").click()
    expect(page.locator("#sidebar")).to_be_visible()
    expect(details).to_be_hidden()
    within(page, "#sidebar", 390)
    within(page, "#pathfinder", 390)
    no_overflow(page)
    shot(page, "390x844-paths")
    assert errors == []


def test_1024x700_legend_folded_and_the_graph_keeps_the_width(page: Page, live_url: str) -> None:
    page.set_viewport_size({"width": 1024, "height": 700})
    page.goto(f"{live_url}/ui/#e={KASPERSKY}&node={KASPERSKY}")
    settle(page)
    expect(page.locator("#legend")).not_to_have_attribute("open", "")
    expect(page.locator("#sidebar")).to_be_hidden()
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")
    canvas = within(page, ".canvas", 1024)
    assert canvas["width"] >= 0.6 * 1024, canvas
    details = within(page, "#details", 1024)
    assert details["x"] >= canvas["x"] + canvas["width"] - 0.5  # side by side, not over the graph
    no_overflow(page)
    shot(page, "1024x700")

    # the path finder and filters open as a sheet over the graph; Escape closes it
    tab = page.locator("#tab-side")
    tab.click()
    expect(page.locator("#sidebar")).to_be_visible()
    expect(tab).to_have_attribute("aria-pressed", "true")
    within(page, "#sidebar", 1024)
    no_overflow(page)
    shot(page, "1024x700-paths")
    page.locator("#path-from").focus()
    page.keyboard.press("Escape")  # the box is empty: the sheet closes, the focus goes back to its tab
    page.keyboard.press("Escape")
    expect(page.locator("#sidebar")).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "tab-side"


def test_1920x1080_everything_visible(page: Page, live_url: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{live_url}/ui/#e={KASPERSKY}&node={KASPERSKY}")
    settle(page)
    expect(page.locator("#panel-tabs")).to_be_hidden()
    for selector in ("#sidebar", ".canvas", "#details", "#legend", "#timeline > summary", "#pathfinder", "#filters"):
        expect(page.locator(selector)).to_be_visible()
    expect(page.locator("#legend")).to_have_attribute("open", "")
    side, canvas, details = (within(page, s, 1920) for s in ("#sidebar", ".canvas", "#details"))
    assert side["x"] + side["width"] <= canvas["x"] + 0.5 and canvas["x"] + canvas["width"] <= details["x"] + 0.5
    assert canvas["width"] >= 1000, canvas
    no_overflow(page)
    shot(page, "1920x1080")

    # a long name is cut short on the canvas (one line, an ellipsis); hovering it shows it in full
    assert page.evaluate(f"window.regkg.cy.getElementById('{FSB}').style('text-wrap')") == "ellipsis"
    x, y = page.evaluate(
        f"""(() => {{ const cy = window.regkg.cy; const p = cy.getElementById('{FSB}').renderedPosition();
              const r = cy.container().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }})()"""
    )
    page.mouse.move(x, y)
    expect(page.locator("#cy")).to_have_attribute("title", "Federal Security Service (Agency)")


def positions(page: Page) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = page.evaluate(
        "(() => { const o = {}; window.regkg.cy.nodes().forEach(n => o[n.id()] = n.position()); return o; })()"
    )
    return found


def boxes(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        """(() => { const o = {}; window.regkg.cy.nodes().forEach(n => {
             const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
             o[n.id()] = [b.x1, b.y1, b.x2, b.y2]; }); return o; })()"""
    )
    return found


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_expanding_keeps_positions_and_places_new_nodes_apart(page: Page, live_url: str) -> None:
    """Test Firm 00 opened (its list beside it), then the list expanded: 25 firms and a "+N more"
    arrive around the list; Test Firm 00 and the list stay where they were."""
    first = "firm:e2e-test-firm-00"
    page.goto(f"{live_url}/ui/#e={first}&node={first}")
    settle(page)
    before = positions(page)
    assert set(before) == {first, HUB}, before
    shot(page, "expand-01-before")
    click_element(page, HUB, double=True)
    settle(page)
    after = positions(page)
    added = set(after) - set(before)
    assert len(added) >= 25, added
    for node, p in before.items():
        assert abs(after[node]["x"] - p["x"]) < 0.5 and abs(after[node]["y"] - p["y"]) < 0.5, (node, p, after[node])
    assert page.evaluate("window.regkg.timings[window.regkg.timings.length - 1].layout") == "place"
    b = boxes(page)
    clashes = [(n, o) for n in added for o in b if o != n and (o not in added or n < o) and overlap(b[n], b[o])]
    assert clashes == [], clashes[:5]
    # around the expanded node: every new node nearer to the list than the view is wide
    hub = after[HUB]
    far = max(((after[n]["x"] - hub["x"]) ** 2 + (after[n]["y"] - hub["y"]) ** 2) ** 0.5 for n in added)
    assert far < 1200, far
    shot(page, "expand-02-after")
