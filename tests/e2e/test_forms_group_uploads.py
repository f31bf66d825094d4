"""A repeating group with a photo per row: every row gets its upload box, up to the limit."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.catalogue import import_definition, publish_form
from woms_pwa.core.messages import forms as msg
from woms_pwa.core.permissions import Actor
from woms_pwa.forms.wizard_state import UPLOAD_SLOTS

from .conftest import sign_in

CODE = "kiem_tra_hien_truong"
DEFINITION = {
    "code": CODE,
    "title": "Kiểm tra hiện trường",
    "steps": [
        {
            "key": "hien_truong",
            "title": "Hiện trường",
            "fields": [
                {"key": "bien_ban", "label": "Biên bản", "type": "file"},
                {
                    "key": "diem",
                    "label": "Điểm kiểm tra",
                    "type": "group",
                    "fields": [
                        {"key": "ten", "label": "Tên điểm", "type": "text"},
                        {"key": "anh", "label": "Ảnh hiện trường", "type": "photo"},
                    ],
                },
            ],
        }
    ],
}


def _publish(db_url: str) -> None:
    with session_scope(db_url) as session:
        import_definition(session, Actor.system(), json.dumps(DEFINITION, ensure_ascii=False))
        publish_form(session, Actor.system(), CODE)


def test_group_rows_get_upload_boxes_until_the_limit(
    app_url: str, app_db_url: str, phone: Page
) -> None:
    _publish(app_db_url)
    sign_in(phone, app_url, "canbo.antao")
    phone.goto(app_url + f"/bieu-mau/dien?form={CODE}")
    add = phone.locator("#add-diem")
    # One box for the top-level file field, then one more per row.
    for rows in range(1, UPLOAD_SLOTS):
        add.click()
        expect(phone.locator(".upload-slot")).to_have_count(1 + rows)
    add.click()
    expect(phone.get_by_text(msg.FILE_SLOTS_FULL.format(count=UPLOAD_SLOTS))).to_be_visible()
    expect(phone.locator(".upload-slot")).to_have_count(UPLOAD_SLOTS)
