"""The one PDF base of every WOMS document (reports, plans): Vietnamese administrative layout.

Small API, shared with the planning feature::

    doc = WomsDocument(DocumentHead(issuer_parent="UBND TỈNH HƯNG YÊN",
                                    issuer="UBND XÃ TÂN PHONG", place="Tân Phong",
                                    date=dt.date(2025, 9, 30)),
                       fingerprint="ab12…")
    doc.title("BÁO CÁO", "Tiến độ thực hiện kế hoạch tháng 9 năm 2025")
    doc.heading("I. Kết quả")
    doc.paragraph("…")
    doc.table([Column("STT", 10, "C"), Column("Nội dung", 80)], [["1", "…"]])
    doc.bar_chart([("Khía cạnh 1", 72.5)], maximum=100)
    doc.signatures([SignatureBlock("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)", "Nguyễn Văn A")])
    data = doc.output_bytes()

Fonts are DejaVu Serif from ``fonts-dejavu-core`` (every Vietnamese letter);
text is NFC-normalised before rendering. Output is reproducible: the creation
date is the document date, the file id is derived from the content, so the
same data gives the same bytes. The footer of every page carries the data
fingerprint so a signed paper copy can be checked against the system.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"}
FAMILY = "WomsSerif"
MOTTO_STATE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LIGHT_RGB = {
    "green": (46, 125, 50),
    "yellow": (249, 168, 37),
    "red": (198, 40, 40),
    "none": (158, 158, 158),
    "breakthrough": (106, 27, 154),
}


class FontMissing(RuntimeError):
    """The DejaVu fonts are not installed (Debian package ``fonts-dejavu-core``)."""


def nfc(text: object) -> str:
    """Return ``text`` as an NFC-normalised string (decomposed marks break some fonts)."""
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def date_line(place: str, day: dt.date) -> str:
    """``Tân Phong, ngày 30 tháng 9 năm 2025`` (the administrative place/date line)."""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


@dataclass(frozen=True)
class DocumentHead:
    """The top of the first page.

    Attributes:
        issuer_parent: the level above the issuer (upper case), may be empty.
        issuer: the issuing body (upper case, bold).
        place: place name of the date line.
        date: the document date (also the PDF creation date).
        number: document number line (``Số: …/BC-UBND``), optional.
    """

    issuer_parent: str
    issuer: str
    place: str
    date: dt.date
    number: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    """One signature column: ``TM. BAN THƯỜNG VỤ`` / ``THỦ TRƯỞNG`` / ``(Ký, đóng dấu)`` / name."""

    title: str
    note: str = "(Ký, ghi rõ họ tên, đóng dấu)"
    name: str = ""
    on_behalf: str = ""


@dataclass(frozen=True)
class Column:
    """A table column: header text, width in mm and alignment (``L``, ``C``, ``R``)."""

    header: str
    width: float
    align: str = "L"


@dataclass
class WomsDocument:
    """An A4 administrative document; call the builders in reading order."""

    head: DocumentHead
    fingerprint: str = ""
    landscape: bool = False
    footer_label: str = "Mã kiểm tra dữ liệu"
    _pdf: FPDF = field(init=False, repr=False)

    def __post_init__(self) -> None:
        missing = [name for name in FONT_FILES.values() if not (FONT_DIR / name).exists()]
        if missing:
            raise FontMissing(f"Thiếu phông chữ {', '.join(missing)} (gói fonts-dejavu-core).")
        pdf = _FooterPdf(orientation="L" if self.landscape else "P", unit="mm", format="A4")
        pdf.footer_text = (
            nfc(f"{self.footer_label}: {self.fingerprint}") if self.fingerprint else ""
        )
        for style, name in FONT_FILES.items():
            pdf.add_font(FAMILY, style, str(FONT_DIR / name))
        pdf.set_margins(20, 15, 15)
        pdf.set_auto_page_break(True, margin=18)
        moment = dt.datetime.combine(self.head.date, dt.time(0, 0), tzinfo=dt.UTC)
        pdf.set_creation_date(moment)
        pdf.set_producer("WOMS")
        pdf.set_creator("WOMS")
        pdf.set_title(nfc(self.head.issuer))
        pdf.set_lang("vi")
        pdf.add_page()
        self._pdf = pdf
        self._national_header()

    @property
    def width(self) -> float:
        """Usable width between the margins (mm)."""
        return float(self._pdf.epw)

    def _national_header(self) -> None:
        pdf, head = self._pdf, self.head
        left, right = self.width * 0.42, self.width * 0.58
        x0, y0 = pdf.l_margin, pdf.get_y()
        pdf.set_font(FAMILY, "", 11)
        pdf.set_xy(x0, y0)
        if head.issuer_parent:
            pdf.cell(left, 5.5, nfc(head.issuer_parent.upper()), align="C")
        pdf.set_xy(x0 + left, y0)
        pdf.set_font(FAMILY, "B", 11)
        pdf.cell(right, 5.5, MOTTO_STATE, align="C")
        pdf.set_xy(x0, y0 + 5.5)
        pdf.multi_cell(left, 5.5, nfc(head.issuer.upper()), align="C")
        after_issuer = pdf.get_y()
        pdf.set_xy(x0 + left, y0 + 5.5)
        pdf.set_font(FAMILY, "B", 12)
        pdf.cell(right, 6, MOTTO, align="C")
        motto_w = pdf.get_string_width(MOTTO)
        line_y = y0 + 12
        pdf.line(
            x0 + left + (right - motto_w) / 2, line_y, x0 + left + (right + motto_w) / 2, line_y
        )
        pdf.line(x0 + left / 2 - 12, after_issuer + 0.5, x0 + left / 2 + 12, after_issuer + 0.5)
        y = max(after_issuer, line_y) + 2
        pdf.set_font(FAMILY, "", 11)
        if head.number:
            pdf.set_xy(x0, y)
            pdf.cell(left, 6, nfc(head.number), align="C")
        pdf.set_font(FAMILY, "I", 11)
        pdf.set_xy(x0 + left, y)
        pdf.cell(right, 6, nfc(date_line(head.place, head.date)), align="C")
        pdf.set_xy(x0, y + 10)

    def title(self, title: str, subtitle: str = "") -> None:
        """The document title (bold, centred, upper case) and an optional subtitle."""
        pdf = self._pdf
        pdf.set_font(FAMILY, "B", 14)
        pdf.multi_cell(
            self.width, 7, nfc(title.upper()), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        if subtitle:
            pdf.set_font(FAMILY, "B", 12)
            pdf.multi_cell(
                self.width, 6, nfc(subtitle), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        pdf.ln(4)

    def heading(self, text: str) -> None:
        """A section heading (bold)."""
        pdf = self._pdf
        if pdf.get_y() > pdf.h - 40:
            pdf.add_page()
        pdf.set_font(FAMILY, "B", 12)
        pdf.ln(2)
        pdf.multi_cell(self.width, 6.5, nfc(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str, *, italic: bool = False, size: float = 11) -> None:
        """A justified paragraph (long unbreakable strings wrap left-aligned)."""
        self._pdf.set_font(FAMILY, "I" if italic else "", size)
        self._pdf.multi_cell(
            self.width, 5.8, nfc(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        fills: Sequence[tuple[int, int, int] | None] | None = None,
        size: float = 9,
    ) -> None:
        """A bordered table with a repeated bold header; ``fills`` colours a row's last cell.

        Args:
            columns: the columns (widths in mm should add up to ``width``).
            rows: cell texts, one list per row.
            fills: optional RGB per row for the last cell (traffic-light mark).
            size: font size.
        """
        # Drawn by hand (one wrap per cell, then rectangles and lines): fpdf2's
        # table lays every cell out twice and is ~4× slower on a 100-row report.
        pdf = self._pdf
        line_h = size * 0.48
        pad = 1.0
        widths = [c.width for c in columns]
        pdf.set_font(FAMILY, "B", size)
        header = [self._wrap(nfc(c.header), c.width - 2 * pad) for c in columns]
        self._table_row(
            columns, header, line_h, pad, bold=True, fill=(230, 236, 245), fill_all=True
        )
        pdf.set_font(FAMILY, "", size)
        for index, values in enumerate(rows):
            lines = [self._wrap(nfc(v), w - 2 * pad) for v, w in zip(values, widths, strict=True)]
            height = max(len(x) for x in lines) * line_h + 2 * pad
            if pdf.get_y() + height > pdf.page_break_trigger:
                pdf.add_page()
                pdf.set_font(FAMILY, "B", size)
                self._table_row(
                    columns, header, line_h, pad, bold=True, fill=(230, 236, 245), fill_all=True
                )
                pdf.set_font(FAMILY, "", size)
            fill = fills[index] if fills else None
            self._table_row(columns, lines, line_h, pad, bold=False, fill=fill, fill_all=False)
        pdf.ln(2)

    def _wrap(self, text: str, width: float) -> list[str]:
        """Lines of ``text`` within ``width`` mm in the current font (at least one)."""
        pdf = self._pdf
        if pdf.get_string_width(text) <= width and "\n" not in text:
            return [text]
        lines = pdf.multi_cell(width, 5, text, dry_run=True, output="LINES", align="L")
        assert isinstance(lines, list)  # output="LINES" gives the lines only
        return [str(line) for line in lines] or [""]

    def _table_row(
        self,
        columns: Sequence[Column],
        lines: Sequence[Sequence[str]],
        line_h: float,
        pad: float,
        *,
        bold: bool,
        fill: tuple[int, int, int] | None,
        fill_all: bool,
    ) -> None:
        pdf = self._pdf
        height = max(len(x) for x in lines) * line_h + 2 * pad
        x, y = pdf.l_margin, pdf.get_y()
        style = pdf.font_style
        for position, (column, cell_lines) in enumerate(zip(columns, lines, strict=True)):
            marked = fill is not None and (fill_all or position == len(columns) - 1)
            if marked:
                pdf.set_fill_color(*fill)  # type: ignore[misc]
                pdf.rect(x, y, column.width, height, style="DF")
            else:
                pdf.rect(x, y, column.width, height, style="D")
            if marked and not fill_all:
                pdf.set_text_color(255, 255, 255)
                pdf.set_font(style="B")
            top = (
                y + pad + (height - 2 * pad - len(cell_lines) * line_h) / 2 if not bold else y + pad
            )
            for number, text in enumerate(cell_lines):
                pdf.set_xy(x + pad, top + number * line_h)
                align = "C" if bold else column.align
                pdf.cell(column.width - 2 * pad, line_h, text, align=align)
            if marked and not fill_all:
                pdf.set_text_color(0, 0, 0)
                pdf.set_font(style=style)
            x += column.width
        pdf.set_xy(pdf.l_margin, y + height)

    def bar_chart(
        self,
        bars: Sequence[tuple[str, float | None]],
        *,
        maximum: float = 100.0,
        colors: Sequence[tuple[int, int, int]] | None = None,
        label_width: float = 70.0,
        value_format: str = "{:.1f}",
    ) -> None:
        """Horizontal bars drawn with PDF primitives (no image library needed).

        Args:
            bars: ``(label, value)``; ``None`` draws an empty bar marked "-".
            maximum: the value of a full bar.
            colors: RGB per bar (default blue).
            label_width: mm reserved for the labels.
            value_format: how the value is written after the bar.
        """
        pdf = self._pdf
        bar_h, gap = 6.0, 2.5
        if pdf.get_y() + len(bars) * (bar_h + gap) > pdf.h - 25:
            pdf.add_page()
        x0 = pdf.l_margin
        track = self.width - label_width - 22
        pdf.set_font(FAMILY, "", 9)
        for index, (label, value) in enumerate(bars):
            y = pdf.get_y()
            pdf.set_xy(x0, y)
            pdf.cell(label_width, bar_h, nfc(label), align="L")
            pdf.set_draw_color(189, 189, 189)
            pdf.set_fill_color(238, 238, 238)
            pdf.rect(x0 + label_width, y + 0.8, track, bar_h - 1.6, style="DF")
            if value is not None and maximum > 0:
                share = max(0.0, min(1.0, value / maximum))
                rgb = colors[index] if colors else (21, 101, 192)
                pdf.set_fill_color(*rgb)
                if share > 0:
                    pdf.rect(x0 + label_width, y + 0.8, track * share, bar_h - 1.6, style="F")
            pdf.set_xy(x0 + label_width + track + 2, y)
            text = "-" if value is None else value_format.format(value).replace(".", ",")
            pdf.cell(20, bar_h, text, align="L")
            pdf.set_xy(x0, y + bar_h + gap)
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(2)

    def signatures(self, blocks: Sequence[SignatureBlock], *, space: float = 28) -> None:
        """Signature and seal columns side by side (the last one at the right)."""
        pdf = self._pdf
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(6)
        y = pdf.get_y()
        width = self.width / max(1, len(blocks))
        for index, block in enumerate(blocks):
            x = pdf.l_margin + index * width
            pdf.set_xy(x, y)
            pdf.set_font(FAMILY, "B", 11)
            if block.on_behalf:
                pdf.cell(width, 5.5, nfc(block.on_behalf), align="C")
                pdf.set_xy(x, pdf.get_y() + 5.5)
            pdf.multi_cell(width, 5.5, nfc(block.title), align="C")
            pdf.set_x(x)
            pdf.set_font(FAMILY, "I", 10)
            pdf.multi_cell(width, 5, nfc(block.note), align="C")
            pdf.set_xy(x, pdf.get_y() + space)
            pdf.set_font(FAMILY, "B", 11)
            pdf.multi_cell(width, 5.5, nfc(block.name), align="C")
        pdf.set_xy(pdf.l_margin, pdf.get_y() + 4)

    def output_bytes(self) -> bytes:
        """The finished PDF (fpdf2 derives the file id from the content: reproducible)."""
        return bytes(self._pdf.output())


class _FooterPdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 7)
        self.cell(0, 4, nfc(f"{self.footer_text}    Trang {self.page_no()}/{{nb}}"), align="C")
