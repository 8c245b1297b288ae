"""How fast the investigator's page draws a large neighbourhood (a benchmark: it prints, it asserts nothing).

    python -m bench.ui_render [--nodes 2000] [--repeat 3] [--url http://127.0.0.1:PORT] [--no-timeline]

Serves the built page (``make web-build``) with ``create_app()`` in a background thread (or uses
``--url``), opens ``/ui/#e=firm:bench-hub`` in headless Debian Chromium (``/usr/bin/chromium``)
and answers the page's API calls with a synthetic neighbourhood of ``--nodes`` entities (one hub,
its neighbours spread over eight predicates, one in ten with a second, parallel fact). The
database is not involved: this measures the browser side only — adding elements, fcose layout,
first paint — and then how responsive the page is (frame times while zooming and panning,
the longest main-thread task).

Figures (median of ``--repeat`` page loads):
  data→first render  ms from the neighbourhood JSON in hand to the first painted frame with it
  layout             ms of the layout run (fcose; draft above 600 nodes; precomputed rings above 1,000)
  nav→first render   ms from navigation start to that first frame (includes loading the page)
  frame (zoom/pan)   mean and worst ms between frames while the user wheel-zooms and drags the view
  longest task       the longest main-thread task after the layout (what a click could wait for)

Then the timeline under the graph (issue 22) on the same view: nine in ten of the synthetic facts
carry a date (years, months or days; one in four a span), so at 2,000 entities it draws ~2,000 events:
  open→painted       ms from opening the panel to the first frame painted with every event drawn
  render             ms of that draw (dating, grouping, packing rows, building the SVG)
  frame (scroll/brush) mean and worst ms between frames while the user scrolls the lanes with the
                     wheel and drags a period along the axis
  brush→settled      ms from releasing the brush to the page settled (the date set, the graph reloaded
                     and restyled for it)
  click→painted      ms from clicking an event to the next frame (edge selected, event marked)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
HUB = "firm:bench-hub"
TYPES = ["Firm", "Agency", "Country", "List", "Product", "Person", "Organization", "Law"]
PREDICATES = [
    ("listed-on", "out"),
    ("owns", "out"),
    ("subsidiary-of", "in"),
    ("sanctioned-by", "out"),
    ("linked-to", "out"),
    ("investigated-by", "out"),
    ("alleged-tie-to", "out"),
    ("targets", "in"),
]
STANCES = ["asserted", "asserted", "asserted", "reported", "alleged", "disputed", "proposed"]
UI_INDEX = Path(__file__).resolve().parent.parent / "api" / "static" / "ui" / "index.html"


def entity(eid: str, name: str, type_: str) -> dict[str, Any]:
    return {
        "id": eid,
        "type": type_,
        "name": name,
        "aliases": [],
        "country": None,
        "identifiers": {},
        "description": None,
        "candidate": False,
    }


def fact_dates(i: int, k: int) -> tuple[str | None, str | None]:
    """Deterministic dates for the timeline: one fact in ten undated; years, months and days; one
    in four a span (the graph ignores dates unless a date is chosen)."""
    n = i * 7 + k * 3
    if n % 10 == 5:
        return None, None
    year = 1995 + (n * 13) % 30
    start = [f"{year}", f"{year}-{1 + n % 12:02d}", f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"][n % 3]
    if n % 4 == 0:
        return start, str(year + 1 + n % 6)
    return start, None


def neighbourhood(n_nodes: int) -> dict[str, Any]:
    """The hub and n_nodes - 1 neighbours; every tenth neighbour also has a parallel fact."""
    nodes, edges = [], []
    counts: dict[tuple[str, str], int] = {}
    for i in range(1, n_nodes):
        eid = f"bench:{i}"
        nodes.append(entity(eid, f"Bench entity {i}", TYPES[i % len(TYPES)]))
        pairs = [PREDICATES[i % len(PREDICATES)]]
        if i % 10 == 0:
            pairs.append(PREDICATES[(i + 3) % len(PREDICATES)])
        for k, (pred, direction) in enumerate(pairs):
            subject, obj = (HUB, eid) if direction == "out" else (eid, HUB)
            valid_from, valid_to = fact_dates(i, k)
            edges.append(
                {
                    "fact_id": f"fact:bench-{i}-{k}",
                    "subject": subject,
                    "predicate": pred,
                    "object": obj,
                    "stances": [STANCES[(i + k) % len(STANCES)]],
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "n_claims": 1,
                    "n_sources": 1,
                    "quote": None,
                    "confidence": 1.0,
                    "asserted_by": [],
                    "direction": None,
                }
            )
            counts[(pred, direction)] = counts.get((pred, direction), 0) + 1
    groups = [
        {"predicate": p, "direction": d, "total": c, "shown": c, "truncated": False}
        for (p, d), c in sorted(counts.items())
    ]
    return {
        "entity": entity(HUB, "Bench Hub", "Firm"),
        "nodes": nodes,
        "edges": edges,
        "groups": groups,
        "truncated": False,
    }


def provenance(url: str) -> str:
    """A fact's evidence as the details panel asks for it (no claims: the timeline is measured)."""
    from urllib.parse import unquote

    fact_id = unquote(url.split("/v1/facts/")[1].split("/")[0])
    fact = {"fact_id": fact_id, "subject": HUB, "predicate": "owns", "object": HUB, "stances": ["asserted"],
            "valid_from": None, "valid_to": None, "n_claims": 0, "n_sources": 0, "quote": None,
            "confidence": None, "asserted_by": [], "direction": None}  # fmt: skip
    return json.dumps({"fact": fact, "claims": [], "independent_sources": [], "n_independent_sources": 0})


def serve() -> tuple[str, Any]:
    import uvicorn

    from api.app import create_app
    from config import Settings
    from graph.localdb import free_port

    port = free_port()
    # the database is never asked: every /v1 call is answered by the browser-side route below
    app = create_app(Settings(neo4j_uri=f"bolt://127.0.0.1:{free_port()}"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


START_FRAMES = """() => {
  window.__frames = [];
  window.__framesOn = true;
  const tick = (t) => { window.__frames.push(t); if (window.__framesOn) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}"""

STOP_FRAMES = """() => {
  window.__framesOn = false;
  const f = window.__frames, gaps = [];
  for (let i = 1; i < f.length; i++) gaps.push(f[i] - f[i - 1]);
  const late = (window.__longtasks || []).filter((t) => t.start > window.__layoutDone);
  const longest = late.reduce((m, t) => Math.max(m, t.duration), 0);
  return { gaps, longest };
}"""


def interact(page: Any) -> dict[str, Any]:
    """Zooms with the wheel and pans by dragging the canvas, as a user would, counting frames."""
    box = page.locator("#cy").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.evaluate(START_FRAMES)
    page.mouse.move(cx, cy)
    for i in range(6):
        page.mouse.wheel(0, -120 if i < 3 else 120)
        page.wait_for_timeout(60)
    page.mouse.move(cx + 40, cy + 40)  # empty space is likely off the hub's rings
    page.mouse.down()
    for i in range(12):
        page.mouse.move(cx + 40 + i * 12, cy + 40 + (i % 3) * 6)
        page.wait_for_timeout(16)
    page.mouse.up()
    page.wait_for_timeout(300)
    return page.evaluate(STOP_FRAMES)


LONGTASKS = """
window.__longtasks = [];
window.__layoutDone = Infinity;
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
} catch (e) {}
"""


OPEN_TIMELINE = """() => new Promise((resolve) => {
  const t0 = performance.now();
  document.getElementById("timeline").open = true;
  const wait = () => {
    if (document.querySelector("#timeline .tl-event") && window.regkg.timelineTimings) {
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0, ...window.regkg.timelineTimings }));
    } else requestAnimationFrame(wait);
  };
  requestAnimationFrame(wait);
})"""

CLICK_EVENT = """() => new Promise((resolve) => {
  const events = document.querySelectorAll("#timeline .tl-event");
  const g = events[Math.floor(events.length / 2)];
  const t0 = performance.now();
  g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  requestAnimationFrame(() => resolve({ ms: performance.now() - t0, id: g.dataset.factId }));
})"""


def timeline(page: Any) -> dict[str, float]:
    """Opens the timeline, scrolls its lanes, brushes a period along its axis, clicks an event."""
    opened = page.evaluate(OPEN_TIMELINE)
    page.wait_for_function("window.regkg.settled()", timeout=120_000)
    page.evaluate("window.__layoutDone = performance.now()")
    lanes = page.locator("#timeline .tl-scroll").bounding_box()
    axis = page.locator("#timeline .tl-axis").bounding_box()
    page.evaluate(START_FRAMES)
    page.mouse.move(lanes["x"] + lanes["width"] / 2, lanes["y"] + lanes["height"] / 2)
    for i in range(6):
        page.mouse.wheel(0, 120 if i < 3 else -120)
        page.wait_for_timeout(60)
    y = axis["y"] + axis["height"] / 2
    page.mouse.move(axis["x"] + axis["width"] * 0.3, y)
    page.mouse.down()
    for i in range(12):
        page.mouse.move(axis["x"] + axis["width"] * (0.3 + i * 0.025), y)
        page.wait_for_timeout(16)
    page.mouse.up()
    released = page.evaluate("performance.now()")
    page.wait_for_function("location.hash.includes('tl=') && window.regkg.settled()", timeout=120_000)
    settled = page.evaluate("performance.now()")
    page.wait_for_timeout(300)
    frames = page.evaluate(STOP_FRAMES)
    clicked = page.evaluate(CLICK_EVENT)
    assert f"fact={clicked['id']}" in page.evaluate("location.hash"), "the click did not select the event's fact"
    return {
        "tl_events": opened["events"],
        "tl_open": opened["ms"],
        "tl_render": opened["renderMs"],
        "tl_frame_mean": statistics.fmean(frames["gaps"]) if frames["gaps"] else 0.0,
        "tl_frame_max": max(frames["gaps"], default=0.0),
        "tl_brush_settled": settled - released,
        "tl_click": clicked["ms"],
    }


def run_once(browser: Any, url: str, payload: str, detail: str, with_timeline: bool = True) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    page.add_init_script(LONGTASKS)
    ready = json.dumps({"status": "ready", "neo4j_version": "bench", "schema_version": 1, "expected_schema_version": 1})
    page.route("**/ready", lambda route: route.fulfill(status=200, content_type="application/json", body=ready))
    page.route(
        "**/v1/entities/*/neighbors*",
        lambda route: route.fulfill(status=200, content_type="application/json", body=payload),
    )
    page.route(
        "**/v1/entities/firm%3Abench-hub",
        lambda route: route.fulfill(status=200, content_type="application/json", body=detail),
    )
    page.route(
        "**/v1/facts/*/provenance",
        lambda route: route.fulfill(status=200, content_type="application/json", body=provenance(route.request.url)),
    )
    page.goto(f"{url}/ui/#e={HUB}")
    page.wait_for_function("window.regkg && window.regkg.timings.length > 0 && window.regkg.settled()", timeout=300_000)
    t = page.evaluate("window.regkg.timings[0]")
    page.evaluate("window.__layoutDone = performance.now()")
    r = interact(page)
    tl = timeline(page) if with_timeline else {}
    page.close()
    return tl | {
        "nodes": t["nodes"],
        "edges": t["edges"],
        "first_render": t["firstRenderMs"],
        "layout": t["layoutMs"],
        "add": t["addMs"],
        "nav_first_render": t["startedAt"] + t["firstRenderMs"],
        "frame_mean": statistics.fmean(r["gaps"]) if r["gaps"] else 0.0,
        "frame_max": max(r["gaps"], default=0.0),
        "longest_task": r["longest"],
        "layout_name": t["layout"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[2000], help="neighbourhood sizes (entities)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--url", help="an API already serving the built page (default: start one)")
    parser.add_argument("--no-timeline", action="store_true", help="measure the graph only")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run ops/ensure-chromium.sh", file=sys.stderr)
        return 1
    if not args.url and not UI_INDEX.is_file():
        print("the page is not built: run `make web-build`", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    server = None
    url = args.url
    if not url:
        url, server = serve()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            print(
                f"{'entities':>8} {'facts':>6} {'data→first render':>18} {'layout':>9} {'nav→first render':>17} "
                f"{'frame mean/max (zoom, pan)':>27} {'longest task':>13}  layout"
            )
            timelines: list[dict[str, float]] = []
            for n in args.nodes:
                payload = json.dumps(neighbourhood(n))
                detail = json.dumps({**entity(HUB, "Bench Hub", "Firm"), "sources": []})
                runs = [run_once(browser, url, payload, detail, not args.no_timeline) for _ in range(args.repeat)]
                med = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "layout_name"}
                print(
                    f"{int(med['nodes']):>8} {int(med['edges']):>6} "
                    f"{med['first_render']:>15.0f} ms {med['layout']:>6.0f} ms "
                    f"{med['nav_first_render']:>14.0f} ms {med['frame_mean']:>14.1f} / {med['frame_max']:>5.1f} ms "
                    f"{med['longest_task']:>10.0f} ms  {runs[0]['layout_name']}"
                )
                timelines.append(med)
            if timelines and "tl_events" in timelines[0]:
                print(
                    f"\ntimeline {'events':>7} {'open→painted':>13} {'render':>9} "
                    f"{'frame mean/max (scroll, brush)':>31} {'brush→settled':>14} {'click→painted':>14}"
                )
                for med in timelines:
                    print(
                        f"{int(med['nodes']):>8} {int(med['tl_events']):>7} {med['tl_open']:>10.0f} ms "
                        f"{med['tl_render']:>6.0f} ms {med['tl_frame_mean']:>18.1f} / {med['tl_frame_max']:>5.1f} ms "
                        f"{med['tl_brush_settled']:>11.0f} ms {med['tl_click']:>11.0f} ms"
                    )
            browser.close()
    finally:
        if server is not None:
            server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
