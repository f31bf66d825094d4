"""Draw a report payload (``reports.data``) as PDF (fpdf2) and Excel (xlsxwriter).

Both renderers read the payload only, in its (deterministic) order, and fix
every date/metadata to the report date, so equal data gives equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from analytics.vntext import format_date_vi, format_number_vi, format_percent_vi
from woms_pwa.core import messages as msg
from woms_pwa.core.messages import reports as rmsg
from woms_pwa.core.reports.data import report_date
from woms_pwa.core.reports.pdf import (
    LIGHT_RGB,
    Column,
    DocumentHead,
    SignatureBlock,
    WomsDocument,
)

LIGHT_TEXT = {
    "green": msg.STATUS_GREEN,
    "yellow": msg.STATUS_YELLOW,
    "red": msg.STATUS_RED,
    "none": msg.STATUS_NONE,
}


def _n(value: float | None, decimals: int = 1) -> str:
    return "-" if value is None else format_number_vi(value, decimals)


def _place(unit_name: str) -> str:
    # "Xã Tân Phong" → "Tân Phong": the date line names the place, not the body.
    words = unit_name.split()
    for prefix in ("Xã", "Phường", "Đặc khu", "Tỉnh", "Thị trấn"):
        if unit_name.startswith(prefix + " "):
            return unit_name[len(prefix) + 1 :]
    return " ".join(words[-2:]) if len(words) > 2 else unit_name


def unit_report_pdf(payload: dict[str, Any], fingerprint: str) -> bytes:
    """The printable, signable PDF of a unit report."""
    day = report_date(payload)
    head = DocumentHead(
        issuer_parent=payload["parent_name"],
        issuer=payload["unit_name"],
        place=_place(payload["unit_name"]),
        date=day,
        number="Số:      /BC",
    )
    doc = WomsDocument(head, fingerprint=fingerprint, footer_label=rmsg.REPORT_FINGERPRINT)
    doc.title(rmsg.REPORT_HEADING, payload["title"])
    summary = payload["summary"]
    doc.heading(rmsg.REPORT_SUMMARY)
    doc.paragraph(
        rmsg.REPORT_SUMMARY_LINE.format(
            date=format_date_vi(day),
            total=summary["total"],
            green=summary["green"],
            yellow=summary["yellow"],
            red=summary["red"],
            none=summary["none"],
            score=_n(summary["score"], 2),
        )
    )
    if payload.get("rating"):
        doc.paragraph(f"Xếp loại tập thể (dự kiến): {payload['rating']}.")
    doc.heading(rmsg.REPORT_BY_PERSPECTIVE)
    perspectives = payload["perspectives"]
    doc.bar_chart(
        [(rmsg.PERSPECTIVE_SHORT[p["code"]], p["score"]) for p in perspectives],
        colors=[LIGHT_RGB[p["light"]] for p in perspectives],
        label_width=40,
    )
    width = doc.width
    counted = [r for r in payload["key_results"] if not r["breakthrough"]]
    doc.heading(rmsg.REPORT_DETAIL)
    _kr_table(doc, counted, width)
    breakthrough = [r for r in payload["key_results"] if r["breakthrough"]]
    if breakthrough:
        doc.heading(rmsg.REPORT_BREAKTHROUGH)
        _kr_table(doc, breakthrough, width)
    doc.heading(rmsg.REPORT_ISSUES)
    if payload["notes"]:
        doc.table(
            [
                Column(rmsg.COL_DATE, 24, "C"),
                Column(rmsg.COL_KR, 34),
                Column(rmsg.COL_NOTE, width - 58),
            ],
            [
                [format_date_vi(dt.date.fromisoformat(n["date"])), n["kr"], n["text"]]
                for n in payload["notes"]
            ],
        )
    else:
        doc.paragraph(rmsg.REPORT_NO_ISSUES, italic=True)
    if payload.get("next_plan") is not None:
        doc.heading(rmsg.REPORT_NEXT_PLAN)
        doc.table(
            [
                Column(rmsg.COL_KR, width - 88),
                Column(rmsg.COL_UNIT, 20, "C"),
                Column(rmsg.COL_ACTUAL, 22, "R"),
                Column("Dự kiến", 22, "R"),
                Column(rmsg.COL_DATE, 24, "C"),
            ],
            [
                [
                    f"{r['code']} {r['title']}",
                    r["unit"],
                    _n(r["actual"]),
                    _n(r["proposed"]),
                    format_date_vi(dt.date.fromisoformat(r["by"])),
                ]
                for r in payload["next_plan"]
            ],
        )
    if payload.get("people") is not None:
        doc.heading(rmsg.REPORT_PEOPLE)
        doc.table(
            [
                Column(rmsg.COL_NO, 12, "C"),
                Column(rmsg.COL_PERSON, width - 52),
                Column(rmsg.COL_SCORE, 40, "R"),
            ],
            [
                [str(i + 1), f"{p['name']} ({p['code']})", _n(p["score"], 2)]
                for i, p in enumerate(payload["people"])
            ],
        )
    doc.signatures(
        [
            SignatureBlock(rmsg.REPORT_PREPARER, rmsg.REPORT_SIGN_NOTE, ""),
            SignatureBlock(rmsg.REPORT_HEAD, rmsg.REPORT_SEAL_NOTE, payload.get("head_name", "")),
        ]
    )
    return doc.output_bytes()


def _kr_table(doc: WomsDocument, rows: list[dict[str, Any]], width: float) -> None:
    columns = [
        Column(rmsg.COL_NO, 10, "C"),
        Column(rmsg.COL_KR, width - 108),
        Column(rmsg.COL_UNIT, 16, "C"),
        Column(rmsg.COL_TARGET, 18, "R"),
        Column(rmsg.COL_ACTUAL, 20, "R"),
        Column(rmsg.COL_RATE, 16, "R"),
        Column(rmsg.COL_STATUS, 28, "C"),
    ]
    body = [
        [
            str(i + 1),
            f"{r['code']} — {r['title']}",
            r["unit"],
            _n(r["target"]),
            _n(r["actual"]),
            "-" if r["completion"] is None else format_percent_vi(r["completion"], 1),
            LIGHT_TEXT[r["light"]],
        ]
        for i, r in enumerate(rows)
    ]
    doc.table(columns, body, fills=[LIGHT_RGB[r["light"]] for r in rows])


def unit_report_xlsx(payload: dict[str, Any], fingerprint: str) -> bytes:
    """The Excel workbook of a unit report (summary, detail, notes, next plan/people)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    moment = dt.datetime.combine(report_date(payload), dt.time(0, 0))
    book.set_properties(
        {
            "title": payload["title"],
            "author": "WOMS",
            "company": payload["unit_name"],
            "created": moment,
            "comments": f"{rmsg.REPORT_FINGERPRINT}: {fingerprint}",
        }
    )
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "bg_color": "#E6ECF5", "border": 1, "text_wrap": True})
    summary = book.add_worksheet(rmsg.SHEET_SUMMARY)
    summary.write(0, 0, payload["unit_name"], bold)
    summary.write(1, 0, payload["title"], bold)
    s = payload["summary"]
    lines = [
        (rmsg.COL_DATE, format_date_vi(report_date(payload))),
        (msg.STATUS_GREEN, s["green"]),
        (msg.STATUS_YELLOW, s["yellow"]),
        (msg.STATUS_RED, s["red"]),
        (msg.STATUS_NONE, s["none"]),
        (rmsg.COL_SCORE, s["score"]),
    ]
    for i, (label, value) in enumerate(lines, start=3):
        summary.write(i, 0, label)
        summary.write(i, 1, value)
    row = len(lines) + 4
    summary.write_row(row, 0, [rmsg.COL_PERSPECTIVE, rmsg.COL_SCORE, rmsg.COL_STATUS], head)
    for i, p in enumerate(payload["perspectives"], start=row + 1):
        summary.write_row(i, 0, [p["label"], p["score"], LIGHT_TEXT[p["light"]]])
    summary.write(row + 6, 0, f"{rmsg.REPORT_FINGERPRINT}: {fingerprint}")
    summary.set_column(0, 0, 45)
    summary.set_column(1, 2, 18)
    detail = book.add_worksheet(rmsg.SHEET_DETAIL)
    header = [
        rmsg.COL_PERSPECTIVE,
        msg.TASK,
        "Mã",
        rmsg.COL_KR,
        rmsg.COL_UNIT,
        rmsg.COL_TARGET,
        rmsg.COL_ACTUAL,
        rmsg.COL_RATE,
        rmsg.COL_SCORE,
        rmsg.COL_STATUS,
        msg.BREAKTHROUGH,
    ]
    detail.write_row(0, 0, header, head)
    for i, r in enumerate(payload["key_results"], start=1):
        detail.write_row(
            i,
            0,
            [
                rmsg.PERSPECTIVE_SHORT[r["perspective"]],
                r["task"],
                r["code"],
                r["title"],
                r["unit"],
                r["target"],
                r["actual"],
                r["completion"],
                r["score"],
                LIGHT_TEXT[r["light"]],
                "x" if r["breakthrough"] else "",
            ],
        )
    detail.set_column(1, 1, 30)
    detail.set_column(3, 3, 45)
    notes = book.add_worksheet(rmsg.SHEET_NOTES)
    notes.write_row(0, 0, [rmsg.COL_DATE, rmsg.COL_KR, rmsg.COL_NOTE], head)
    for i, n in enumerate(payload["notes"], start=1):
        notes.write_row(i, 0, [n["date"], n["kr"], n["text"]])
    notes.set_column(2, 2, 80)
    if payload.get("next_plan") is not None:
        nxt = book.add_worksheet(rmsg.SHEET_NEXT)
        nxt.write_row(
            0,
            0,
            ["Mã", rmsg.COL_KR, rmsg.COL_UNIT, rmsg.COL_ACTUAL, "Dự kiến", rmsg.COL_DATE],
            head,
        )
        for i, r in enumerate(payload["next_plan"], start=1):
            nxt.write_row(
                i, 0, [r["code"], r["title"], r["unit"], r["actual"], r["proposed"], r["by"]]
            )
    if payload.get("people") is not None:
        ppl = book.add_worksheet(rmsg.SHEET_PEOPLE)
        ppl.write_row(0, 0, ["Mã", rmsg.COL_PERSON, rmsg.COL_SCORE], head)
        for i, p in enumerate(payload["people"], start=1):
            ppl.write_row(i, 0, [p["code"], p["name"], p["score"]])
    book.close()
    return buffer.getvalue()
