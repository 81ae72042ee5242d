"""The test suite's own rules (DEVELOPERS.md): no test module imports another test module (shared
builders live in tests/support, fixtures in conftest.py), and no test imports a private name of
sitrep (tests go through what users and other stages call)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, []


def test_no_test_module_imports_another_or_a_private_name():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        where = path.relative_to(TESTS)
        for module, names in _imports(path):
            last = module.split(".")[-1]
            if last.startswith("test_") or module.startswith("tests."):
                found.append(f"{where} imports the test module {module}")
            if module.startswith("sitrep"):
                found += [f"{where} imports {module}.{n}" for n in names if n.startswith("_")]
    assert found == []


def test_every_test_module_sits_in_a_stage_folder():
    loose = [p.name for p in TESTS.glob("test_*.py")]
    assert loose == [], "put each test module in the folder of its stage (DEVELOPERS.md)"
