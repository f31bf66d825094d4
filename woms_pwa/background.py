"""Background tasks of the web app (registered as Reflex lifespan tasks)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

JOBS_EVERY_SECONDS = 15 * 60
FIRST_RUN_AFTER_SECONDS = 60


async def run_jobs_periodically() -> None:
    """Warm the alerts at start-up, then reminders, warnings and e-mails every 15 minutes.

    Everything runs off the event loop (a worker thread).

    Repeating is harmless (dedupe keys); a failed round is logged and retried at
    the next one. ``WOMS_BACKGROUND_JOBS=0`` turns it off (tests, or when cron
    runs ``woms jobs run``).
    """
    from woms_pwa.context import db, settings
    from woms_pwa.core.alerts.service import refresh_alerts
    from woms_pwa.core.jobs import run_daily_jobs

    if not settings().background_jobs:
        return

    def warm_alerts() -> None:
        with db() as session:
            refresh_alerts(session, today=dt.date.today())

    def one_round() -> None:
        with db() as session:
            run_daily_jobs(session, today=dt.date.today(), smtp_url=settings().smtp_url)

    # Warm the alerts store at once: at province scale the first computation
    # takes 10-20 s, and pages never compute it themselves there.
    try:
        await asyncio.to_thread(warm_alerts)
    except Exception:
        logging.getLogger(__name__).exception("warming the alerts failed")
    await asyncio.sleep(FIRST_RUN_AFTER_SECONDS)
    while True:
        try:
            await asyncio.to_thread(one_round)
        except Exception:
            logging.getLogger(__name__).exception("background jobs failed")
        await asyncio.sleep(JOBS_EVERY_SECONDS)
