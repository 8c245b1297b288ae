"""Issue 22, point 5: the investigator's page from the keyboard, and axe-core on its main views, in
headless Chromium on the seed.

The keyboard: Tab goes search → path finder → graph → details → timeline; on the graph the arrow
keys move the selection between the selected entity's neighbours, Enter opens the details, Escape
goes back; a timeline event opens its evidence with Enter. axe-core (web/'s devDependency) runs on
the start page, an entity opened, evidence, the timeline, paths, the asserting parties of a
"no path" and the 390×844 view: no serious or critical violation.

Screenshots are written to ``test-results/keyboard-*.png`` and ``test-results/axe-*.png``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from .conftest import ROOT
from .test_investigator import FSB, KASPERSKY, QUOTE, RUSSIA, fact_between, settle

SHOTS = ROOT / "test-results"
log = logging.getLogger(__name__)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def focused(page: Page) -> str:
    """Where the focus is: the element's id, or the region it is in."""
    where: str = page.evaluate(
        """(() => { const a = document.activeElement; if (!a || a === document.body) return 'body';
             if (a.id) return '#' + a.id;
             const region = a.closest('#details, #timeline, #sidebar, #legend, .topbar');
             return (region ? (region.id ? '#' + region.id : '.' + region.className.split(' ')[0]) + ' ' : '')
               + a.tagName.toLowerCase() + (a.classList.length ? '.' + [...a.classList].join('.') : ''); })()"""
    )
    return where


def tab_until(page: Page, predicate: str, limit: int = 60) -> list[str]:
    """Presses Tab until `predicate` (JS, on document.activeElement) holds; the stops on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        if page.evaluate(f"(a => {predicate})(document.activeElement)"):
            return stops
    raise AssertionError(f"Tab never reached {predicate}: {stops}")


def selected(page: Page) -> list[str]:
    ids: list[str] = page.evaluate("window.regkg.cy.elements(':selected').map(e => e.id())")
    return ids


def test_keyboard_search_graph_details_timeline(page: Page, live_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_url}/ui/")
    settle(page)

    # search: "/" focuses it, the suggestions are picked with the arrows and Enter
    page.keyboard.press("/")
    assert focused(page) == "#search"
    page.keyboard.type("Kaspersky Lab", delay=20)
    expect(page.locator("#search ~ .suggestions li.option").first).to_be_visible()
    names = page.locator("#search ~ .suggestions .option-name").all_inner_texts()
    for _ in range(names.index("Kaspersky Lab")):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")

    # Tab: the path finder, then the graph
    stops = tab_until(page, "a.id === 'cy'")
    assert "#path-from" in stops and stops.index("#path-from") < stops.index("#cy"), stops
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # a visible focus
    assert selected(page) == [KASPERSKY]
    neighbours = set(
        page.evaluate(
            f"window.regkg.cy.getElementById('{KASPERSKY}').neighborhood('node').not('.more').map(n => n.id())"
        )
    )

    # arrows: the selection moves between Kaspersky's neighbours, and the details follow
    page.keyboard.press("ArrowRight")
    settle(page)
    first = selected(page)
    assert len(first) == 1 and first[0] in neighbours, first
    name = page.evaluate(f"window.regkg.cy.getElementById('{first[0]}').data('label')")
    expect(page.locator("#details .entity-name")).to_have_text(name)
    expect(page.locator("#graph-announce")).to_contain_text("neighbour 1 of")
    page.keyboard.press("ArrowRight")
    settle(page)
    second = selected(page)
    assert second[0] in neighbours and second != first
    page.keyboard.press("ArrowLeft")
    settle(page)
    assert selected(page) == first
    shot(page, "keyboard-01-neighbour")
    page.keyboard.press("Escape")  # back to the entity the arrows started from
    settle(page)
    assert selected(page) == [KASPERSKY]

    # Enter opens the details: the focus moves there; Escape there returns to the graph
    page.keyboard.press("ArrowRight")
    settle(page)
    page.keyboard.press("Enter")
    settle(page)
    assert focused(page) == "#details"
    expect(page.locator("#details .entity-name")).to_have_text(name)
    page.keyboard.press("Tab")
    assert focused(page) == "#expand-btn"
    page.keyboard.press("Escape")
    assert focused(page) == "#cy"
    page.keyboard.press("Escape")  # from the neighbour opened, back to Kaspersky
    settle(page)
    assert selected(page) == [KASPERSKY]

    # Tab on: the details, then the timeline; an event opens its evidence with Enter
    stops = tab_until(page, "a.closest('#timeline') !== null")
    assert any(s.startswith("#details") or s == "#expand-btn" for s in stops), stops
    page.keyboard.press("Enter")  # opens the timeline (a <details>)
    expect(page.locator("#timeline")).to_have_attribute("open", "")
    settle(page)
    tab_until(page, "a.classList.contains('tl-event') || a.classList.contains('tl-undated-item')")
    fact = page.evaluate("document.activeElement.dataset.factId")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .fact-title")).to_be_visible()
    assert selected(page) == [fact]
    shot(page, "keyboard-02-timeline-evidence")
    assert errors == []


AXE_RUN = """async () => {
  const r = await axe.run(document, { resultTypes: ['violations'] });
  return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 8).map(n => ({ target: n.target.join(' '), summary: n.failureSummary })) }));
}"""


def axe(page: Page, axe_script: Path, name: str) -> list[dict[str, Any]]:
    """Runs axe-core on the page as it is; logs every violation (and writes them to
    ``test-results/axe-<name>.json``), returns the serious and critical ones."""
    settle(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(AXE_RUN)
    for v in violations:
        log.warning("axe %s: %s %s — %s\n%s", name, v["impact"], v["id"], v["help"], json.dumps(v["nodes"], indent=1))
    shot(page, f"axe-{name}")
    (SHOTS / f"axe-{name}.json").write_text(json.dumps(violations, indent=1))
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_violation_on_the_main_views(page: Page, live_url: str, axe_script: Path) -> None:
    found: dict[str, list[dict[str, Any]]] = {}
    page.goto(f"{live_url}/ui/")
    found["start"] = axe(page, axe_script, "start")

    page.goto(f"{live_url}/ui/#e={KASPERSKY}&node={KASPERSKY}")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")
    found["entity"] = axe(page, axe_script, "entity")

    fact = fact_between(page, KASPERSKY, "alleged-tie-to", FSB)
    page.goto(f"{live_url}/ui/#e={KASPERSKY}&fact={fact}")
    settle(page)
    expect(page.locator("#details blockquote.quote mark").first).to_contain_text(QUOTE)
    found["evidence"] = axe(page, axe_script, "evidence")

    page.locator("#timeline > summary").click()
    expect(page.locator(".tl-event").first).to_be_visible()
    found["timeline"] = axe(page, axe_script, "timeline")

    page.goto(f"{live_url}/ui/#e={KASPERSKY}&from={KASPERSKY}&to={RUSSIA}")
    settle(page)
    expect(page.locator("ol.paths > li").first).to_be_visible()
    found["paths"] = axe(page, axe_script, "paths")

    page.goto(f"{live_url}/ui/#e={KASPERSKY}&from={KASPERSKY}&to=country:de&parties=1")
    settle(page)
    expect(page.locator("#path-results .statement").first).to_be_visible()
    found["no-path-parties"] = axe(page, axe_script, "no-path-parties")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_url}/ui/#e={KASPERSKY}&fact={fact}")
    settle(page)
    page.locator("#tab-details").click()
    expect(page.locator("#details blockquote.quote mark").first).to_contain_text(QUOTE)
    found["390x844-evidence"] = axe(page, axe_script, "390x844-evidence")
    page.locator("#tab-side").click()
    found["390x844-paths"] = axe(page, axe_script, "390x844-paths")

    assert {k: v for k, v in found.items() if v} == {}
