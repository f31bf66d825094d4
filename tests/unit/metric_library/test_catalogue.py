"""The metric dictionary loads, is large enough, unique and covers every area."""

from __future__ import annotations

from pathlib import Path

import pytest

from metric_library.catalogue import PERSPECTIVES, CatalogueError, load_catalogue

# Areas the issue requires (Phụ lục 1 and 2); each must appear in some area path.
REQUIRED_AREAS = [
    "Xây dựng Đảng/Chính trị tư tưởng và tuyên truyền",
    "Xây dựng Đảng/Tổ chức và đảng viên",
    "Xây dựng Đảng/Kiểm tra, giám sát và kỷ luật đảng",
    "Xây dựng Đảng/Nội chính và phòng, chống tham nhũng",
    "Xây dựng Đảng/Dân vận, Mặt trận và đoàn thể",
    "Kinh tế/Tăng trưởng",
    "Kinh tế/Cơ cấu kinh tế",
    "Kinh tế/Hạ tầng và giao thông",
    "Kinh tế/Thu hút đầu tư",
    "Kinh tế/Công nghiệp",
    "Kinh tế/Phát triển đô thị",
    "Kinh tế/Nông nghiệp và nông thôn mới",
    "Kinh tế/Thương mại, dịch vụ và du lịch",
    "Kinh tế/Đất đai, tài nguyên và môi trường",
    "Kinh tế/Kinh tế tư nhân (NQ 68)",
    "Văn hóa - xã hội/Giáo dục và đào tạo",
    "Văn hóa - xã hội/Y tế",
    "Văn hóa - xã hội/Văn hóa, thông tin và thể thao",
    "Văn hóa - xã hội/An sinh xã hội và giảm nghèo",
    "Văn hóa - xã hội/Lao động và việc làm",
    "Quốc phòng - an ninh/Tuyển quân và quân sự địa phương",
    "Quốc phòng - an ninh/Phòng, chống ma túy và tệ nạn xã hội",
    "Quốc phòng - an ninh/Trật tự an toàn giao thông",
    "Quốc phòng - an ninh/An ninh trật tự",
    "Đối ngoại/Đối ngoại và hội nhập",
    "Ngân sách và nguồn lực/Đầu tư công",
    "Ngân sách và nguồn lực/Thu, chi ngân sách",
    "Ngân sách và nguồn lực/Công khai, minh bạch tài chính",
    "Ngân sách và nguồn lực/Tiết kiệm chi và quản lý tài sản",
    "Quy chế nội bộ và cải cách hành chính/Thủ tục hành chính và dịch vụ công",
    "Quy chế nội bộ và cải cách hành chính/Quy chế, quy trình nội bộ",
    "Học hỏi và phát triển/Đào tạo, bồi dưỡng",
    "Học hỏi và phát triển/Cơ sở vật chất và điều kiện làm việc",
    "Học hỏi và phát triển/Chuyển đổi số (NQ 57)",
    "Học hỏi và phát triển/Khoa học, công nghệ và đổi mới sáng tạo (NQ 57)",
]

EXAMPLE_CODES = [
    "NS.DTC.GIAINGAN",
    "NS.THU.DUTOAN",
    "NS.XDCB.NODONG",
    "CCHC.HS.DUNGHAN",
    "CCHC.DVC.TRUCTUYEN",
    "XDD.DANGVIEN.MOI",
    "XDD.TUYENTRUYEN.HOINGHI",
    "CDS.VANBAN.SO",
]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_at_least_300_unique_entries(catalogue):
    codes = [m.code for m in catalogue]
    assert len(codes) >= 300
    assert len(codes) == len(set(codes))


def test_every_required_area_is_covered(catalogue):
    areas = {m.area for m in catalogue}
    missing = [a for a in REQUIRED_AREAS if a not in areas]
    assert not missing, missing
    assert {m.perspective for m in catalogue} == set(PERSPECTIVES)


def test_examples_from_the_issue_exist(catalogue):
    by_code = {m.code: m for m in catalogue}
    for code in EXAMPLE_CODES:
        assert code in by_code, code
    assert by_code["NS.XDCB.NODONG"].direction == "decrease"
    assert by_code["NS.DTC.GIAINGAN"].data_source == "treasury"


def test_every_area_has_proxies_for_qualitative_tasks(catalogue):
    groups = {m.area_group for m in catalogue if m.is_proxy}
    for group in ("Xây dựng Đảng", "Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh"):
        assert group in groups


def test_entries_are_complete(catalogue):
    for m in catalogue:
        assert m.name and m.definition and m.formula and m.unit and m.evidence
        assert m.synonyms, m.code
        assert m.code.isascii() and m.code == m.code.upper()


def _write(tmp_path: Path, body: str) -> Path:
    header = (
        "code,name,definition,formula,unit,direction,perspective,area,data_source,"
        "evidence,is_proxy,synonyms,reference,kind_hint\n"
    )
    path = tmp_path / "x.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_invalid_direction_names_file_row_and_column(tmp_path):
    path = _write(
        tmp_path, "A.B,Tên,Định nghĩa,Công thức,%,up,service,X/Y,other,Minh chứng,0,,QĐ,kpi\n"
    )
    with pytest.raises(CatalogueError) as err:
        load_catalogue([path])
    message = str(err.value)
    assert "x.csv" in message and "dòng 2" in message and "direction" in message


def test_duplicate_code_is_rejected(tmp_path):
    row = "A.B,Tên,Định nghĩa,Công thức,%,increase,service,X/Y,other,Minh chứng,1,a|b,QĐ,kpi\n"
    path = _write(tmp_path, row + row)
    with pytest.raises(CatalogueError, match="trùng"):
        load_catalogue([path])


def test_bad_code_is_rejected(tmp_path):
    path = _write(
        tmp_path,
        "ns.dtc,Tên,Định nghĩa,Công thức,%,increase,budget,X/Y,other,Minh chứng,0,,QĐ,kpi\n",
    )
    with pytest.raises(CatalogueError, match="code"):
        load_catalogue([path])
