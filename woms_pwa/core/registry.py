"""Import every table module so that SQLModel's metadata knows the whole schema.

The foundation's tables live in ``woms_pwa.core.models``; a feature keeps its
own in a ``models.py`` (or ``models_*.py``) inside its ``woms_pwa.core``
sub-package. Alembic and the tests call :func:`load_all_models`.
"""

from __future__ import annotations

import importlib
import pkgutil

import woms_pwa.core as core


def load_all_models() -> list[str]:
    """Import every ``models``/``models_*`` module under ``woms_pwa.core``.

    Returns:
        The imported module names, sorted.
    """
    found = []
    for info in pkgutil.walk_packages(core.__path__, prefix="woms_pwa.core."):
        leaf = info.name.rsplit(".", 1)[-1]
        if leaf == "models" or leaf.startswith("models_"):
            importlib.import_module(info.name)
            found.append(info.name)
    return sorted(found)
