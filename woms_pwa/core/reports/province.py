"""The province-wide summary table for the review meeting (PDF landscape and Excel)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter
from sqlalchemy import text
from sqlmodel import Session

from analytics.scoring import PERSPECTIVES
from analytics.vntext import format_date_vi, format_number_vi
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.permissions import Actor
from woms_pwa.core.reports.dashboard import province_dashboard
from woms_pwa.core.reports.data import UnitReport, fingerprint
from woms_pwa.core.reports.pdf import LIGHT_RGB, Column, DocumentHead, SignatureBlock, WomsDocument
from woms_pwa.core.reports.render import LIGHT_TEXT


def _num(value: Any, digits: int = 2) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else round(number, digits)


def build_province_summary(
    session: Session, actor: Actor, year: int, *, today: dt.date | None = None
) -> UnitReport:
    """Every visible unit of the year's plans: four perspective scores, reds, total, rank."""
    board = province_dashboard(session, actor, str(year), today=today)
    rows = [
        {
            "code": r["owner_code"],
            "name": r["owner_name"],
            "kind": r["owner_unit_kind"] or "",
            "scores": {p: _num(r[f"{p}_score"]) for p in PERSPECTIVES},
            "lights": {p: r[f"{p}_light"] for p in PERSPECTIVES},
            "n_key_results": int(r["n_key_results"]),
            "n_red": int(r["n_red"]),
            "total": _num(r["total"]),
            "rank": int(r["rank"]),
            "light": r["light"],
        }
        for r in board.rows
    ]
    rows.sort(key=lambda r: (r["rank"], r["code"]))
    province = session.execute(
        text("SELECT name FROM unit WHERE kind = 'province' ORDER BY code LIMIT 1")
    ).scalar_one_or_none()
    payload = {
        "issuer": str(province or ""),
        "kind": "province",
        "year": year,
        "end": board.as_of.isoformat(),
        "title": rmsg.REPORT_TITLE["province"].format(year=year, date=format_date_vi(board.as_of)),
        "units": rows,
    }
    return UnitReport(payload, fingerprint(payload))


def _n(value: float | None) -> str:
    return "-" if value is None else format_number_vi(value, 1)


def province_summary_pdf(payload: dict[str, Any], digest: str) -> bytes:
    """The landscape summary table, signed on behalf of the standing committee."""
    day = dt.date.fromisoformat(payload["end"])
    issuer = payload.get("issuer") or ""
    place = issuer.removeprefix("Tỉnh ").removeprefix("Thành phố ") or issuer
    head = DocumentHead("", issuer, place, day)
    doc = WomsDocument(
        head, fingerprint=digest, landscape=True, footer_label=rmsg.REPORT_FINGERPRINT
    )
    doc.title(rmsg.PROVINCE_HEADING, payload["title"])
    short = rmsg.PERSPECTIVE_SHORT
    width = doc.width
    columns = [
        Column(rmsg.RANK, 14, "C"),
        Column(rmsg.COL_UNIT_NAME, width - 14 - 4 * 24 - 18 - 22 - 34),
        *[Column(short[p], 24, "R") for p in PERSPECTIVES],
        Column(rmsg.COL_RED, 18, "R"),
        Column(rmsg.COL_SCORE, 22, "R"),
        Column(rmsg.COL_STATUS, 34, "C"),
    ]
    body = [
        [
            str(r["rank"]),
            r["name"],
            *[_n(r["scores"][p]) for p in PERSPECTIVES],
            str(r["n_red"]),
            _n(r["total"]),
            LIGHT_TEXT[r["light"]],
        ]
        for r in payload["units"]
    ]
    doc.table(columns, body, fills=[LIGHT_RGB[r["light"]] for r in payload["units"]])
    doc.signatures(
        [
            SignatureBlock(rmsg.REPORT_PREPARER, rmsg.REPORT_SIGN_NOTE),
            SignatureBlock("", rmsg.REPORT_SEAL_NOTE, on_behalf=rmsg.REPORT_ON_BEHALF_PROVINCE),
        ]
    )
    return doc.output_bytes()


def province_summary_xlsx(payload: dict[str, Any], digest: str) -> bytes:
    """The same table as an Excel sheet (numbers kept numeric for sorting)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    moment = dt.datetime.combine(dt.date.fromisoformat(payload["end"]), dt.time(0, 0))
    book.set_properties(
        {
            "title": payload["title"],
            "author": "WOMS",
            "created": moment,
            "comments": f"{rmsg.REPORT_FINGERPRINT}: {digest}",
        }
    )
    head = book.add_format({"bold": True, "bg_color": "#E6ECF5", "border": 1, "text_wrap": True})
    sheet = book.add_worksheet(rmsg.SHEET_SUMMARY)
    sheet.write(0, 0, payload["title"], book.add_format({"bold": True}))
    header = [
        rmsg.RANK,
        "Mã",
        rmsg.COL_UNIT_NAME,
        msg.UNIT_LABEL,
        *[rmsg.PERSPECTIVE_SHORT[p] for p in PERSPECTIVES],
        rmsg.COL_RED,
        rmsg.COL_SCORE,
        rmsg.COL_STATUS,
    ]
    sheet.write_row(2, 0, header, head)
    for i, r in enumerate(payload["units"], start=3):
        sheet.write_row(
            i,
            0,
            [
                r["rank"],
                r["code"],
                r["name"],
                msg.UNIT_KIND_LABELS.get(r["kind"], r["kind"]),
                *[r["scores"][p] for p in PERSPECTIVES],
                r["n_red"],
                r["total"],
                LIGHT_TEXT[r["light"]],
            ],
        )
    sheet.write(len(payload["units"]) + 4, 0, f"{rmsg.REPORT_FINGERPRINT}: {digest}")
    sheet.set_column(2, 2, 40)
    book.close()
    return buffer.getvalue()
