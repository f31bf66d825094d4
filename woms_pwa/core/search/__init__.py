"""One search box over units, people, tasks, key results, notes and reports.

Accent-insensitive (``giai ngan`` finds "giải ngân": both sides go through
``analytics.vntext.fold_accents``) and permission-aware (every hit is checked
against ``permissions.scope_for``). The folded index is built in memory once
per database when rows are added (and every few minutes for edits in
place), then reused; a query is a scan of folded strings, every query word
must appear.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from analytics.vntext import fold_accents
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import Actor, Scope, scope_for

_INDEX: dict[str, tuple[str, float, pd.DataFrame]] = {}
INDEX_TTL_S = 300.0
_LOCK = threading.Lock()
KIND_ORDER = {"unit": 0, "person": 1, "report": 2, "task": 3, "kr": 4, "note": 5}


@dataclass(frozen=True)
class SearchHit:
    """One result: what it is, its label, a short context and where it leads."""

    kind: str
    code: str
    title: str
    context: str
    href: str


def _link(route: str, **params: str) -> str:
    return f"{route}?{urlencode(params)}"


def _rows(session: Session) -> pd.DataFrame:
    """Every searchable row with the ids its visibility depends on."""
    q = lambda sql: session.execute(text(sql)).all()  # noqa: E731
    rows: list[tuple[object, ...]] = []
    for uid, code, name in q("SELECT id, code, name FROM unit"):
        rows.append(("unit", code, name, "", uid, None, _link("/tong-quan/don-vi", unit=code)))
    for pid, code, name, position, _uid in q(
        "SELECT p.id, p.code, p.full_name, COALESCE(p.position, ''), p.unit_id FROM person p"
    ):
        rows.append(("person", code, name, position, None, pid, ""))
    plans = (
        "JOIN plan pl ON pl.id = t.plan_id JOIN period per ON per.id = pl.period_id"
        " LEFT JOIN unit u ON u.id = pl.owner_unit_id LEFT JOIN person pe ON pe.id = pl.owner_person_id"
    )
    for code, title, area, uid, pid, owner, period in q(
        "SELECT t.code, t.title, COALESCE(t.area, ''), pl.owner_unit_id, pl.owner_person_id,"
        f" COALESCE(u.code, pe.code), per.code FROM task t {plans}"
    ):
        href = _link("/ke-hoach", owner=owner, period=period)
        rows.append(("task", code, title, f"{owner} · {area}", uid, pid, href))
    for code, title, uid, pid, owner in q(
        "SELECT kr.code, kr.title, pl.owner_unit_id, pl.owner_person_id, COALESCE(u.code, pe.code)"
        f" FROM key_result kr JOIN task t ON t.id = kr.task_id {plans}"
    ):
        rows.append(("kr", code, title, owner, uid, pid, _link("/muc-tieu", kr=code)))
    for nid, body, uid, kr_code, day in q(
        "SELECT n.id, n.text, n.unit_id, kr.code, n.date FROM note n"
        " LEFT JOIN key_result kr ON kr.id = n.kr_id"
    ):
        href = _link("/muc-tieu", kr=kr_code) if kr_code else ""
        rows.append(("note", f"N{nid}", body[:160], str(day), uid, None, href))
    frame = pd.DataFrame(
        rows, columns=["kind", "code", "title", "context", "unit_id", "person_id", "href"]
    )
    frame["folded"] = [
        fold_accents(f"{c} {t} {x}")
        for c, t, x in zip(frame["code"], frame["title"], frame["context"], strict=True)
    ]
    return frame


def _text_version(session: Session) -> str:
    """Changes when a searchable row is added (check-ins do not change searchable text)."""
    row = session.execute(
        text(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM unit), (SELECT COALESCE(MAX(id), 0) FROM person),"
            " (SELECT COALESCE(MAX(id), 0) FROM task), (SELECT COALESCE(MAX(id), 0) FROM key_result),"
            " (SELECT COALESCE(MAX(id), 0) FROM note)"
        )
    ).one()
    return ".".join(str(v) for v in row)


def _index(session: Session) -> pd.DataFrame:
    # Rebuilt when rows are added, and at least every INDEX_TTL_S for edits
    # in place (a renamed key result): a province's index takes seconds to
    # fold, so it must not be rebuilt on every check-in.
    key = str(session.get_bind().engine.url)
    version = _text_version(session)
    now = time.monotonic()
    with _LOCK:
        cached = _INDEX.get(key)
        if cached and cached[0] == version and now - cached[1] < INDEX_TTL_S:
            return cached[2]
    frame = _rows(session)
    with _LOCK:
        _INDEX[key] = (version, now, frame)
    return frame


def _visible(frame: pd.DataFrame, scope: Scope) -> pd.Series:
    unit_ok = (
        pd.Series(True, index=frame.index)
        if scope.view_units is None
        else frame["unit_id"].isin(scope.view_units)
    )
    person_ok = (
        pd.Series(True, index=frame.index)
        if scope.view_people is None
        else frame["person_id"].isin(scope.view_people)
    )
    has_unit = frame["unit_id"].notna()
    has_person = frame["person_id"].notna()
    return (has_unit & unit_ok) | (~has_unit & has_person & person_ok)


def search(session: Session, actor: Actor, query: str, *, limit: int = 40) -> list[SearchHit]:
    """Find everything the actor may see whose code, title or context holds every query word.

    Args:
        session: an open session.
        actor: the signed-in user.
        query: free text, with or without diacritics.
        limit: most hits returned.
    """
    words = fold_accents(query or "").split()
    if not words or len("".join(words)) < 2:
        return []
    frame = _index(session)
    wants_report = "bao" in words and "cao" in words
    report_words = [w for w in words if w not in {"bao", "cao"}]
    mask = pd.Series(True, index=frame.index)
    for word in words:
        mask &= frame["folded"].str.contains(word, regex=False)
    mask &= _visible(frame, scope_for(session, actor))
    found = frame[mask].copy()
    hits: list[SearchHit] = []
    if wants_report:
        units = frame[(frame["kind"] == "unit") & _visible(frame, scope_for(session, actor))]
        for word in report_words:
            units = units[units["folded"].str.contains(word, regex=False)]
        for row in units.sort_values("code").head(5).itertuples():
            for kind in ("monthly", "quarterly", "annual"):
                label = f"{rmsg.REPORT_KINDS[kind]} — {row.title}"
                hits.append(
                    SearchHit(
                        "report",
                        f"{row.code}:{kind}",
                        label,
                        str(row.code),
                        _link("/bao-cao", unit=str(row.code), kind=kind),
                    )
                )
    phrase = " ".join(words)
    found["_exact"] = ~found["folded"].str.contains(phrase, regex=False)
    found["_kind"] = found["kind"].map(KIND_ORDER)
    found = found.sort_values(["_kind", "_exact", "code"]).head(limit)
    hits.extend(
        SearchHit(r.kind, r.code, r.title, r.context, r.href)  # type: ignore[arg-type]
        for r in found.itertuples()
    )
    return hits[:limit]
