"""The structure holds: every module is on the map, none is too big to live in, and the layers
import only downward (read from the code's own imports, with ``ast``; nothing is run)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "schema",
    "config",
    "reference",
    "graph",
    "loaders",
    "extract",
    "export",
    "ownership",
    "screen",
    "api",
    "cli",
)
MAX_LINES = 600
# who may import whom (a package always imports itself); everything else is a layering error
ALLOWED: dict[str, set[str]] = {
    "schema": set(),
    "config": set(),
    "reference": {"schema"},
    "graph": {"schema", "config"},
    "loaders": {"schema", "reference"},
    "extract": {"schema", "reference", "loaders"},
    "export": {"schema"},
    "ownership": {"schema", "config", "reference", "graph"},
    "screen": {"schema", "config", "graph", "ownership"},
    "api": {"schema", "config", "graph", "extract", "export", "loaders", "ownership", "screen"},
    "cli": {"schema", "config", "reference", "graph", "loaders", "extract", "export", "ownership", "screen", "api"},
}
# the one arrow from api/ (and cli/) into the extractor
EXTRACT_ENTRY = {"extract"}


def modules() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def imports(path: Path) -> Iterator[tuple[str, int]]:
    """Absolute module names a file imports (relative imports resolved), with their line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(ROOT).parent.parts
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            yield name, node.lineno


def defines_anything(path: Path) -> bool:
    """A package's ``__init__.py`` that holds code (not just a docstring and re-exports)."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) for node in body)


def mapped() -> set[str]:
    """The modules ARCHITECTURE.md's map names: under each ``package/`` heading of its first code
    block, the ``*.py`` words before a line's description (several may share a line)."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = text.split("```", 2)[1]
    found: set[str] = set()
    package = None
    for line in block.splitlines():
        heading = re.match(r"^(\w+)/\s", line)
        if heading:
            package = heading.group(1)
            continue
        entry = re.match(r"^  (\S.*)", line)  # a module line; deeper lines continue a description
        if package and entry:
            names = entry.group(1).split("  ")[0]
            found |= {f"{package}/{word}" for word in re.findall(r"[\w/]+\.py\b", names)}
    return found


def test_every_module_is_on_the_map() -> None:
    """ARCHITECTURE.md names every Python module of the product packages, under its package."""
    on_map = mapped()
    missing = [
        str(p.relative_to(ROOT))
        for p in modules()
        if str(p.relative_to(ROOT)) not in on_map and (p.name != "__init__.py" or defines_anything(p))
    ]
    assert not missing, f"ARCHITECTURE.md does not name: {missing}"
    stale = sorted(on_map - {str(p.relative_to(ROOT)) for p in modules()})
    assert not stale, f"ARCHITECTURE.md names modules that do not exist: {stale}"


def test_no_module_is_over_the_size_we_hold_ourselves_to() -> None:
    sources = [*modules(), *(p for p in (ROOT / "web" / "src").glob("*.ts") if not p.name.endswith(".d.ts"))]
    big = {
        str(p.relative_to(ROOT)): n
        for p in sources
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not big


def test_no_module_defines_a_name_twice() -> None:
    """A second module-level definition silently replaces the first for every reader of the
    module, those above it too (an initialism's skip words once changed which lines the headline
    test saw as headlines)."""
    twice = []
    for path in modules():
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                names = []
            twice += [f"{path.relative_to(ROOT)}: {n} (line {node.lineno})" for n in names if n in seen]
            seen.update(names)
    assert not twice


def test_layers_import_only_downward() -> None:
    wrong = []
    for path in modules():
        mine = path.relative_to(ROOT).parts[0]
        for name, line in imports(path):
            top = name.split(".")[0]
            if top in PACKAGES and top != mine and top not in ALLOWED[mine]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not wrong


def test_api_and_cli_reach_the_extractor_only_through_its_entry_point() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for package in ("api", "cli")
        for path in sorted((ROOT / package).rglob("*.py"))
        for name, line in imports(path)
        if name.split(".")[0] == "extract" and name not in EXTRACT_ENTRY
    ]
    assert not wrong


def test_api_reaches_the_loaders_only_for_curated_writes() -> None:
    """POST /v1/claims validates like ``regkg load curated``: that one loader, nothing else."""
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / "api").rglob("*.py"))
        for name, line in imports(path)
        if name.split(".")[0] == "loaders" and name not in {"loaders", "loaders.curated"}
    ]
    assert not wrong


def test_only_graph_talks_to_the_driver_or_holds_cypher() -> None:
    cypher = re.compile(r"\b(?:MATCH|MERGE|UNWIND)\s*\(")
    wrong = []
    for path in modules():
        if path.relative_to(ROOT).parts[0] == "graph":
            continue
        if any(name.split(".")[0] == "neo4j" for name, _ in imports(path)):
            wrong.append(f"{path.relative_to(ROOT)} imports the neo4j driver")
        if cypher.search(path.read_text(encoding="utf-8")):
            wrong.append(f"{path.relative_to(ROOT)} holds Cypher")
    assert not wrong


def test_nothing_is_named_neo4j() -> None:
    """A folder or module named neo4j would shadow the driver."""
    assert not [p for p in ROOT.rglob("neo4j*.py") if ".venv" not in p.parts and "node_modules" not in p.parts]
    assert not (ROOT / "neo4j").exists()
