"""An administrator builds a form with a conditional field and a required photo, publishes
it, a cadre fills it in; a second publish is version 2 and the old submission stays v1.
A second form restricts a file field to PDF and holds a repeating group built field by
field; the cadre sees the group and a program renamed ``.pdf`` is refused."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import create_account

from .conftest import PASSWORD, PHONE, sign_in

ADMIN = "quantri.bieumau"


def _admin_page(browser: Browser, app_url: str, app_db_url: str, username: str = ADMIN) -> Page:
    with session_scope(app_db_url) as session:
        create_account(session, username=username, password=PASSWORD, role="admin")
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_url, username)
    return page


def _add_field(
    page: Page,
    label: str,
    kind: str,
    *,
    required: bool = False,
    show_if: str = "",
    show_values: str = "",
    step: str = "",
    group: str = "",
    accept: tuple[str, ...] = (),
) -> None:
    page.click(f"#add-child-{group}" if group else "#add-field")
    page.fill("#edit-label", label)
    page.select_option("#edit-type", kind)
    if step:
        page.select_option("#edit-step", step)
    for name in accept:
        page.click(f"#edit-accept_{name}")
    if required:
        page.click("#edit-required")
    if show_if:
        page.select_option("#edit-show_if", show_if)
        page.fill("#edit-show_values", show_values)
    page.click("#save-field")
    expect(page.get_by_role("status")).to_contain_text(f"Đã lưu trường “{label}”.")


def test_admin_builds_publishes_and_cadre_fills(
    browser: Browser, app_url: str, app_db_url: str, phone: Page, tmp_path: Path
) -> None:
    admin = _admin_page(browser, app_url, app_db_url)
    admin.goto(app_url + "/quan-tri/bieu-mau")
    admin.fill("#new-title", "Kiểm tra trạm bơm")
    admin.fill("#new-code", "kiem_tra_tram_bom")
    admin.click("#create-form")
    admin.wait_for_url("**/quan-tri/bieu-mau/sua?form=kiem_tra_tram_bom")
    _add_field(admin, "Trạm bơm hoạt động tốt", "yes_no", required=True)
    _add_field(
        admin,
        "Ảnh hư hỏng",
        "photo",
        required=True,
        show_if="tram_bom_hoat_dong_tot",
        show_values="Không",
    )
    expect(admin.locator("#outline-anh_hu_hong")).to_contain_text(
        "hiện khi tram_bom_hoat_dong_tot = khong"
    )
    fields = admin.locator(".outline-field")
    admin.locator("#outline-anh_hu_hong .move-up").click()
    expect(fields.nth(1)).to_have_attribute("id", "outline-anh_hu_hong")
    admin.locator("#outline-anh_hu_hong .move-down").click()
    expect(fields.nth(2)).to_have_attribute("id", "outline-anh_hu_hong")
    admin.click("#toggle-preview")
    preview = admin.frame_locator("#phone-preview")
    expect(preview.get_by_text("Xem thử — không gửi được")).to_be_visible()
    expect(preview.get_by_role("button", name="Không")).to_be_visible()
    admin.click("#publish-form")
    expect(admin.get_by_role("status")).to_contain_text("Đã ban hành phiên bản 1.")

    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/bieu-mau")
    phone.click("#form-kiem_tra_tram_bom")
    phone.fill("#noi_dung", "Trạm bơm Đồng Xá")
    expect(phone.locator("#slot-0")).to_have_count(0)  # hidden until "Không"
    phone.get_by_role("button", name="Không").click()
    phone.click("#next-step")
    expect(phone.locator("#slot-0 .field-error")).to_have_text("Vui lòng đính kèm “Ảnh hư hỏng”.")
    photo = tmp_path / "tram-bom.png"
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (0, 90, 160)).save(out, format="PNG")
    photo.write_bytes(out.getvalue())
    phone.set_input_files("#slot-0 input[type=file]", str(photo))
    expect(phone.locator("#slot-0 .attached-file")).to_contain_text("tram-bom.png")
    phone.click("#next-step")
    expect(phone.locator(".review-item").filter(has_text="Ảnh hư hỏng")).to_contain_text(
        "tram-bom.png"
    )
    phone.click("#submit-form")
    expect(phone.get_by_role("status").filter(has_text="Đã gửi biểu mẫu.")).to_be_visible()

    # A second publish makes version 2; the first submission still shows version 1.
    admin.reload()
    admin.locator("#outline-noi_dung .edit-field").click()
    admin.fill("#edit-label", "Tên trạm bơm")
    admin.click("#save-field")
    expect(admin.get_by_role("status")).to_contain_text("Đã lưu trường “Tên trạm bơm”.")
    admin.click("#publish-form")
    expect(admin.get_by_role("status")).to_contain_text("Đã ban hành phiên bản 2.")
    expect(admin.locator("#form-status")).to_contain_text("Đang dùng v2")
    expect(admin.locator(".submission-row").first).to_contain_text("Phiên bản 1")
    phone.goto(app_url + "/bieu-mau/dien?form=kiem_tra_tram_bom")
    expect(phone.get_by_text("Tên trạm bơm")).to_be_visible()
    admin.context.close()


def test_admin_restricts_file_types_and_builds_a_group(
    browser: Browser, app_url: str, app_db_url: str, phone: Page, tmp_path: Path
) -> None:
    admin = _admin_page(browser, app_url, app_db_url, "quantri.nghiemthu")
    admin.goto(app_url + "/quan-tri/bieu-mau")
    admin.fill("#new-title", "Nghiệm thu sửa chữa")
    admin.fill("#new-code", "nghiem_thu_sua_chua")
    admin.click("#create-form")
    admin.wait_for_url("**/quan-tri/bieu-mau/sua?form=nghiem_thu_sua_chua")
    admin.get_by_role("textbox", name="Tên bước").fill("Hồ sơ nghiệm thu")
    admin.get_by_role("button", name="Thêm bước").click()
    expect(admin.get_by_role("heading", name="Hồ sơ nghiệm thu")).to_be_visible()

    # A file field restricted to PDF: a photo field offers only image types.
    admin.click("#add-field")
    admin.select_option("#edit-type", "photo")
    expect(admin.locator("#edit-accept_png")).to_be_visible()
    expect(admin.locator("#edit-accept_pdf")).to_have_count(0)
    admin.click("text=Quay lại")
    _add_field(admin, "Biên bản nghiệm thu", "file", required=True, step="1", accept=("pdf",))
    expect(admin.locator("#outline-bien_ban_nghiem_thu")).to_contain_text("nhận: PDF")
    admin.locator("#outline-bien_ban_nghiem_thu .edit-field").click()
    expect(admin.locator("#edit-accept_pdf")).to_be_checked()
    expect(admin.locator("#edit-accept_docx")).not_to_be_checked()
    admin.click("text=Quay lại")

    # A repeating group, then its own fields: no step, no nested group, errors in Vietnamese.
    _add_field(admin, "Hạng mục sửa chữa", "group", step="1")
    expect(admin.locator("#outline-hang_muc_sua_chua-noi_dung")).to_be_visible()
    admin.click("#add-child-hang_muc_sua_chua")
    expect(admin.locator("#editing-group")).to_have_text(
        "Trường con của nhóm lặp “Hạng mục sửa chữa”"
    )
    expect(admin.locator("#edit-step")).to_have_count(0)
    expect(admin.locator("#edit-type option[value=group]")).to_have_count(0)
    admin.fill("#edit-help", "Ghi rõ hạng mục theo dự toán")
    admin.click("#save-field")
    expect(admin.locator("#field-editor").get_by_role("alert")).to_have_text(
        "Vui lòng nhập nhãn câu hỏi."
    )
    expect(admin.locator("#edit-help")).to_have_value("Ghi rõ hạng mục theo dự toán")
    admin.fill("#edit-label", "Tên hạng mục")
    admin.click("#edit-required")
    admin.click("#save-field")
    expect(admin.get_by_role("status")).to_contain_text("Đã lưu trường “Tên hạng mục”.")
    _add_field(admin, "Kinh phí", "money", group="hang_muc_sua_chua")
    admin.locator("#outline-hang_muc_sua_chua-noi_dung .remove-field").click()
    expect(admin.locator("#outline-hang_muc_sua_chua-noi_dung")).to_have_count(0)
    children = admin.locator(".outline-child")
    expect(children).to_have_count(2)
    admin.locator("#outline-hang_muc_sua_chua-kinh_phi .move-up").click()
    expect(children.nth(0)).to_have_attribute("id", "outline-hang_muc_sua_chua-kinh_phi")
    admin.locator("#outline-hang_muc_sua_chua-kinh_phi .move-down").click()
    expect(children.nth(1)).to_have_attribute("id", "outline-hang_muc_sua_chua-kinh_phi")
    expect(admin.locator("#outline-hang_muc_sua_chua-ten_hang_muc")).to_contain_text("bắt buộc")
    admin.click("#publish-form")
    expect(admin.get_by_role("status")).to_contain_text("Đã ban hành phiên bản 1.")
    admin.context.close()

    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/bieu-mau/dien?form=nghiem_thu_sua_chua")
    phone.fill("#noi_dung", "Nhà văn hoá thôn An Lạc")
    phone.click("#next-step")
    expect(phone.get_by_role("heading", name="Hạng mục sửa chữa")).to_be_visible()
    fake = tmp_path / "bien-ban.pdf"
    fake.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)  # a Windows program
    phone.set_input_files("#slot-0 input[type=file]", str(fake))
    expect(phone.locator("#slot-0 .field-error")).to_contain_text(
        "Tệp “bien-ban.pdf” không phải loại được phép (nhận: PDF)."
    )
    real = tmp_path / "bien-ban-that.pdf"
    real.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    phone.set_input_files("#slot-0 input[type=file]", str(real))
    expect(phone.locator("#slot-0 .attached-file")).to_contain_text("bien-ban-that.pdf")
    phone.click("#add-hang_muc_sua_chua")
    phone.fill("#hang_muc_sua_chua-0-ten_hang_muc", "Thay mái tôn")
    phone.fill("#hang_muc_sua_chua-0-kinh_phi", "12.500.000")
    phone.click("#next-step")
    review = phone.locator(".review-item")
    expect(review.filter(has_text="Tên hạng mục – dòng 1")).to_contain_text("Thay mái tôn")
    expect(review.filter(has_text="Kinh phí – dòng 1")).to_contain_text("12.500.000")
    phone.click("#submit-form")
    expect(phone.get_by_role("status").filter(has_text="Đã gửi biểu mẫu.")).to_be_visible()
