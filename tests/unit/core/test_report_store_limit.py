"""The shared report store keeps at most ``max_keys`` entries, least recently used out."""

from __future__ import annotations

import datetime as dt

from woms_pwa.core.services.snapshots import Entry, ReportStore


def _entry(value: object) -> Entry:
    return Entry(value, 1, dt.date(2025, 1, 1), dt.datetime.now(dt.UTC), 0.0)


def test_least_recently_used_entries_go_first() -> None:
    store = ReportStore(max_keys=2)
    store.compute_now("a", lambda current: _entry("A"))
    store.compute_now("b", lambda current: _entry("B"))
    assert store.state("a").entry is not None  # "a" read: "b" is now the oldest
    store.compute_now("c", lambda current: _entry("C"))
    assert store.state("b").entry is None
    assert [store.state(k).entry.report for k in ("a", "c")] == ["A", "C"]  # type: ignore[union-attr]
    store.compute_now("c", lambda current: current or _entry("C2"))  # reused: nothing dropped
    assert store.state("a").entry is not None and store.computations == 3


def test_without_a_limit_nothing_is_dropped() -> None:
    store = ReportStore()
    for key in range(20):
        store.compute_now(key, lambda current, key=key: _entry(key))
    assert all(store.state(key).entry is not None for key in range(20))
