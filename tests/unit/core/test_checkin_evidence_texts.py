"""The offline page refuses a reading without evidence in the server's own words."""

from __future__ import annotations

import re
from pathlib import Path

from woms_pwa.core import messages as msg

APP_JS = Path(__file__).resolve().parents[3] / "assets" / "offline" / "app.js"


def test_offline_page_uses_the_servers_evidence_message() -> None:
    source = APP_JS.read_text(encoding="utf-8")
    found = re.search(r'evidenceRequired: "([^"]+)"', source)
    assert found is not None
    # Same text, same placeholder: the phone and the server say the same thing.
    assert found.group(1) == msg.CHECKIN_EVIDENCE_REQUIRED
    assert "{title}" in msg.CHECKIN_EVIDENCE_REQUIRED


def test_evidence_message_names_the_key_result() -> None:
    text = msg.CHECKIN_EVIDENCE_REQUIRED.format(title="Kết nạp đảng viên mới")
    assert text == (
        "Mục tiêu “Kết nạp đảng viên mới” yêu cầu minh chứng; vui lòng đính kèm ảnh hoặc tệp."
    )
