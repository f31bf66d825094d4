"""Role-aware navigation: page modules declare ``NAV`` items, the header shows them."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

import reflex as rx


@dataclass(frozen=True)
class NavItem:
    """One navigation entry.

    Attributes:
        label: Vietnamese label (short: it must fit a phone).
        href: the route.
        icon: a lucide icon name.
        roles: roles that see the entry (``admin``, ``province``, ``head``, ``cadre``).
        order: position, lower first.
    """

    label: str
    href: str
    icon: str
    roles: tuple[str, ...] = ("admin", "province", "head", "cadre")
    order: int = 100


def discover_nav(package: str = "woms_pwa.pages") -> list[NavItem]:
    """Collect the ``NAV`` lists of every page module, in order."""
    module = importlib.import_module(package)
    items: list[NavItem] = []
    for info in pkgutil.iter_modules(module.__path__):
        items.extend(getattr(importlib.import_module(f"{package}.{info.name}"), "NAV", []))
    return sorted(items, key=lambda item: (item.order, item.label))


def nav_bar(role: rx.Var[str]) -> rx.Component:
    """A horizontally scrollable row of links, each shown only to its roles."""
    links = [
        rx.cond(
            rx.Var.create(list(item.roles)).contains(role),
            rx.link(
                rx.hstack(
                    rx.icon(item.icon, size=16, aria_hidden="true"),
                    rx.text(item.label, size="2"),
                    spacing="1",
                    align="center",
                ),
                href=item.href,
                class_name="nav-link",
                underline="none",
            ),
        )
        for item in discover_nav()
    ]
    return rx.el.nav(
        rx.hstack(
            *links,
            spacing="2",
            max_width="760px",
            margin_x="auto",
            padding_x="1em",
            overflow_x="auto",
            wrap="nowrap",
        ),
        aria_label="Điều hướng chính",
        background="var(--accent-3)",
        width="100%",
        padding_y="0.35em",
    )
