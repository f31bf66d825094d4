"""Stores of computed reports keyed on the data version, shared by the pages.

Some pages summarise a whole province: forecasting it (alerts, 150,000 key
results) takes 10–20 s, scoring it (evaluation) 1.5–2 s, and every check-in
changes the data. A :class:`ReportStore` keeps the latest computed report per
key with the data version it was computed at (:func:`data_version`), so a
page load that finds the data unchanged costs a version query. Two ways to
use it:

* stale-while-revalidate (the alerts page): the page takes the latest report
  at once and a changed version queues ONE recomputation on a background
  thread (:meth:`ReportStore.request_refresh`);
* memo (the evaluation pages): a changed version recomputes in the request,
  at most one computation at a time, and a request that waited for another's
  computation reuses it (:meth:`ReportStore.compute_now`).

Guarantees, per process:

* at most one computation at a time per store (one lock for every key: a
  2-core server keeps a core for the requests);
* a request never waits for a computation it did not ask to run synchronously;
* a refresh asked for while one is queued or running is not queued twice;
* after a computation of ``d`` seconds the next background one waits
  ``d × cooldown_factor`` (at most half a core during month-end reporting,
  when check-ins arrive every few seconds);
* a failed computation is logged and keeps the last good report; the next
  background try waits ``failure_pause`` seconds;
* with ``max_keys``, the least recently used entries beyond that many are
  dropped (reports of a province weigh tens of MB each).

The store knows nothing of what it stores: the caller passes a ``compute``
callable that receives the current entry and returns it unchanged when still
valid, or a new one. The cache lives in this process only (each web worker
keeps its own; the CLI computes directly).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from woms_pwa.core.models import AuditEntry, CheckIn

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    """One computed report and what it was computed from.

    Attributes:
        report: the computed value (e.g. an ``AlertReport``, an ``EvaluationRun``;
            None when there is none).
        version: the data version read in the transaction that computed it.
        today: the day the defaults (period, as-of) were resolved for.
        computed_at: when the computation finished (aware, UTC).
        seconds: how long it took.
        checkin_id: the highest check-in id the report includes.
    """

    report: Any
    version: Hashable
    today: dt.date
    computed_at: dt.datetime
    seconds: float
    checkin_id: int = 0


@dataclass(frozen=True)
class SlotState:
    """What a key holds now.

    Attributes:
        entry: the latest good entry, or None before the first success.
        refreshing: a background recomputation is queued or running.
        failed_at: when the latest computation failed (None after a success).
    """

    entry: Entry | None
    refreshing: bool
    failed_at: dt.datetime | None


Compute = Callable[[Entry | None], Entry]


@dataclass
class _Slot:
    entry: Entry | None = None
    queued: bool = False
    failed_at: dt.datetime | None = None
    not_before: float = 0.0  # time.monotonic() before which no background run starts
    used: float = 0.0  # time.monotonic() of the latest read or store (for max_keys)


class ReportStore:
    """Latest entries per key, refreshed one at a time in the background."""

    def __init__(
        self,
        *,
        cooldown_factor: float = 1.0,
        failure_pause: float = 60.0,
        max_keys: int | None = None,
    ) -> None:
        """Create an empty store.

        Args:
            cooldown_factor: pause after a background computation, as a multiple
                of its duration.
            failure_pause: seconds before retrying after a failure.
            max_keys: keep at most this many entries, dropping the least
                recently used (None: no limit).
        """
        self.cooldown_factor = cooldown_factor
        self.failure_pause = failure_pause
        self.max_keys = max_keys
        self._guard = threading.Lock()  # protects the slots (held for microseconds)
        self._compute_lock = threading.Lock()  # held for a whole computation
        self._idle = threading.Condition(self._guard)
        self._slots: dict[Hashable, _Slot] = {}
        self.computations = 0  # how many times ``compute`` returned a new entry

    def _slot(self, key: Hashable) -> _Slot:
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = _Slot()
        return slot

    def state(self, key: Hashable) -> SlotState:
        """The latest entry of ``key`` and whether it is being refreshed."""
        with self._guard:
            slot = self._slot(key)
            slot.used = time.monotonic()
            return SlotState(slot.entry, slot.queued, slot.failed_at)

    def compute_now(
        self, key: Hashable, compute: Compute, *, raise_errors: bool = False
    ) -> Entry | None:
        """Run ``compute`` in the calling thread (after any running computation).

        For the background job and for the very first load of a small database.
        ``compute`` gets the current entry, so a computation that finished
        while this one waited for the lock is reused rather than repeated.

        Args:
            key: the slot.
            compute: returns the current entry unchanged, or a new one.
            raise_errors: re-raise a failure (after logging it) instead of
                returning the last good entry.

        Returns:
            The resulting entry (the last good one, maybe None, after a failure).
        """
        try:
            return self._run(key, compute)
        except Exception:
            if raise_errors:
                raise
            return self.state(key).entry

    def request_refresh(self, key: Hashable, compute: Compute) -> bool:
        """Queue a background recomputation of ``key`` unless one is queued already.

        Returns:
            Whether this call queued it.
        """
        with self._guard:
            slot = self._slot(key)
            if slot.queued:
                return False
            slot.queued = True
        thread = threading.Thread(
            target=self._refresh, args=(key, compute), name="woms-report-refresh", daemon=True
        )
        thread.start()
        return True

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no refresh is queued or running (tests and benchmarks).

        Returns:
            False when ``timeout`` seconds passed first.
        """
        deadline = time.monotonic() + timeout
        with self._idle:
            while any(s.queued for s in self._slots.values()):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def clear(self) -> None:
        """Forget every entry (tests; a running refresh still stores its result)."""
        with self._guard:
            for key, slot in list(self._slots.items()):
                if not slot.queued:
                    del self._slots[key]
                else:
                    slot.entry, slot.failed_at, slot.not_before = None, None, 0.0

    def _run(self, key: Hashable, compute: Compute) -> Entry:
        with self._compute_lock:
            current = self.state(key).entry
            try:
                entry = compute(current)
            except Exception:
                log.exception("computing the report %r failed; keeping the last good one", key)
                with self._guard:
                    slot = self._slot(key)
                    slot.failed_at = dt.datetime.now(dt.UTC)
                    slot.not_before = time.monotonic() + self.failure_pause
                raise
            with self._guard:
                slot = self._slot(key)
                slot.failed_at = None
                if entry is not current:
                    self.computations += 1
                    slot.entry = entry
                    slot.not_before = time.monotonic() + entry.seconds * self.cooldown_factor
                    slot.used = time.monotonic()
                    self._evict(keep=key)
            return entry

    def _evict(self, keep: Hashable) -> None:
        """Drop the least recently used entries beyond ``max_keys`` (guard held)."""
        if self.max_keys is None:
            return
        held = [k for k, s in self._slots.items() if s.entry is not None and k != keep]
        extra = len(held) + 1 - self.max_keys
        if extra <= 0:
            return
        for key in sorted(held, key=lambda k: self._slots[k].used)[:extra]:
            slot = self._slots[key]
            if slot.queued:  # its refresh will store again; forget only the report
                slot.entry = None
            else:
                del self._slots[key]

    def _refresh(self, key: Hashable, compute: Compute) -> None:
        try:
            with self._guard:
                delay = self._slot(key).not_before - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._run(key, compute)
        except Exception:  # logged in _run; the last good entry stays
            pass
        finally:
            with self._idle:
                self._slot(key).queued = False
                self._idle.notify_all()


def data_version(session: Session) -> tuple[int, int]:
    """A cheap stamp that changes whenever data does (two indexed maxima).

    Every change (import, check-in, plan approval, evaluation step, scoring
    configuration, explanation, deletion from a draft) appends to the audit
    log; the newest check-in id covers one written without it. No COUNT: at
    1,350,000 check-ins it would cost 60 ms on every page load.
    """
    row = session.execute(
        select(
            select(func.max(AuditEntry.id)).scalar_subquery(),
            select(func.max(CheckIn.id)).scalar_subquery(),
        )
    ).one()
    return (int(row[0] or 0), int(row[1] or 0))
