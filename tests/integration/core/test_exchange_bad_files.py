"""Bad datasets are refused whole, with file, row and column named, and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.errors import DatasetError
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.models import AuditEntry, CheckIn, KeyResult, Person, Unit


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _counts(db_url: str) -> tuple[int, ...]:
    with session_scope(db_url) as session:
        return tuple(
            session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Unit, Person, KeyResult, CheckIn, AuditEntry)
        )


def _refused(db_url: str, folder: Path) -> str:
    before = _counts(db_url)
    with pytest.raises(DatasetError) as caught, session_scope(db_url) as session:
        import_dataset(session, folder)
    assert _counts(db_url) == before, "a refused import must not change the database"
    return caught.value.describe()


def test_unknown_column(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(folder, "units.csv", "code,name,kind,parent_code", "code,name,kind,parent_code,ghi_chu")
    _edit(folder, "units.csv", "HY,Tỉnh Hưng Yên,province,", "HY,Tỉnh Hưng Yên,province,,x")
    message = _refused(db_url, folder)
    assert "Tệp units.csv, dòng 1, cột ghi_chu" in message
    assert "File units.csv, row 1, column ghi_chu: unknown column" in message


def test_missing_kr_code(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(folder, "plan.csv", ",TP-2025-DV2.1,", ",,")
    message = _refused(db_url, folder)
    assert "Tệp plan.csv, dòng 4, cột kr_code: thiếu giá trị bắt buộc" in message
    assert "row 4, column kr_code: a required value is missing" in message


def test_text_in_a_number_column(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(folder, "plan.csv", "người,,12,increase", "người,,mười hai,increase")
    message = _refused(db_url, folder)
    assert "Tệp plan.csv, dòng 4, cột target: không phải là số ('mười hai')" in message


def test_text_in_checkin_value(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(folder, "checkins.csv", "2025-06-30,3,", "2025-06-30,ba,")
    message = _refused(db_url, folder)
    assert "Tệp checkins.csv, dòng 4, cột value: không phải là số ('ba')" in message


def test_unit_whose_parent_does_not_exist(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(folder, "units.csv", "Phường An Tảo,ward,HY", "Phường An Tảo,ward,HY.KHONGCO")
    message = _refused(db_url, folder)
    assert (
        "Tệp units.csv, dòng 6, cột parent_code: không tìm thấy đơn vị cha ('HY.KHONGCO')"
        in message
    )


def test_duplicate_codes(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(folder, "units.csv", "HY.P.ANTAO,Phường An Tảo", "HY.STC,Phường An Tảo")
    _edit(folder, "plan.csv", "AT-2025-NS1.1", "TP-2025-NS1.1")
    message = _refused(db_url, folder)
    assert "Tệp units.csv, dòng 6, cột code: mã 'HY.STC' bị trùng với dòng 3" in message
    assert "Tệp plan.csv, dòng 10, cột kr_code: mã 'TP-2025-NS1.1' bị trùng với dòng 5" in message


def test_bad_values_of_many_kinds_are_all_listed(
    db_url: str, small_dataset: Path, tmp_path: Path
) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(
        folder,
        "plan.csv",
        "2025,service,Xây dựng Đảng/Công tác tuyên truyền",
        "2025-13,dichvu,Xây dựng Đảng/Công tác tuyên truyền",
    )
    _edit(folder, "checkins.csv", "2025-03-31", "31/03/2025")
    message = _refused(db_url, folder)
    assert "Tệp plan.csv, dòng 3, cột period: kỳ không hợp lệ" in message
    assert "Tệp plan.csv, dòng 3, cột perspective: giá trị không hợp lệ" in message
    assert "Tệp checkins.csv, dòng 2, cột date: ngày không hợp lệ" in message


def test_bad_file_after_good_import_leaves_database_unchanged(
    db_url: str, small_dataset: Path, tmp_path: Path
) -> None:
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
    folder = _copy(small_dataset, tmp_path / "d")
    _edit(
        folder,
        "plan.csv",
        "Kết nạp đảng viên mới,kpi,0,người,,12,",
        "Kết nạp đảng viên mới,kpi,0,người,,20,",
    )
    _edit(folder, "checkins.csv", "AT-2025-NS1.1", "AT-KHONG-CO")
    message = _refused(db_url, folder)
    assert (
        "Tệp checkins.csv, dòng 5, cột kr_code: không tìm thấy mục tiêu then chốt ('AT-KHONG-CO')"
        in message
    )
    with session_scope(db_url) as session:
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == "TP-2025-DV2.1")
        ).scalar_one()
        assert kr.target == 12


def test_missing_required_file(db_url: str, small_dataset: Path, tmp_path: Path) -> None:
    folder = _copy(small_dataset, tmp_path / "d")
    (folder / "plan.csv").unlink()
    message = _refused(db_url, folder)
    assert "Tệp plan.csv: thiếu tệp bắt buộc / File plan.csv: a required file is missing" in message
