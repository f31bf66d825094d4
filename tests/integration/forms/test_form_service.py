"""Versions, server-side refusal, nothing half-saved, drafts and the guided check-in."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import func, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.catalogue import (
    FormError,
    create_form,
    export_definition,
    import_definition,
    list_forms,
    publish_form,
    published,
    save_definition,
)
from woms_pwa.core.forms.models import FormSubmission, FormVersion
from woms_pwa.core.forms.submissions import (
    list_submissions,
    load_draft,
    save_draft,
    submit_form,
    upload_evidence,
)
from woms_pwa.core.models import CheckIn, KeyResult
from woms_pwa.core.permissions import PermissionDenied

TODAY = dt.date(2025, 9, 30)


def _jpeg(size: tuple[int, int] = (3000, 2000)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, format="JPEG", quality=90)
    return out.getvalue()


def _count(url: str, table: type) -> int:
    with session_scope(url) as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def _conditional_form(url: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    admin = actor_of("admin")
    with session_scope(url) as session:
        create_form(session, admin, code="kiem_tra_dien", title="Kiểm tra đường điện")
        save_definition(
            session,
            admin,
            "kiem_tra_dien",
            {
                "code": "kiem_tra_dien",
                "title": "Kiểm tra đường điện",
                "steps": [
                    {
                        "key": "b1",
                        "title": "Hiện trạng",
                        "fields": [
                            {
                                "key": "so_cot",
                                "type": "number",
                                "label": "Số cột",
                                "required": True,
                                "min": 0,
                                "max": 500,
                            },
                            {
                                "key": "hu_hong",
                                "type": "yes_no",
                                "label": "Có hư hỏng",
                                "required": True,
                            },
                            {
                                "key": "anh",
                                "type": "photo",
                                "label": "Ảnh hư hỏng",
                                "required": True,
                                "show_if": {"field": "hu_hong", "values": ["co"]},
                                "max_size_mb": 1,
                            },
                        ],
                    }
                ],
            },
        )
        assert publish_form(session, admin, "kiem_tra_dien") == 1


def test_builtin_forms_are_published_once(loaded: str) -> None:
    with session_scope(loaded) as session:
        first = {f.code: f.current_version for f in list_forms(session)}
        again = {f.code: f.current_version for f in list_forms(session)}
    assert first == again
    assert {"cap_nhat_thang", "phat_sinh", "sang_kien", "nang_luc", "tu_danh_gia"} <= set(first)
    assert set(first.values()) == {1}


def test_second_publish_is_version_2_and_old_submissions_keep_version_1(
    loaded: str, actor_of
) -> None:  # type: ignore[no-untyped-def]
    _conditional_form(loaded, actor_of)
    cadre, admin = actor_of("canbo.tanphong"), actor_of("admin")
    with session_scope(loaded) as session:
        submit_form(
            session,
            cadre,
            code="kiem_tra_dien",
            version=1,
            answers={"so_cot": "12", "hu_hong": "khong"},
            client_id="form-v1-0001",
        )
    with session_scope(loaded) as session:
        text = export_definition(session, "kiem_tra_dien").replace("Số cột", "Số cột điện")
        import_definition(session, admin, text)
        assert published(session, "kiem_tra_dien")[1].field("so_cot").label == "Số cột"  # type: ignore[union-attr]
        assert publish_form(session, admin, "kiem_tra_dien") == 2
        with pytest.raises(FormError, match="không có gì để ban hành"):
            publish_form(session, admin, "kiem_tra_dien")
    with pytest.raises(FormError, match="phiên bản mới"), session_scope(loaded) as session:
        submit_form(
            session,
            cadre,
            code="kiem_tra_dien",
            version=1,
            answers={"so_cot": "1", "hu_hong": "khong"},
            client_id="form-v1-0002",
        )
    with session_scope(loaded) as session:
        submit_form(
            session,
            cadre,
            code="kiem_tra_dien",
            version=2,
            answers={"so_cot": "3", "hu_hong": "khong"},
            client_id="form-v2-0001",
        )
        rows = list_submissions(session, admin, code="kiem_tra_dien")
        v1 = (
            session.execute(
                select(FormVersion).where(
                    FormVersion.version == 1,
                    FormVersion.form_id == rows[0].id * 0 + FormVersion.form_id,
                )
            )
            .scalars()
            .first()
        )
    assert [(r.version, r.answers["so_cot"]) for r in rows] == [(2, 3.0), (1, 12.0)]
    assert v1 is not None and "Số cột điện" not in v1.definition_json


def test_only_admins_design_forms(loaded: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied, match="quản trị"), session_scope(loaded) as session:
        create_form(session, actor_of("bithu.tanphong"), code="mau_moi", title="Mẫu mới")


def test_forged_and_bad_submissions_are_refused_and_nothing_is_saved(
    loaded: str, actor_of, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _conditional_form(loaded, actor_of)
    cadre = actor_of("canbo.tanphong")
    cases = [
        ({"so_cot": "9000", "hu_hong": "khong"}, "so_cot", "không được lớn hơn 500"),
        ({"hu_hong": "co"}, "anh", "Vui lòng đính kèm “Ảnh hư hỏng”."),
        ({"so_cot": "1", "hu_hong": "co", "anh": "f" * 64}, "anh", "chưa được tải lên"),
        ({"so_cot": "1", "hu_hong": "khong", "admin_note": "x"}, "", "trường lạ"),
    ]
    for index, (answers, key, text) in enumerate(cases):
        with pytest.raises(FormError) as refused, session_scope(loaded) as session:
            submit_form(
                session,
                cadre,
                code="kiem_tra_dien",
                version=1,
                answers=answers,
                client_id=f"forged-{index:04d}",
            )
        assert any(e.key == key and text in e.message for e in refused.value.errors), (
            refused.value.errors
        )
    assert _count(loaded, FormSubmission) == 0


def test_monthly_checkin_stores_a_real_checkin_with_photo_and_blocker(
    loaded: str, actor_of, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        list_forms(session)
        photo = upload_evidence(
            session,
            cadre,
            code="cap_nhat_thang",
            field_key="evidence",
            content=_jpeg(),
            filename="hien-truong.jpg",
            uploads_dir=tmp_path,
        )
    assert (photo.width, photo.height) == (1600, 1067)
    answers = {
        "value": "35,5",
        "confidence": "off_track",
        "blocker_type": "land_clearance",
        "blocker_text": "3 hộ chưa nhận tiền bồi thường GPMB.",
        "note": "Đã thi công 1,2 km.",
        "evidence": photo.key,
    }
    with session_scope(loaded) as session:
        save_draft(
            session, cadre, code="cap_nhat_thang", context_key="TP-2025-NS1.1", answers=answers
        )
        assert (
            load_draft(session, cadre, code="cap_nhat_thang", context_key="TP-2025-NS1.1")
            == answers
        )
    with session_scope(loaded) as session:
        outcome = submit_form(
            session,
            cadre,
            code="cap_nhat_thang",
            version=1,
            answers=answers,
            client_id="checkin-form-0001",
            context_key="TP-2025-NS1.1",
            today=TODAY,
        )
        again = submit_form(
            session,
            cadre,
            code="cap_nhat_thang",
            version=1,
            answers=answers,
            client_id="checkin-form-0001",
            context_key="TP-2025-NS1.1",
            today=TODAY,
        )
    assert outcome.created and not again.created and outcome.checkin_id == again.checkin_id
    with session_scope(loaded) as session:
        checkin = session.get(CheckIn, outcome.checkin_id)
        kr = session.execute(
            select(KeyResult).where(KeyResult.code == "TP-2025-NS1.1")
        ).scalar_one()
        assert checkin is not None and checkin.value == 35.5 and checkin.evidence == photo.key
        assert (checkin.confidence, checkin.blocker_type) == ("off_track", "land_clearance")
        assert kr.current_value == 35.5
        assert load_draft(session, cadre, code="cap_nhat_thang", context_key="TP-2025-NS1.1") == {}


def test_checkin_needs_a_blocker_when_at_risk_and_a_writable_key_result(
    loaded: str, actor_of
) -> None:  # type: ignore[no-untyped-def]
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        list_forms(session)
    before = _count(loaded, CheckIn)
    with pytest.raises(FormError) as refused, session_scope(loaded) as session:
        submit_form(
            session,
            cadre,
            code="cap_nhat_thang",
            version=1,
            answers={"value": "5", "confidence": "at_risk"},
            client_id="checkin-form-0002",
            context_key="TP-2025-DV1.1",
            today=TODAY,
        )
    # TP-2025-DV1.1 also requires evidence, so the missing photo is refused with them.
    assert {e.key for e in refused.value.errors} == {"blocker_type", "blocker_text", "evidence"}
    with pytest.raises(PermissionDenied), session_scope(loaded) as session:
        submit_form(
            session,
            cadre,
            code="cap_nhat_thang",
            version=1,
            answers={"value": "5", "confidence": "on_track"},
            client_id="checkin-form-0003",
            context_key="AT-2025-NS1.1",
            today=TODAY,
        )
    assert _count(loaded, CheckIn) == before and _count(loaded, FormSubmission) == 0
