"""A local Neo4j Community server without Docker: Maven jars + ops/neo4j-local/Launcher.java.

``LocalNeo4j(home, port).start()`` resolves the jars if they are missing, launches the embedded
DBMS in the background (its own session, so a Ctrl-C in the terminal does not reach it), waits
until Bolt answers through the driver and returns what it started. A PID file in ``home`` makes
``start`` idempotent and lets ``stop``/``status`` find the server again from another process.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from config import ROOT, Settings
from schema.errors import GraphUnavailable, RegkgError

from . import process
from .database import Graph

OPS_DIR = ROOT / "ops" / "neo4j-local"
LIB_DIR = OPS_DIR / "lib"
LAUNCHER = OPS_DIR / "Launcher.java"
POM = OPS_DIR / "pom.xml"

JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
)
READY_MARK = "REGKG-NEO4J-READY"
FAILED_MARK = "REGKG-NEO4J-FAILED"


class LocalDbError(RegkgError):
    """The local server could not be set up, started or stopped (Java, Maven, port, jars)."""

    status = 503
    code = "local_db_error"


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    port: int
    uri: str
    home: str
    log: str
    version: str = "unknown"
    started_in: float | None = None  # seconds from launch to Bolt ready; None if it was running

    def to_json(self) -> str:
        return json.dumps(asdict(self))


def neo4j_version() -> str:
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text())
    if not match:
        raise LocalDbError(f"{POM} does not pin <neo4j.version>")
    return match.group(1)


def _require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if not path:
        raise LocalDbError(f"`{name}` was not found on PATH: {hint}")
    return path


def java_major_version(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        raise LocalDbError(f"could not read the Java version from `{java} -version`: {out.strip()}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def ensure_jars() -> Path:
    """Resolve Neo4j's jars into ops/neo4j-local/lib with Maven, once."""
    version = neo4j_version()
    marker = LIB_DIR / f"neo4j-{version}.jar"
    if marker.exists() and (LIB_DIR / f"neo4j-bolt-{version}.jar").exists():
        return LIB_DIR
    java = _require_tool("java", "install a JDK 17 or 21 (Debian: openjdk-17-jdk-headless)")
    if java_major_version(java) < 17:
        raise LocalDbError("Neo4j 5.26 needs Java 17 or newer; `java -version` reports older")
    mvn = _require_tool("mvn", "install Maven (Debian: maven) to resolve Neo4j's jars")
    if LIB_DIR.exists():
        shutil.rmtree(LIB_DIR)
    cmd = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(POM),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={LIB_DIR}",
        "-DincludeScope=runtime",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not marker.exists():
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
        raise LocalDbError("Maven could not resolve Neo4j " + version + " from Maven Central", {"maven": tail})
    return LIB_DIR


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int, ours: bool = True) -> bool:
    """Is ``pid`` a live process (and, with ``ours``, a regkg launcher — a recycled PID is not)?"""
    return process.alive(pid, b"Launcher" if ours else None)


class LocalNeo4j:
    """One local server: a home directory (data, logs, conf) and a Bolt port on 127.0.0.1."""

    def __init__(
        self,
        home: Path,
        port: int = 7687,
        heap: str = "1g",
        pagecache: str = "512m",
        tx_timeout: str = "120s",
        password: str | None = None,
        settings: Mapping[str, str] | None = None,
    ) -> None:
        self.home = Path(home).resolve()
        self.port = port
        self.heap = heap
        self.pagecache = pagecache
        self.tx_timeout = tx_timeout
        self.password = password or None
        # neo4j.conf settings written over the launcher's own (benchmarks compare one's before and after)
        self.settings = dict(settings or {})

    @classmethod
    def from_settings(cls, settings: Settings, home: Path | None = None, port: int | None = None) -> LocalNeo4j:
        password = settings.neo4j_password.get_secret_value()
        return cls(
            home or settings.local_db_dir,
            port or settings.neo4j_port,
            heap=settings.local_db_heap,
            pagecache=settings.local_db_pagecache,
            tx_timeout=settings.local_db_tx_timeout,
            password=password or None,
        )

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.home / "regkg-neo4j.json"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "launcher.log"

    def _recorded(self) -> ServerInfo | None:
        try:
            data = json.loads(self.pid_file.read_text())
            return ServerInfo(**data)
        except (OSError, ValueError, TypeError):
            return None

    def status(self) -> ServerInfo | None:
        """The running server, or None (a stale PID file is removed)."""
        info = self._recorded()
        if info is None:
            return None
        if _alive(info.pid):
            return info
        self.pid_file.unlink(missing_ok=True)
        return None

    def start(self, timeout: float = 180.0) -> ServerInfo:
        running = self.status()
        if running is not None:
            return ServerInfo(**{**asdict(running), "started_in": None})
        if _port_open(self.port):
            raise LocalDbError(
                f"port {self.port} on 127.0.0.1 is already in use by another process; "
                "choose another with --port or REGKG_NEO4J_URI"
            )
        ensure_jars()
        java = _require_tool("java", "install a JDK 17 or 21")
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        cmd = [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            "-cp",
            f"{LIB_DIR}/*",
            str(LAUNCHER),
            "--home",
            str(self.home),
            "--port",
            str(self.port),
            "--pagecache",
            self.pagecache,
            "--tx-timeout",
            self.tx_timeout,
        ]
        for key, value in sorted(self.settings.items()):
            cmd += ["--set", f"{key}={value}"]
        env = dict(os.environ)
        if self.password:
            cmd.append("--auth")
            env["REGKG_NEO4J_PASSWORD"] = self.password
        began = time.monotonic()
        with self.log_file.open("ab") as log:
            log_offset = log.tell()
            log.write(f"\n--- start {time.strftime('%Y-%m-%dT%H:%M:%S')} port {self.port}\n".encode())
        # posix_spawn + setsid: the server outlives this process and ignores our terminal's
        # Ctrl-C; no Popen object is left behind to warn about a "still running" child.
        log_flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        pid = os.posix_spawn(
            java,
            cmd,
            env,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, str(self.log_file), log_flags, 0o644),
                (os.POSIX_SPAWN_DUP2, 1, 2),
            ],
            setsid=True,
        )
        info = ServerInfo(pid, self.port, self.uri, str(self.home), str(self.log_file))
        self.pid_file.write_text(info.to_json())
        version = self._wait_ready(pid, began, timeout, log_offset)
        info = ServerInfo(**{**asdict(info), "version": version, "started_in": round(time.monotonic() - began, 2)})
        self.pid_file.write_text(info.to_json())
        return info

    def _wait_ready(self, pid: int, began: float, timeout: float, offset: int) -> str:
        while time.monotonic() - began < timeout:
            with self.log_file.open("rb") as fh:
                fh.seek(offset)
                text = fh.read().decode(errors="replace")
            if READY_MARK in text:
                break
            _reap(pid)
            # right after posix_spawn the child may not have exec'd java yet: check liveness only
            if not _alive(pid, ours=False) or FAILED_MARK in text:
                self.pid_file.unlink(missing_ok=True)
                tail = text.strip().splitlines()[-20:]
                raise LocalDbError(
                    f"Neo4j exited during start-up; see {self.log_file}",
                    {"log_tail": tail},
                )
            time.sleep(0.25)
        else:
            self.stop()
            raise LocalDbError(f"Neo4j did not become ready within {timeout:.0f}s; see {self.log_file}")
        settings = Settings(
            neo4j_uri=self.uri,
            neo4j_password=self.password or "",
        )
        with Graph.connect(settings) as graph:
            for _ in range(40):
                try:
                    graph.verify()
                    return graph.server_version()
                except GraphUnavailable:
                    time.sleep(0.25)
            graph.verify()
            return graph.server_version()

    def stop(self, timeout: float = 90.0) -> ServerInfo | None:
        """Stop the server cleanly (SIGTERM → shutdown hook); None if none was running."""
        info = self.status()
        if info is None:
            return None
        os.kill(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(info.pid):
            _reap(info.pid)
            time.sleep(0.2)
        if _alive(info.pid):
            os.kill(info.pid, signal.SIGKILL)
            time.sleep(0.5)
        _reap(info.pid)
        self.pid_file.unlink(missing_ok=True)
        return info

    def kill(self) -> None:
        """SIGKILL (fault-injection tests only: leaves recovery work for the next start)."""
        info = self.status()
        if info is not None:
            os.kill(info.pid, signal.SIGKILL)
            while _alive(info.pid):
                _reap(info.pid)
                time.sleep(0.1)
            self.pid_file.unlink(missing_ok=True)


def _reap(pid: int) -> None:
    """Collect our own child's exit status so it does not linger as a zombie."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
