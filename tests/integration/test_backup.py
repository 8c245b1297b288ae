"""Issue 9: ``regkg db dump`` / ``regkg db restore`` of the local database."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cli.main import app as cli
from config import Settings
from graph import maintenance, migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j, free_port

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"


def _counts(uri: str) -> dict[str, int]:
    with Graph.connect(Settings(neo4j_uri=uri, neo4j_password="")) as g:
        return maintenance.counts(g)


def test_dump_then_restore_into_a_new_data_dir(tmp_path: Path) -> None:
    port = free_port()
    env = {"REGKG_NEO4J_URI": f"bolt://127.0.0.1:{port}", "REGKG_NEO4J_PASSWORD": ""}
    runner = CliRunner()
    original = LocalNeo4j(tmp_path / "a", port=port, heap="512m", pagecache="64m")
    info = original.start()
    try:
        with Graph.connect(Settings(neo4j_uri=info.uri, neo4j_password="")) as g:
            migrations.migrate(g)
        assert runner.invoke(cli, ["load", "curated", str(SEED)], env=env).exit_code == 0
        before = _counts(info.uri)
        assert before["nodes"] > 10

        archive = tmp_path / "backup" / "regkg.tar.gz"
        refused = runner.invoke(cli, ["db", "dump", str(archive), "--data", str(original.home), "--no-stop"], env=env)
        assert refused.exit_code == 1 and "running" in refused.output and not archive.exists()

        result = runner.invoke(cli, ["db", "dump", str(archive), "--data", str(original.home)], env=env)
        assert result.exit_code == 0, result.output
        assert archive.stat().st_size > 0
        assert original.status() is not None  # restarted
        assert _counts(info.uri) == before
    finally:
        original.stop()

    restored_home = tmp_path / "b"
    result = runner.invoke(cli, ["db", "restore", str(archive), "--data", str(restored_home)], env=env)
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["db", "restore", str(archive), "--data", str(restored_home)], env=env)
    assert again.exit_code == 1 and "already holds" in again.output

    restored = LocalNeo4j(restored_home, port=free_port(), heap="512m", pagecache="64m")
    rinfo = restored.start()
    try:
        assert _counts(rinfo.uri) == before
    finally:
        restored.stop()
