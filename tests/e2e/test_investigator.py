"""Issue 6 acceptance: the investigator's page in headless Chromium on the real Neo4j with the seed.

Every step writes a screenshot under ``test-results/<test>/`` (pytest-playwright's output dir).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from cli.main import app as cli
from config import Settings

from .conftest import HUB, HUB_FIRMS, ROOT, LiveServer

KASPERSKY, RUSSIA, US, FSB = "firm:kaspersky-lab", "country:ru", "country:us", "agency:fsb"
QUOTE = "coordinated with Russia’s Federal Security Service to steal classified documents"
SETTLED = "window.regkg && window.regkg.settled()"


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=30_000)


def shot(page: Page, output_path: str, name: str) -> None:
    Path(output_path).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(output_path) / f"{name}.png"))


def fact_between(page: Page, subject: str, predicate: str, obj: str) -> str | None:
    return page.evaluate(
        """([s, p, o]) => { const e = window.regkg.cy.edges().filter(e =>
             e.data('predicate') === p && e.source().id() === s && e.target().id() === o);
           return e.nonempty() ? e.id() : null; }""",
        [subject, predicate, obj],
    )


def click_element(page: Page, element_id: str, *, double: bool = False) -> None:
    """Clicks a node (its centre) or an edge (its midpoint) on the canvas, like a user."""
    x, y = page.evaluate(
        """(id) => { const cy = window.regkg.cy; const el = cy.getElementById(id);
             if (el.empty()) throw new Error('no element ' + id);
             const p = el.isEdge() ? el.renderedMidpoint() : el.renderedPosition();
             const r = cy.container().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
        element_id,
    )
    if double:
        page.mouse.dblclick(x, y)
    else:
        page.mouse.click(x, y)


def pick(page: Page, box: str, text: str, expected: str) -> None:
    """Types into a search box and picks the suggestion named `expected` with the keyboard."""
    page.locator(box).fill("")
    page.locator(box).press_sequentially(text, delay=20)
    options = page.locator(f"{box} ~ .suggestions li.option")
    expect(options.first).to_be_visible()
    names = options.locator(".option-name").all_inner_texts()
    assert expected in names, names
    for _ in range(names.index(expected)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator(box)).to_have_value(expected)


def view(page: Page) -> dict[str, Any]:
    """What the user sees: visible elements, out-of-date ones, selection, paths, date."""
    return page.evaluate(
        """() => { const cy = window.regkg.cy; const ids = (c) => c.map(x => x.id()).sort();
           return { nodes: ids(cy.nodes(':visible')), edges: ids(cy.edges(':visible')),
                    inactive: ids(cy.elements('.inactive')), path: ids(cy.elements('.path')),
                    current: ids(cy.elements('.path-current')), selected: ids(cy.elements(':selected')),
                    expanded: ids(cy.nodes('.expanded')),
                    paths: document.querySelectorAll('ol.paths > li').length,
                    asof: document.getElementById('asof-label').textContent }; }"""
    )


def test_investigator_scenario(page: Page, live_url: str, output_path: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_url}/")  # the root redirects to /ui/
    settle(page)
    assert page.url.endswith("/ui/")
    expect(page.locator("#empty")).to_be_visible()
    expect(page.locator("#banner")).to_be_hidden()
    shot(page, output_path, "01-empty")

    # search: suggestions as you type, keyboard navigation
    search = page.locator("#search")
    search.press_sequentially("Kasper", delay=30)
    suggestions = page.locator("#search ~ .suggestions")
    expect(suggestions.locator("li.option").first).to_contain_text("Kaspersky Lab")
    expect(search).to_have_attribute("aria-expanded", "true")
    shot(page, output_path, "02-suggestions")
    page.keyboard.press("Escape")
    expect(suggestions).to_be_hidden()
    page.keyboard.press("ArrowDown")
    expect(suggestions).to_be_visible()
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")
    expect(page.locator("#details")).to_contain_text("Kaspersky")  # alias
    v = view(page)
    assert {KASPERSKY, FSB, US, RUSSIA} <= set(v["nodes"]) and KASPERSKY in v["expanded"]
    assert fact_between(page, KASPERSKY, "alleged-tie-to", FSB)
    assert fact_between(page, FSB, "part-of", RUSSIA) is None
    shot(page, output_path, "03-opened")

    # expand: double-click the FSB node
    click_element(page, FSB, double=True)
    settle(page)
    assert fact_between(page, FSB, "part-of", RUSSIA), "expanding the FSB should load its part-of fact"
    assert FSB in view(page)["expanded"]
    expect(page.locator("#details .entity-name")).to_have_text("Federal Security Service")
    shot(page, output_path, "04-expanded")

    # path finder: Kaspersky -> Russia, at least two paths, highlighted; the others dimmed
    pick(page, "#path-from", "Kaspersky", "Kaspersky Lab")
    pick(page, "#path-to", "Russia", "Russia")
    page.click("#path-find")
    settle(page)
    paths = page.locator("ol.paths > li")
    expect(paths.first).to_be_visible()
    assert paths.count() >= 2
    v = view(page)
    assert v["paths"] >= 2
    assert {KASPERSKY, FSB, RUSSIA} <= set(v["path"])
    assert fact_between(page, KASPERSKY, "headquartered-in", RUSSIA) in v["path"]
    assert fact_between(page, FSB, "part-of", RUSSIA) in v["path"]
    assert page.evaluate("window.regkg.cy.getElementById('organization:reuters').hasClass('dimmed')")
    expect(page.locator("#path-count")).to_have_text(f"Path 1 of {v['paths']}")
    page.click("#path-next")
    expect(page.locator("#path-count")).to_have_text(f"Path 2 of {v['paths']}")
    settle(page)
    assert FSB in view(page)["current"]
    shot(page, output_path, "05-paths")

    # evidence: click the Kaspersky -> FSB edge; the quote is highlighted inside the article's text
    page.click("#fit")
    settle(page)
    fsb_fact = fact_between(page, KASPERSKY, "alleged-tie-to", FSB)
    assert fsb_fact
    click_element(page, fsb_fact)
    settle(page)
    details = page.locator("#details")
    expect(details.locator(".fact-title")).to_contain_text("alleged-tie-to")
    mark = details.locator("blockquote.quote mark")
    expect(mark.first).to_contain_text(QUOTE)
    quote_box = details.locator("blockquote.quote").first
    assert len(quote_box.inner_text()) > len(mark.first.inner_text()) + 100, "the quote is shown inside its text"
    expect(details.locator(".claim").first).to_contain_text("alleged")
    expect(details.locator(".asserted-by").first).to_contain_text("United States")
    chain = details.locator(".chain").first
    expect(chain).to_contain_text("SafetyDetectives")
    expect(chain).to_contain_text("The Wall Street Journal")
    expect(details).to_contain_text("US Considers Action Against Russian-based Kaspersky Lab")
    assert view(page)["selected"] == [fsb_fact]
    shot(page, output_path, "06-evidence")

    # time: before 2017 the ban is not valid -> greyed out (or gone)
    ban = fact_between(page, KASPERSKY, "banned-by", US)
    assert ban and ban not in view(page)["inactive"]
    # asserted by the source, disputed by Kaspersky: drawn as asserted, with the dispute marked
    drawn = page.evaluate("(id) => { const e = window.regkg.cy.getElementById(id); "
                          "return [e.data('stance'), e.data('label')]; }", ban)  # fmt: skip
    assert drawn == ["asserted", "banned-by ⚑ disputed"]
    page.locator("#asof").fill("2016")
    settle(page)
    expect(page.locator("#asof-label")).to_have_text("on 2016")
    v = view(page)
    assert ban in v["inactive"] or ban not in v["edges"]
    assert fsb_fact not in v["inactive"]  # undated facts stay, marked as of unknown start
    assert page.evaluate("(id) => window.regkg.cy.getElementById(id).hasClass('undated')", fsb_fact)
    expect(page.locator("#status")).to_contain_text("not valid on 2016")
    assert "asof=2016" in page.url
    shot(page, output_path, "07-before-2017")

    # share: the URL reopens the same view
    before = view(page)
    url = page.url
    again = page.context.new_page()
    again.goto(url)
    settle(again)
    expect(again.locator("#details blockquote.quote mark").first).to_contain_text(QUOTE)
    assert view(again) == before
    shot(again, output_path, "08-reopened")
    again.close()
    assert errors == []


def test_more_than_the_cap_shows_plus_n_more(page: Page, live_url: str, output_path: str) -> None:
    page.goto(f"{live_url}/ui/#e={HUB}")
    settle(page)
    more = page.evaluate("window.regkg.cy.nodes('.more').map(n => n.data('label'))")
    assert more == [f"+{HUB_FIRMS - 25} more · listed-on"]
    assert page.evaluate("window.regkg.cy.nodes('[type = \"Firm\"]').length") == 25
    shot(page, output_path, "01-capped")
    click_element(page, page.evaluate("window.regkg.cy.nodes('.more').id()"))
    settle(page)
    assert page.evaluate("window.regkg.cy.nodes('[type = \"Firm\"]').length") == HUB_FIRMS
    assert page.evaluate("window.regkg.cy.nodes('.more').length") == 0
    assert "more=in~listed-on~" in page.url
    shot(page, output_path, "02-all")


def test_hide_allegations_filters_graph_and_paths(page: Page, live_url: str, output_path: str) -> None:
    page.goto(f"{live_url}/ui/#e={KASPERSKY}&from={KASPERSKY}&to={RUSSIA}")
    settle(page)
    assert page.locator("ol.paths > li").count() >= 2
    assert fact_between(page, KASPERSKY, "alleged-tie-to", FSB)
    page.check("#hide-allegations")
    settle(page)
    assert fact_between(page, KASPERSKY, "alleged-tie-to", FSB) is None
    expect(page.locator("ol.paths > li")).to_have_count(1)
    assert "stances=asserted%2Creported" in page.url or "stances=asserted,reported" in page.url
    stances = page.evaluate("window.regkg.cy.edges().map(e => e.data('fact').stances).flat()")
    assert {"asserted", "reported"} & set(stances) and not {"alleged", "proposed"} & set(stances)
    shot(page, output_path, "01-no-allegations")


def test_export_png_json_graphml(page: Page, live_url: str, output_path: str) -> None:
    page.goto(f"{live_url}/ui/#e={KASPERSKY}")
    settle(page)
    n_nodes = len(view(page)["nodes"])
    files = {}
    for button, ext in (("#export-png", "png"), ("#export-json", "json"), ("#export-graphml", "graphml")):
        page.click(".menu summary")
        with page.expect_download() as info:
            page.click(button)
        target = Path(output_path) / f"view.{ext}"
        info.value.save_as(target)
        files[ext] = target
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = json.loads(files["json"].read_text())
    assert {n["id"] for n in data["nodes"]} >= {KASPERSKY, FSB} and len(data["nodes"]) == n_nodes
    assert any(e["predicate"] == "banned-by" for e in data["edges"])
    assert data["state"]["expanded"] == [KASPERSKY]
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(files["graphml"]).getroot()
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    assert len(nodes) == n_nodes and len(edges) == len(data["edges"])
    labels = {d.text for d in root.findall(".//g:node/g:data[@key='n_label']", ns)}
    assert "Kaspersky Lab" in labels


def test_database_down_and_api_gone_say_so(page: Page, dead_db_server: LiveServer, output_path: str) -> None:
    page.goto(f"{dead_db_server.url}/ui/#e={KASPERSKY}")
    settle(page)
    banner = page.locator("#banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("graph database is unavailable")
    expect(banner).to_contain_text("unreachable")
    expect(page.locator("#empty")).to_be_visible()  # not a blank page
    shot(page, output_path, "01-database-down")

    dead_db_server.stop()  # now the API itself is gone
    page.locator("#search").press_sequentially("Kasp", delay=20)
    status = page.locator("#search ~ .suggestions li.status.error")
    expect(status).to_contain_text("Cannot reach the regkg API")
    expect(banner).to_contain_text("Cannot reach the regkg API")
    shot(page, output_path, "02-api-gone")


def test_a_same_as_cluster_is_one_node_with_its_members(
    page: Page, live_url: str, output_path: str, settings: Settings
) -> None:
    """Issue 15: after the FCC list and `regkg resolve --apply`, the FCC's AO Kaspersky Lab is a
    member of Kaspersky Lab: one node, the member listed in the details (runs last: it adds data)."""
    env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    for args in (["load", "fcc", str(ROOT / "data" / "samples" / "fcc_covered_list_2026.csv")], ["resolve", "--apply"]):
        result = CliRunner().invoke(cli, args, env=env)
        assert result.exit_code == 0, result.output
    page.goto(f"{live_url}/ui/")
    settle(page)
    page.locator("#search").press_sequentially("Kasp", delay=20)
    page.keyboard.press("Enter")
    settle(page)
    expect(page.locator("#details .entity-name")).to_have_text("Kaspersky Lab")
    expect(page.locator("#details .members")).to_contain_text("firm:fcc-ao-kaspersky-lab")
    nodes = set(view(page)["nodes"])
    assert KASPERSKY in nodes and "firm:fcc-ao-kaspersky-lab" not in nodes
    covered = fact_between(page, KASPERSKY, "listed-on", "list:us-fcc-covered-list")
    assert covered, "the FCC's listing belongs to the canonical node"
    shot(page, output_path, "09-cluster")


def test_no_path_says_why_germany_is_not_linked(page: Page, live_url: str, output_path: str) -> None:
    """Kaspersky → Germany: the notice names the asserting-party reason (Germany only alleges
    Kaspersky's ties), not hubs the graph does not have; "Include asserting parties" draws what
    Germany states — an edge from Germany to Kaspersky Lab for the fact it alleges, opening that
    fact's evidence — and says it is not a path."""
    germany, kremlin = "country:de", "agency:kremlin"
    page.goto(f"{live_url}/ui/#e={KASPERSKY}&from={KASPERSKY}&to={germany}")
    settle(page)
    notice = page.locator("#path-results .notice")
    expect(notice).to_have_attribute("data-reason", "asserting-party")
    text = notice.inner_text()
    assert "Germany is only a party stating" in text and "hubs" not in text
    assert page.evaluate("window.regkg.cy.edges('.statement').length") == 0  # offered, not drawn
    shot(page, output_path, "01-no-path-why")

    offer = page.locator("#path-parties")
    expect(offer).to_have_text("Include asserting parties")
    offer.click()
    settle(page)
    assert "parties=1" in page.url
    expect(page.locator("#path-results .notice")).to_have_attribute("data-reason", "asserting-party")
    expect(page.locator("#path-results")).to_contain_text("Not a path")
    item = page.locator("#path-results .statement")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Germany alleges Kaspersky Lab alleged-tie-to Kremlin")
    alleged = fact_between(page, KASPERSKY, "alleged-tie-to", kremlin)
    assert alleged and item.get_attribute("data-fact-id") == alleged
    drawn = page.evaluate(
        """() => window.regkg.cy.edges('.statement').map(e => [e.source().id(), e.target().id(), e.data('label'),
             e.data('factId'), e.hasClass('path-current')])"""
    )
    assert drawn == [[germany, KASPERSKY, "alleges · alleged-tie-to", alleged, True]]
    for node in (germany, KASPERSKY, kremlin):
        assert page.evaluate("(id) => window.regkg.cy.getElementById(id).hasClass('path')", node), node
    shot(page, output_path, "02-asserting-parties")

    # the statement opens the evidence of the fact Germany alleges, on the canvas and in the list
    click_element(page, f"stated:{alleged}:{germany}")
    settle(page)
    details = page.locator("#details")
    expect(details.locator(".fact-title")).to_contain_text("alleged-tie-to")
    expect(details.locator(".asserted-by").first).to_contain_text("alleged by Germany")
    mark = details.locator("blockquote.quote mark").first
    expect(mark).to_contain_text("Germany also came forth with accusations about Kaspersky")
    expect(mark).to_contain_text("ties to the Kremlin")
    assert view(page)["selected"] == [alleged]
    shot(page, output_path, "03-asserting-party-evidence")

    # and it is taken back: the offer again, nothing drawn
    page.locator("#path-parties").click()
    settle(page)
    expect(page.locator("#path-parties")).to_have_text("Include asserting parties")
    assert "parties=1" not in page.url
    assert page.evaluate("window.regkg.cy.edges('.statement').length") == 0
