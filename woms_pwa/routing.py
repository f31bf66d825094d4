"""Pages declare their routes; the app collects them, so features never edit one list."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import reflex as rx


@dataclass(frozen=True)
class PageSpec:
    """One route of the app.

    Attributes:
        route: the URL path (query parameters carry the rest).
        component: function returning the page component.
        title: browser tab title (Vietnamese).
        on_load: event handler(s) run when the page opens.
        order: dynamic routes must be added before static ones; lower first.
    """

    route: str
    component: Callable[[], rx.Component]
    title: str
    on_load: Any = None
    order: int = 100
    extra: dict[str, Any] = field(default_factory=dict)


def discover_pages(package: str = "woms_pwa.pages") -> list[PageSpec]:
    """Import every module of ``package`` and collect its ``PAGES`` list."""
    module = importlib.import_module(package)
    specs: list[PageSpec] = []
    for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda m: m.name):
        page_module = importlib.import_module(f"{package}.{info.name}")
        specs.extend(getattr(page_module, "PAGES", []))
    return sorted(specs, key=lambda spec: (spec.order, spec.route))
