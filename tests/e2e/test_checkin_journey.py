"""A cadre signs in on a phone, opens the unit plan, records a check-in, reloads: it stays.

The key result of the journey requires evidence (Phụ lục 4): the photo field
says so, "Tiếp" without a photo gives the Vietnamese refusal, and the check-in
goes through once a photo is attached.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect

from .conftest import sign_in


def _photo(tmp_path: Path) -> Path:
    # A photo of its own (evidence is stored once by content, with its first name).
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 90, 160)).save(out, format="JPEG", quality=85)
    path = tmp_path / "bien-ban-ket-nap.jpg"
    path.write_bytes(out.getvalue())
    return path


def test_cadre_records_a_checkin_that_survives_reload(
    app_url: str, phone: Page, tmp_path: Path
) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    expect(phone.locator("header")).to_contain_text("Lê Văn Nam")
    phone.get_by_text("Xã Tân Phong").first.click()
    card = phone.locator("#kr-TP-2025-DV2\\.1")
    expect(card).to_contain_text("Kết nạp đảng viên mới")
    expect(card).to_contain_text("Chưa có số liệu")
    card.locator(".kr-update").click()
    phone.wait_for_selector("#value")
    slot = phone.locator("#slot-0")
    expect(slot).to_contain_text("Ảnh minh chứng *")
    expect(slot).to_contain_text("mục tiêu này yêu cầu minh chứng")
    phone.fill("#value", "7")
    phone.fill("#note", "Đã kết nạp 7 quần chúng ưu tú; 2 hồ sơ đang chờ thẩm tra lý lịch.")
    phone.get_by_role("button", name="Đúng tiến độ").click()
    phone.click("#next-step")
    expect(slot.locator(".field-error")).to_have_text(
        "Mục tiêu “Kết nạp đảng viên mới” yêu cầu minh chứng; vui lòng đính kèm ảnh hoặc tệp."
    )
    expect(phone.locator("#review-heading")).to_have_count(0)
    expect(phone.locator("#value")).to_have_value("7")
    phone.set_input_files("#slot-0 input[type=file]", str(_photo(tmp_path)))
    expect(slot.locator(".attached-file")).to_contain_text("bien-ban-ket-nap.jpg")
    expect(slot.locator(".field-error")).to_have_count(0)
    phone.click("#next-step")
    expect(phone.locator(".review-item").filter(has_text="Ảnh minh chứng")).to_contain_text(
        "bien-ban-ket-nap.jpg"
    )
    phone.click("#save-checkin")
    expect(phone.get_by_role("status").filter(has_text="Đã lưu cập nhật tiến độ.")).to_be_visible()
    phone.reload()
    first = phone.locator(".history-item").first
    expect(first).to_contain_text("7")
    expect(first).to_contain_text("Đã kết nạp 7 quần chúng ưu tú")
    expect(phone.locator("#kr-figures")).to_contain_text("Thực hiện 7 / mục tiêu 12 người")
    phone.get_by_text("Kế hoạch", exact=True).click()
    expect(phone.locator("#kr-TP-2025-DV2\\.1")).to_contain_text("Thực hiện 7 / mục tiêu 12 người")


def test_bad_value_gets_a_vietnamese_message_and_keeps_the_note(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/cap-nhat?kr=TP-2025-NS1.2")
    phone.fill("#value", "mười")
    phone.fill("#note", "Nợ đọng đã giảm nhờ quyết toán công trình nhà văn hóa.")
    phone.get_by_role("button", name="Đúng tiến độ").click()
    phone.click("#next-step")
    expect(phone.locator("#value-error")).to_contain_text("phải là một số")
    expect(phone.locator("#save-checkin")).to_have_count(0)
    expect(phone.locator("#note")).to_have_value(
        "Nợ đọng đã giảm nhờ quyết toán công trình nhà văn hóa."
    )
    expect(phone.locator(".history-item")).to_have_count(0)


def test_cadre_cannot_open_another_communes_key_result(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/cap-nhat?kr=AT-2025-NS1.1")
    expect(phone.get_by_role("alert")).to_contain_text("Bạn không có quyền xem nội dung này.")
    expect(phone.locator("#save-checkin")).to_have_count(0)


def test_wrong_password_is_refused_in_vietnamese(app_url: str, phone: Page) -> None:
    phone.goto(app_url + "/dang-nhap")
    phone.fill("#username", "canbo.tanphong")
    phone.fill("#password", "sai-mat-khau")
    phone.click("#sign-in")
    expect(phone.get_by_role("alert")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng.")


def test_signed_out_visitor_is_sent_to_sign_in(app_url: str, phone: Page) -> None:
    phone.goto(app_url + "/ke-hoach?owner=HY.X.TANPHONG&period=2025")
    phone.wait_for_url("**/dang-nhap")
    expect(phone.locator("#sign-in")).to_be_visible()
