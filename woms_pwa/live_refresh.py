"""Pages whose figures follow the data without a manual refresh (dashboards, alerts).

A page mixes :class:`LiveRefreshMixin` into its state, says which route it
serves and how to read a cheap version stamp, and returns ``State.watch`` from
its ``load`` handler. The watcher polls the stamp every few seconds while the
page stays open and calls the page's ``_fill`` again when the stamp moves.
"""

from __future__ import annotations

import asyncio
import time

import reflex as rx
from sqlmodel import Session

from woms_pwa.context import db

POLL_SECONDS = 5.0
# A forgotten tab stops polling after two hours; reopening the page starts again.
POLL_LIFETIME_S = 2 * 3600.0


class LiveRefreshMixin(rx.State, mixin=True):
    """A background watcher that re-reads the page when its data version changes."""

    watching: bool = False

    def _live_route(self) -> str:
        """The route the watcher serves; it stops when the user navigates away."""
        raise NotImplementedError

    def _live_stamp(self, session: Session) -> str:
        """The current version stamp of what the page shows (cheap: a few maxima)."""
        raise NotImplementedError

    def _live_shown(self) -> str:
        """The stamp of what the page shows now (set by ``_fill``)."""
        raise NotImplementedError

    def _live_paused(self) -> bool:
        """Whether to stop watching (e.g. the page shows an error)."""
        return False

    @rx.event(background=True)
    async def watch(self) -> None:
        """Poll the version stamp; call ``_fill`` again when it changes."""
        async with self:
            if self.watching:
                return
            self.watching = True
        started = time.monotonic()
        try:
            while time.monotonic() - started < POLL_LIFETIME_S:
                await asyncio.sleep(POLL_SECONDS)
                async with self:
                    if self.router.page.path != self._live_route() or self._live_paused():
                        return
                    with db() as session:
                        changed = self._live_stamp(session) != self._live_shown()
                    actor = self._actor() if changed else None  # type: ignore[attr-defined]
                    if actor is not None:
                        self._fill(actor)  # type: ignore[attr-defined]
        finally:
            async with self:
                self.watching = False
