"""Reflex configuration. The database comes from WOMS_DB_URL (SQLite by default)."""

import reflex as rx

from woms_pwa.core.settings import Settings

config = rx.Config(
    app_name="woms_pwa",
    db_url=Settings.from_env().db_url,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="light",
    disable_plugins=["reflex.plugins.sitemap.SitemapPlugin"],
)
