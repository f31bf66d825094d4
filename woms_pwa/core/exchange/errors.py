"""Import errors that name the file, the row and the column, in Vietnamese and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellProblem:
    """One problem in a dataset.

    Attributes:
        file: file name as the user sees it (``plan.csv`` or ``plan`` sheet of a workbook).
        row: spreadsheet row number (the header is row 1, the first data row is 2);
            ``None`` for a problem with the whole file.
        column: column name, or ``None``.
        vi: the message in Vietnamese.
        en: the same message in English.
    """

    file: str
    row: int | None
    column: str | None
    vi: str
    en: str

    def describe(self) -> str:
        """Return ``"Tệp X, dòng N, cột C: … / File X, row N, column C: …"``."""
        where_vi = [f"Tệp {self.file}"]
        where_en = [f"File {self.file}"]
        if self.row is not None:
            where_vi.append(f"dòng {self.row}")
            where_en.append(f"row {self.row}")
        if self.column is not None:
            where_vi.append(f"cột {self.column}")
            where_en.append(f"column {self.column}")
        return f"{', '.join(where_vi)}: {self.vi} / {', '.join(where_en)}: {self.en}"


class DatasetError(Exception):
    """A dataset that cannot be imported; nothing was written."""

    MAX_LISTED = 30

    def __init__(self, problems: list[CellProblem]) -> None:
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return all problems (at most ``MAX_LISTED``), one per line."""
        lines = [problem.describe() for problem in self.problems[: self.MAX_LISTED]]
        hidden = len(self.problems) - self.MAX_LISTED
        if hidden > 0:
            lines.append(f"… và {hidden} lỗi khác / … and {hidden} more problems")
        return "\n".join(lines)
