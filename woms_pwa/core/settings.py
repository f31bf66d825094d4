"""Settings built once from the environment at the entry points and passed in.

The core never reads ``os.environ`` itself: the CLI, the web app and the tests
call :meth:`Settings.from_env` (or build a ``Settings``) and hand it down.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_URL = f"sqlite:///{REPO_ROOT / 'woms.db'}"


@dataclass(frozen=True)
class Settings:
    """Run-time configuration of WOMS.

    Attributes:
        db_url: SQLAlchemy URL (``WOMS_DB_URL``); SQLite next to the code by default.
        session_hours: idle time after which a sign-in expires.
        max_failed_logins: failed passwords before the account is locked.
        lockout_minutes: how long a locked account stays locked.
        smtp_url: ``smtp://host:port`` for e-mail reminders, empty to disable.
        uploads_dir: folder of evidence files (``WOMS_UPLOADS_DIR``).
        chroma_path: folder of the assistant's embedded index (``WOMS_CHROMA_PATH``);
            empty = a folder next to the SQLite database.
        chroma_url: ``http://host:port`` of a Chroma server (``WOMS_CHROMA_URL``); wins.
        llm_base_url: OpenAI-compatible endpoint that phrases answers
            (``WOMS_LLM_BASE_URL``); empty = composed answers only.
        llm_model: model name at that endpoint (``WOMS_LLM_MODEL``).
        llm_api_key: key for that endpoint (``WOMS_LLM_API_KEY``), often unused locally.
        background_jobs: whether the web app runs reminders and warning
            notifications itself (``WOMS_BACKGROUND_JOBS``, default on).
    """

    db_url: str = DEFAULT_DB_URL
    session_hours: float = 8.0
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    smtp_url: str = ""
    uploads_dir: Path = REPO_ROOT / "uploads"
    chroma_path: str = ""
    chroma_url: str = ""
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    background_jobs: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``WOMS_*`` environment variables.

        Args:
            environ: the mapping to read; ``os.environ`` when omitted.

        Returns:
            The settings, defaults filled in.
        """
        env = os.environ if environ is None else environ
        return cls(
            db_url=env.get("WOMS_DB_URL") or DEFAULT_DB_URL,
            session_hours=float(env.get("WOMS_SESSION_HOURS", "8")),
            max_failed_logins=int(env.get("WOMS_MAX_FAILED_LOGINS", "5")),
            lockout_minutes=int(env.get("WOMS_LOCKOUT_MINUTES", "15")),
            smtp_url=env.get("WOMS_SMTP_URL", ""),
            chroma_path=env.get("WOMS_CHROMA_PATH", ""),
            chroma_url=env.get("WOMS_CHROMA_URL", ""),
            llm_base_url=env.get("WOMS_LLM_BASE_URL", ""),
            llm_model=env.get("WOMS_LLM_MODEL", ""),
            llm_api_key=env.get("WOMS_LLM_API_KEY", ""),
            uploads_dir=Path(env.get("WOMS_UPLOADS_DIR") or REPO_ROOT / "uploads"),
            background_jobs=env.get("WOMS_BACKGROUND_JOBS", "1") not in ("0", "false", "no"),
        )
