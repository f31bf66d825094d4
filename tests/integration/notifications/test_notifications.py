"""Notifications: stored once per event, listed per account, e-mailed over real SMTP."""

from __future__ import annotations

import time
from collections.abc import Callable
from email import message_from_bytes, policy

from conftest_smtp import SmtpInbox

from woms_pwa.core.db import session_scope
from woms_pwa.core.notifications.service import (
    Recipient,
    list_for,
    mark_read,
    notify,
    send_pending_emails,
    unread_count,
)
from woms_pwa.core.permissions import Actor


def test_notify_once_list_and_read(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    head = actor_of("bithu.tanphong")
    with session_scope(loaded) as session:
        first = notify(
            session,
            Recipient(person_id=head.person_id),
            kind="deadline",
            title="Hạn nộp kế hoạch tháng 10",
            link="/",
            dedupe_key="deadline:2025-10",
        )
        again = notify(
            session,
            Recipient(person_id=head.person_id),
            kind="deadline",
            title="Hạn nộp kế hoạch tháng 10",
            dedupe_key="deadline:2025-10",
        )
    assert len(first) == 1 and again == []
    with session_scope(loaded) as session:
        assert unread_count(session, head) == 1
        assert [n.title for n in list_for(session, head)] == ["Hạn nộp kế hoạch tháng 10"]
        assert mark_read(session, head) == 1
        assert unread_count(session, head) == 0


def test_pending_notifications_are_emailed_once(
    loaded: str, actor_of: Callable[[str], Actor], smtp: tuple[str, SmtpInbox]
) -> None:
    url, inbox = smtp
    head = actor_of("bithu.tanphong")  # CB.TANPHONG.01 has an e-mail address in the fixture
    with session_scope(loaded) as session:
        notify(
            session,
            Recipient(person_id=head.person_id),
            kind="alert",
            title="Giải ngân chậm tiến độ",
            body="Cần giải ngân 9,8%/tháng.",
        )
    with session_scope(loaded) as session:
        assert send_pending_emails(session, url) == 1
    with session_scope(loaded) as session:
        assert send_pending_emails(session, url) == 0
    deadline = time.monotonic() + 5
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    mail = message_from_bytes(inbox.messages[0], policy=policy.default)
    assert mail["To"] == "mai.tt@example.gov.vn"
    assert str(mail["Subject"]) == "[WOMS] Giải ngân chậm tiến độ"
    assert "9,8%/tháng" in mail.get_content()
