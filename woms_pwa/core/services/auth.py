"""Accounts, passwords (argon2), sign-in with lockout, and session tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete
from sqlmodel import Session, select

from woms_pwa.core import messages as msg
from woms_pwa.core.models import AuthSession, Person, Unit, UserAccount, utcnow
from woms_pwa.core.services.audit import AuditRecord, append
from woms_pwa.core.settings import Settings
from woms_pwa.core.vocab import Role

_HASHER = PasswordHasher()
# Verifying against this keeps the timing of an unknown username like a known one.
_DUMMY_HASH = _HASHER.hash("woms-dummy-password")


class AuthError(Exception):
    """A refused sign-in or account change, with a Vietnamese message."""


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: the raw token goes to the browser, only its hash is stored."""

    token: str
    user_id: int
    expires_at: dt.datetime


def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password``."""
    return _HASHER.hash(password)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_account(
    session: Session,
    *,
    username: str,
    password: str,
    role: Role | str,
    person_code: str | None = None,
    unit_code: str | None = None,
    display_name: str | None = None,
    password_hash: str | None = None,
) -> UserAccount:
    """Create or update a sign-in account.

    Args:
        session: the open session.
        username: sign-in name (stored lower-case).
        password: the password; ignored when ``password_hash`` is given.
        role: one of ``Role``.
        person_code: the person the account acts as (required except for admin).
        unit_code: the unit of an account without a person (defaults to the person's unit).
        display_name: name shown in the app (defaults to the person's name).
        password_hash: a precomputed hash (demo data reuses one).

    Returns:
        The stored account.

    Raises:
        AuthError: unknown role, person or unit, or a too-short password.
    """
    role = Role(role)
    person = None
    if person_code:
        person = session.execute(
            select(Person).where(Person.code == person_code)
        ).scalar_one_or_none()
        if person is None:
            raise AuthError(msg.UNKNOWN_PERSON.format(code=person_code))
    elif role is not Role.ADMIN:
        raise AuthError(msg.ACCOUNT_NEEDS_PERSON)
    unit_id = person.unit_id if person else None
    if unit_code:
        unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one_or_none()
        if unit is None:
            raise AuthError(msg.UNKNOWN_UNIT.format(code=unit_code))
        unit_id = unit.id
    if password_hash is None:
        if len(password) < 8:
            raise AuthError(msg.PASSWORD_TOO_SHORT)
        password_hash = hash_password(password)
    name = username.strip().lower()
    account = session.execute(
        select(UserAccount).where(UserAccount.username == name)
    ).scalar_one_or_none()
    if account is None:
        account = UserAccount(username=name, password_hash=password_hash, role=role.value)
    account.password_hash = password_hash
    account.role = role.value
    account.person_id = person.id if person else None
    account.unit_id = unit_id
    account.display_name = display_name or (person.full_name if person else name)
    session.add(account)
    session.flush()
    return account


def sign_in(
    session: Session,
    settings: Settings,
    username: str,
    password: str,
    *,
    now: dt.datetime | None = None,
) -> SignedIn:
    """Check a password and open a session.

    Accounts lock for ``settings.lockout_minutes`` after
    ``settings.max_failed_logins`` wrong passwords in a row.

    Raises:
        AuthError: wrong username or password (one message for both), or a locked account.
    """
    now = now or utcnow()
    account = session.execute(
        select(UserAccount).where(UserAccount.username == username.strip().lower())
    ).scalar_one_or_none()
    if account is None or not account.is_active:
        _verify(_DUMMY_HASH, password)
        raise AuthError(msg.SIGN_IN_FAILED)
    if account.locked_until and account.locked_until > now:
        raise AuthError(
            msg.ACCOUNT_LOCKED.format(
                minutes=max(1, int((account.locked_until - now).total_seconds() // 60) + 1)
            )
        )
    if not _verify(account.password_hash, password):
        account.failed_attempts += 1
        records = [
            AuditRecord(
                actor=account.username,
                actor_user_id=account.id,
                action="auth.failed",
                entity="user_account",
                entity_id=account.id,
                entity_code=account.username,
            )
        ]
        if account.failed_attempts >= settings.max_failed_logins:
            account.locked_until = now + dt.timedelta(minutes=settings.lockout_minutes)
            account.failed_attempts = 0
            records.append(
                AuditRecord(
                    actor="system",
                    action="auth.locked",
                    entity="user_account",
                    entity_id=account.id,
                    entity_code=account.username,
                )
            )
        session.add(account)
        append(session, records, at=now)
        raise AuthError(msg.SIGN_IN_FAILED)
    account.failed_attempts = 0
    account.locked_until = None
    account.last_login_at = now
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    token = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(hours=settings.session_hours)
    session.add(account)
    session.add(
        AuthSession(
            token_hash=_token_hash(token),
            user_id=account.id or 0,
            created_at=now,
            last_seen_at=now,
            expires_at=expires,
        )
    )
    append(
        session,
        [
            AuditRecord(
                actor=account.username,
                actor_user_id=account.id,
                action="auth.sign_in",
                entity="user_account",
                entity_id=account.id,
                entity_code=account.username,
            )
        ],
        at=now,
    )
    session.flush()
    return SignedIn(token=token, user_id=account.id or 0, expires_at=expires)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def resolve_token(
    session: Session, settings: Settings, token: str, *, now: dt.datetime | None = None
) -> UserAccount | None:
    """Return the account of a live session token and slide its expiry; ``None`` if expired."""
    if not token:
        return None
    now = now or utcnow()
    auth = session.execute(
        select(AuthSession).where(AuthSession.token_hash == _token_hash(token))
    ).scalar_one_or_none()
    if auth is None or auth.expires_at <= now:
        return None
    account = session.get(UserAccount, auth.user_id)
    if account is None or not account.is_active:
        return None
    # Idle timeout: every use pushes the expiry forward, at most every minute.
    if (now - auth.last_seen_at).total_seconds() > 60:
        auth.last_seen_at = now
        auth.expires_at = now + dt.timedelta(hours=settings.session_hours)
        session.add(auth)
    return account


def sign_out(session: Session, token: str) -> None:
    """End the session of ``token`` (no error if it is already gone)."""
    session.execute(delete(AuthSession).where(AuthSession.token_hash == _token_hash(token)))  # type: ignore[arg-type]
