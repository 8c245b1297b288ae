"""docker-compose.yml is valid (checked by the docker-compose CLI, without a Docker engine)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_compose_file_is_valid() -> None:
    exe = shutil.which("docker-compose")
    assert exe, "docker-compose is missing: `make test` installs it (apt-get install docker-compose)"
    proc = subprocess.run(
        [exe, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "REGKG_NEO4J_PASSWORD": "compose-check-pw"},
    )
    assert proc.returncode == 0, proc.stderr
