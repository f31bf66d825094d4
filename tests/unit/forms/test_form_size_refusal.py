"""The size refusal the phone shows before sending, and the server repeats."""

from __future__ import annotations

from woms_pwa.core.forms.definition import parse_definition
from woms_pwa.core.forms.evidence import EvidencePolicy, size_refusal
from woms_pwa.core.forms.submissions import file_policy

SPEC = parse_definition(
    {
        "code": "bao_cao_anh",
        "title": "Báo cáo có ảnh",
        "steps": [
            {
                "key": "minh_chung",
                "title": "Minh chứng",
                "fields": [
                    {"key": "anh", "label": "Ảnh", "type": "photo", "max_size_mb": 2},
                    {"key": "ghi_chu", "label": "Ghi chú", "type": "text"},
                    {
                        "key": "hang",
                        "label": "Hạng mục",
                        "type": "group",
                        "fields": [{"key": "tep", "label": "Tệp", "type": "file"}],
                    },
                ],
            }
        ],
    }
)


def test_refusal_names_file_size_and_limit() -> None:
    policy = EvidencePolicy(max_bytes=10 * 1024 * 1024)
    assert size_refusal("anh.jpg", 10 * 1024 * 1024, policy) is None
    assert (
        size_refusal("/sdcard/DCIM/anh.jpg", 11 * 1024 * 1024 + 300 * 1024, policy)
        == "Tệp “anh.jpg” quá lớn (11,3 MB); tối đa 10 MB."
    )
    assert size_refusal("", 20 * 1024 * 1024, policy) == "Tệp “tệp” quá lớn (20 MB); tối đa 10 MB."


def test_file_policy_of_fields_and_group_children() -> None:
    photo = file_policy(SPEC, "anh")
    assert photo is not None and photo.max_bytes == 2 * 1024 * 1024
    child = file_policy(SPEC, "hang.tep")
    assert child is not None and child.max_bytes == 10 * 1024 * 1024
    assert file_policy(SPEC, "ghi_chu") is None
    assert file_policy(SPEC, "khong_co") is None
