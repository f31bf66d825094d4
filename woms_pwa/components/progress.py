"""Progress bar and traffic light: colour is never the only signal (icon + text too)."""

from __future__ import annotations

import reflex as rx

from woms_pwa.core import messages as msg

LIGHT_LABELS = {
    "green": msg.STATUS_GREEN,
    "yellow": msg.STATUS_YELLOW,
    "red": msg.STATUS_RED,
    "none": msg.STATUS_NONE,
}
_COLOR = {"green": "grass", "yellow": "amber", "red": "red", "none": "gray"}
_ICON = {
    "green": "circle-check",
    "yellow": "circle-alert",
    "red": "circle-x",
    "none": "circle-dashed",
}


def light_badge(light: rx.Var[str]) -> rx.Component:
    """A badge with an icon and a word for the traffic-light state."""
    return rx.match(
        light,
        *[
            (
                key,
                rx.badge(
                    rx.icon(_ICON[key], size=14, aria_hidden="true"),
                    LIGHT_LABELS[key],
                    color_scheme=_COLOR[key],  # type: ignore[arg-type]
                    variant="soft",
                    size="2",
                ),
            )
            for key in ("green", "yellow", "red")
        ],
        rx.badge(
            rx.icon(_ICON["none"], size=14, aria_hidden="true"),
            LIGHT_LABELS["none"],
            color_scheme="gray",
            variant="soft",
            size="2",
        ),
    )


def progress_bar(percent: rx.Var[str], light: rx.Var[str], label: rx.Var[str]) -> rx.Component:
    """A bar filled to ``percent`` (0–100, as text), coloured by ``light``."""
    color = rx.match(
        light,
        ("green", "var(--grass-9)"),
        ("yellow", "var(--amber-9)"),
        ("red", "var(--red-9)"),
        "var(--gray-8)",
    )
    return rx.box(
        rx.box(height="100%", width=percent + "%", background=color, border_radius="4px"),
        role="progressbar",
        aria_valuenow=percent,
        aria_valuemin="0",
        aria_valuemax="100",
        aria_label=label,
        height="10px",
        width="100%",
        background="var(--gray-4)",
        border_radius="4px",
        overflow="hidden",
    )
