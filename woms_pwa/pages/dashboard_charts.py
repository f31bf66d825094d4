"""Browser charts as inline SVG: radar (spider) of the four perspectives, sparklines.

The geometry is computed in Python (plain strings in state), the browser only
draws it: no chart library to download, nothing added to the frontend bundle,
and it works offline like the rest of the PWA.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import reflex as rx

from woms_pwa.core.messages import reports as rmsg

RADAR_SIZE = 220
_CENTER = RADAR_SIZE / 2
_RADIUS = 78.0
LIGHT_COLORS = {
    "green": "var(--grass-9)",
    "yellow": "var(--amber-9)",
    "red": "var(--red-9)",
    "none": "var(--gray-7)",
}
LIGHT_ICONS = {
    "green": "circle-check",
    "yellow": "circle-alert",
    "red": "circle-x",
    "none": "minus",
}


def _point(index: int, count: int, ratio: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (
        _CENTER + _RADIUS * ratio * math.cos(angle),
        _CENTER + _RADIUS * ratio * math.sin(angle),
    )


def radar_polygon(values: Sequence[float | None], maximum: float = 100.0) -> str:
    """SVG ``points`` of the score polygon (missing values at the centre)."""
    count = len(values)
    points = []
    for i, value in enumerate(values):
        ratio = 0.0 if value is None else max(0.0, min(1.0, value / maximum))
        x, y = _point(i, count, ratio)
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def radar_grid(count: int = 4) -> list[str]:
    """Polygons of the 25/50/75/100 % rings."""
    rings = []
    for ratio in (0.25, 0.5, 0.75, 1.0):
        rings.append(
            " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, count, ratio) for i in range(count)))
        )
    return rings


def radar_labels(labels: Sequence[str]) -> list[dict[str, str]]:
    """Label positions just outside the outer ring."""
    out = []
    for i, label in enumerate(labels):
        x, y = _point(i, len(labels), 1.22)
        out.append({"x": f"{x:.1f}", "y": f"{y + 4:.1f}", "label": label})
    return out


def sparkline(values: Sequence[float | None], width: int = 96, height: int = 24) -> str:
    """SVG ``points`` of a small line (values as ratios 0–1.2; gaps skipped)."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if not known:
        return ""
    steps = max(1, len(values) - 1)
    top = max(1.0, *(v for _, v in known))
    return " ".join(
        f"{i * width / steps:.1f},{height - 2 - (height - 4) * max(0.0, v) / top:.1f}"
        for i, v in known
    )


def radar_chart(
    points: rx.Var[str], labels: rx.Var[list[dict[str, str]]], title: str
) -> rx.Component:
    """The radar (spider) chart: grid rings, axes, the score polygon, labels."""
    axes = [_point(i, 4, 1.0) for i in range(4)]
    return rx.el.svg(
        rx.el.svg.title(title),
        *[
            rx.el.svg.polygon(points=ring, fill="none", stroke="var(--gray-6)", stroke_width="1")
            for ring in radar_grid(4)
        ],
        *[
            rx.el.svg.line(
                x1=str(_CENTER),
                y1=str(_CENTER),
                x2=f"{x:.1f}",
                y2=f"{y:.1f}",
                stroke="var(--gray-6)",
                stroke_width="1",
            )
            for x, y in axes
        ],
        rx.el.svg.polygon(
            points=points,
            fill="var(--accent-9)",
            fill_opacity="0.35",
            stroke="var(--accent-11)",
            stroke_width="2",
        ),
        rx.foreach(
            labels,
            lambda item: rx.el.svg.text(
                item["label"],
                x=item["x"],
                y=item["y"],
                text_anchor="middle",
                font_size="11",
                fill="var(--gray-12)",
            ),
        ),
        view_box=f"-30 -10 {RADAR_SIZE + 60} {RADAR_SIZE + 20}",
        width="100%",
        max_width="340px",
        role="img",
        aria_label=title,
        class_name="radar-chart",
    )


def spark(points: rx.Var[str], color: rx.Var[str] | str = "var(--accent-10)") -> rx.Component:
    """A 96×24 sparkline (decorative: the numbers are written next to it)."""
    return rx.el.svg(
        rx.el.svg.polyline(points=points, fill="none", stroke=color, stroke_width="2"),
        view_box="0 0 96 24",
        width="96px",
        height="24px",
        aria_hidden="true",
        class_name="sparkline",
    )


def light_icon(light: rx.Var[str]) -> rx.Component:
    """The icon of a traffic-light state (shape differs, not only colour)."""
    return rx.match(
        light,
        *[(key, rx.icon(icon, size=14, aria_hidden="true")) for key, icon in LIGHT_ICONS.items()],
        rx.icon("minus", size=14, aria_hidden="true"),
    )


def light_color(light: rx.Var[str]) -> rx.Var[str]:
    """CSS colour of a light state."""
    return rx.match(light, *LIGHT_COLORS.items(), "var(--gray-7)")  # type: ignore[return-value]


PERSPECTIVE_SHORT = rmsg.PERSPECTIVE_SHORT
