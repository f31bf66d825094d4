"""Dependencies point one way: UI -> core -> pure packages (architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = ("analytics", "metric_library", "assistant")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(
                node.module.split(".")[0]
                if not node.module.startswith("woms_pwa.")
                else node.module
            )
    return names


@pytest.mark.parametrize("package", PURE)
def test_pure_packages_import_neither_reflex_nor_the_app(package: str) -> None:
    for path in (ROOT / package).rglob("*.py"):
        found = _imports(path)
        assert "reflex" not in found, path
        assert not any(name == "woms_pwa" or name.startswith("woms_pwa.") for name in found), path


def test_core_imports_neither_reflex_nor_langchain_nor_chromadb() -> None:
    for path in (ROOT / "woms_pwa" / "core").rglob("*.py"):
        found = _imports(path)
        assert not found & {"reflex", "langchain", "langchain_core", "chromadb"}, path
        assert not any(
            name.startswith(("woms_pwa.pages", "woms_pwa.components", "woms_pwa.forms"))
            for name in found
        ), path
