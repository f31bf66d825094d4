"""The WOMS Reflex app: theme, head tags, and the routes the page modules declare."""

from __future__ import annotations

import reflex as rx

from woms_pwa.api import create_api
from woms_pwa.background import run_jobs_periodically
from woms_pwa.core import messages as msg
from woms_pwa.routing import discover_pages

app = rx.App(
    theme=rx.theme(
        appearance="light", accent_color="blue", gray_color="slate", radius="medium", scaling="100%"
    ),
    html_lang="vi",
    api_transformer=create_api(),
    stylesheets=["/woms.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0d4ea6"),
        rx.el.meta(name="description", content=msg.APP_LONG_NAME),
        rx.el.link(rel="icon", href="/favicon.ico"),
        rx.el.link(rel="apple-touch-icon", href="/apple-touch-icon.png"),
        # Installable PWA: manifest + service worker (rx.el.script, not rx.script:
        # the latter is injected after `load` and the registration never ran).
        rx.el.link(rel="manifest", href="/manifest.webmanifest"),
        rx.el.script(src="/pwa.js", defer=True),
    ],
)
# The assistant's index follows new check-ins in the background (never in a request).
from woms_pwa.pages.assistant import keep_index_fresh  # noqa: E402

app.register_lifespan_task(keep_index_fresh)
# Deadline reminders, warning notifications and e-mails (dedupe keys make reruns harmless).
app.register_lifespan_task(run_jobs_periodically)
for spec in discover_pages():
    app.add_page(
        spec.component,
        route=spec.route,
        title=f"{spec.title} · {msg.APP_NAME}",
        on_load=spec.on_load,
    )
