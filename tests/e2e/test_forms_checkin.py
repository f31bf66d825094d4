"""A cadre records a monthly check-in with a photo and a blocker; bad files are refused.

Also counts the taps of a monthly check-in from the home screen (goal ≤ 6 + typing).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.models import FormSubmission
from woms_pwa.core.models import CheckIn, KeyResult

from .conftest import sign_in


def _photo(tmp_path: Path) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (2400, 1800), (120, 90, 40)).save(out, format="JPEG", quality=85)
    path = tmp_path / "hien-truong.jpg"
    path.write_bytes(out.getvalue())
    return path


def test_checkin_with_photo_and_blocker_in_six_taps(
    app_url: str, app_db_url: str, phone: Page, tmp_path: Path
) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    taps = 0
    phone.get_by_text("Xã Tân Phong").first.click()
    taps += 1
    phone.locator("#kr-TP-2025-NS1\\.1 .kr-update").click()
    taps += 1
    phone.fill("#value", "42")  # typing
    phone.get_by_role("button", name="Chậm tiến độ").click()
    taps += 1
    phone.get_by_role("button", name="Giải phóng mặt bằng (GPMB)").click()
    taps += 1
    phone.fill("#blocker_text", "3 hộ chưa nhận tiền bồi thường, chờ UBND xã đối thoại.")
    # A renamed executable is refused by content, and nothing typed is lost.
    fake = tmp_path / "anh.jpg"
    fake.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 4000)
    phone.set_input_files("#slot-0 input[type=file]", str(fake))
    expect(phone.locator("#slot-0 .field-error")).to_contain_text("không phải loại được phép")
    expect(phone.locator("#value")).to_have_value("42")
    phone.set_input_files("#slot-0 input[type=file]", str(_photo(tmp_path)))
    taps += 1  # choosing the photo (camera or gallery)
    expect(phone.locator("#slot-0 .attached-file")).to_contain_text("hien-truong.jpg")
    phone.click("#next-step")
    taps += 1
    expect(phone.locator("#review-heading")).to_be_visible()
    expect(phone.locator(".review-item").filter(has_text="Vướng mắc chính")).to_contain_text(
        "Giải phóng mặt bằng (GPMB)"
    )
    phone.click("#save-checkin")
    taps += 1
    expect(phone.get_by_role("status").filter(has_text="Đã lưu cập nhật tiến độ.")).to_be_visible()
    expect(phone.locator(".history-item").first).to_contain_text("42")
    with session_scope(app_db_url) as session:
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == "TP-2025-NS1.1")
        ).scalar_one()
        checkin = (
            session.execute(
                select(CheckIn).where(CheckIn.kr_id == kr.id).order_by(CheckIn.id.desc())  # type: ignore[union-attr]
            )
            .scalars()
            .first()
        )
        submission = session.execute(
            select(FormSubmission).where(FormSubmission.checkin_id == checkin.id)  # type: ignore[union-attr]
        ).scalar_one()
    assert checkin is not None and checkin.value == 42
    assert (checkin.confidence, checkin.blocker_type) == ("off_track", "land_clearance")
    assert checkin.evidence and len(checkin.evidence) == 64
    assert submission.version == 1 and submission.form_code == "cap_nhat_thang"
    # With a photo and a blocker it took 7 taps; the plain monthly check-in
    # (value + "Đúng tiến độ") skips the blocker and photo taps: 5.
    print(f"\nTAPS checkin-with-photo-and-blocker={taps} plain-checkin={taps - 2}")
    assert taps - 2 <= 6


def test_missing_required_and_oversize_photo_keep_the_form(
    app_url: str, phone: Page, tmp_path: Path
) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/cap-nhat?kr=TP-2025-DV1.1")
    phone.fill("#note", "Đã tổ chức hội nghị quý III.")
    phone.get_by_role("button", name="Có nguy cơ chậm").click()
    phone.click("#next-step")
    expect(phone.locator("#value-error")).to_have_text("Vui lòng nhập “Giá trị thực hiện lũy kế”.")
    expect(phone.locator("#blocker_type-error")).to_have_text("Vui lòng chọn “Vướng mắc chính”.")
    expect(phone.locator("#review-heading")).to_have_count(0)
    expect(phone.locator("#note")).to_have_value("Đã tổ chức hội nghị quý III.")
    sent: list[int] = []
    phone.on(
        "request",
        lambda r: sent.append(len(r.post_data_buffer or b"")) if "_upload" in r.url else None,
    )
    big = tmp_path / "rat-lon.jpg"
    big.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * (11 * 1024 * 1024))
    phone.set_input_files("#slot-0 input[type=file]", str(big))
    expect(phone.locator("#slot-0 .field-error")).to_have_text(
        "Tệp “rat-lon.jpg” quá lớn (11 MB); tối đa 10 MB."
    )
    # Refused on the phone: the 11 MB never leaves it (react-dropzone still posts an empty drop).
    assert all(size < 64 * 1024 for size in sent), sent
    expect(phone.locator("#note")).to_have_value("Đã tổ chức hội nghị quý III.")
