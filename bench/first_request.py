"""The first extraction and screening of a fresh API process, with and without REGKG_WARM_NAMES.

    python -m bench.first_request [--repeat 3]

Screening's matcher (nomenklatura over rigour) and the extractor's given-name check
(extract/personal.py) load rigour's name tables on first use: seconds, holding the GIL. Each run
here is a new Python process that starts the app (``create_app``, lifespan on, against a
throwaway Neo4j, empty), then times its first ``POST /v1/extract`` on a sentence whose party is
a bare person name, the second one, and the first matcher comparison. Printed: start-up, first
and second request and the first comparison, per setting (median of the runs), and the ratio of
the first request with the tables loaded at start to the first without (the baseline, measured
in the same run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

from config import Settings

from .common import _settings_env, database

# a bare name the extractor types as a person by its given name (extract/personal.py)
TEXT = (
    "WASHINGTON - Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) "
    "designated Babak Morteza Zanjani."
)

CHILD = """
import json, sys, time
t0 = time.perf_counter()
from fastapi.testclient import TestClient
from api.app import create_app
from config import Settings
from screen import matcher
from screen.records import ScreenRecord
warm = sys.argv[1] == "true"
# the database from the environment
settings = Settings(_env_file=None, env="test", warm_names=warm, warm_queries=False)
key = {"X-API-Key": settings.api_key.get_secret_value()}
body = {"text": sys.argv[2], "use_graph": False}
imported = time.perf_counter()
with TestClient(create_app(settings)) as client:
    ready = time.perf_counter()
    r = client.post("/v1/extract", json=body, headers=key)
    first = time.perf_counter()
    assert r.status_code == 200, r.text
    client.post("/v1/extract", json=body, headers=key)
    second = time.perf_counter()
    entity = {"id": "p", "type": "Person", "name": "ZANJANI, Babak Morteza"}
    matcher.score(ScreenRecord(name="Zanjani Babak", type="Person"), [entity])
    compared = time.perf_counter()
print(json.dumps({"start": ready - imported, "first": first - ready, "second": second - first,
                  "compare": compared - second, "claims": len(r.json().get("claims", []))}))
"""


def run(settings: Settings, warm: bool) -> dict[str, float]:
    env = os.environ | _settings_env(settings)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(warm).lower(), TEXT], check=True, capture_output=True, text=True, env=env
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    with database() as settings:
        for _ in range(args.repeat):  # alternating, so a slower minute weighs on both
            for warm in (False, True):
                rows[warm].append(run(settings, warm))
    med = {w: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for w, rs in rows.items()}
    print(
        f"{'REGKG_WARM_NAMES':<18}{'start s':>9}{'1st extract ms':>16}{'2nd ms':>9}{'1st compare ms':>16}{'claims':>8}"
    )
    for warm in (False, True):
        m = med[warm]
        print(
            f"{str(warm).lower():<18}{m['start']:>9.2f}{m['first'] * 1000:>16.0f}{m['second'] * 1000:>9.0f}"
            f"{m['compare'] * 1000:>16.1f}{m['claims']:>8.0f}"
        )
    ratio = med[True]["first"] / med[False]["first"]
    print(f"first extraction, tables loaded at start / not (the baseline): {ratio:.3f}×")
    print(f"runs: {args.repeat} per setting, medians; each a new process")


if __name__ == "__main__":
    main()
