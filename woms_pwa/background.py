"""Background tasks of the web app (registered as Reflex lifespan tasks)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

JOBS_EVERY_SECONDS = 15 * 60
FIRST_RUN_AFTER_SECONDS = 60


async def run_jobs_periodically() -> None:
    """Reminders, warning notifications and e-mails every 15 minutes, off the event loop.

    Repeating is harmless (dedupe keys); a failed round is logged and retried at
    the next one. ``WOMS_BACKGROUND_JOBS=0`` turns it off (tests, or when cron
    runs ``woms jobs run``).
    """
    from woms_pwa.context import db, settings
    from woms_pwa.core.jobs import run_daily_jobs

    if not settings().background_jobs:
        return

    def one_round() -> None:
        with db() as session:
            run_daily_jobs(session, today=dt.date.today(), smtp_url=settings().smtp_url)

    await asyncio.sleep(FIRST_RUN_AFTER_SECONDS)
    while True:
        try:
            await asyncio.to_thread(one_round)
        except Exception:
            logging.getLogger(__name__).exception("background jobs failed")
        await asyncio.sleep(JOBS_EVERY_SECONDS)
