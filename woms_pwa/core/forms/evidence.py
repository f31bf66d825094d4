"""Evidence files: type checked by content, size limited, images downsized, hash-addressed."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlmodel import Session, select

from analytics.vntext import format_number_vi
from woms_pwa.core.forms.definition import FieldDef, FieldType
from woms_pwa.core.forms.models import EvidenceFile
from woms_pwa.core.forms.sniff import DOCX, EXTENSIONS, JPEG, PDF, PNG, WEBP, XLSX, sniff_type
from woms_pwa.core.messages import forms as msg

IMAGE_TYPES = (JPEG, PNG, WEBP)
# Phones take 12-megapixel photos; 1600 px on the long side is plenty as evidence.
MAX_IMAGE_SIDE = 1600
JPEG_QUALITY = 82


class EvidenceError(ValueError):
    """A refused file; the message is Vietnamese and names the file."""


@dataclass(frozen=True)
class EvidencePolicy:
    """What a file field accepts.

    Attributes:
        allowed: accepted content types (as sniffed from the content).
        max_bytes: largest accepted upload, before downsizing.
        max_image_side: images are scaled down to this many pixels on the long side.
    """

    allowed: tuple[str, ...] = field(default=(JPEG, PNG, WEBP, PDF, DOCX, XLSX))
    max_bytes: int = 10 * 1024 * 1024
    max_image_side: int = MAX_IMAGE_SIDE

    @classmethod
    def for_field(cls, fdef: FieldDef) -> EvidencePolicy:
        """The policy of a file or photo field (its own types and limit, or the defaults)."""
        base = cls()
        allowed = tuple(fdef.accept) or (
            IMAGE_TYPES if fdef.type == FieldType.PHOTO else base.allowed
        )
        if fdef.type == FieldType.PHOTO:
            allowed = tuple(t for t in allowed if t in IMAGE_TYPES) or IMAGE_TYPES
        limit = int(fdef.max_size_mb * 1024 * 1024) if fdef.max_size_mb else base.max_bytes
        return cls(allowed=allowed, max_bytes=limit, max_image_side=base.max_image_side)


@dataclass(frozen=True)
class StoredEvidence:
    """A stored file as the form keeps it."""

    key: str
    mime: str
    size: int
    name: str
    width: int | None
    height: int | None


def format_size(size: int) -> str:
    """``2,5 MB`` / ``300 KB``."""
    if size >= 1024 * 1024:
        return f"{format_number_vi(size / 1024 / 1024, 1)} MB"
    return f"{format_number_vi(size / 1024, 0)} KB"


def size_refusal(name: str, size: int, policy: EvidencePolicy) -> str | None:
    """The Vietnamese refusal of a file of ``size`` bytes, or None when it fits.

    The phone checks the size before sending (no 10 MB upload on 3G just to be
    refused); the server checks again with the same words.
    """
    if size <= policy.max_bytes:
        return None
    return msg.FILE_TOO_LARGE.format(
        name=Path(name or "tệp").name[:200],
        size=format_size(size),
        limit=format_size(policy.max_bytes),
    )


def _downsize(content: bytes, mime: str, side: int, name: str) -> tuple[bytes, str, int, int]:
    try:
        with Image.open(io.BytesIO(content)) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise EvidenceError(msg.FILE_IMAGE_BROKEN.format(name=name)) from exc
    image.thumbnail((side, side))
    out = io.BytesIO()
    # Re-encoding also drops EXIF (GPS position of the phone) from the stored copy.
    if mime == PNG and image.mode in ("RGBA", "LA", "P"):
        image.save(out, format="PNG", optimize=True)
        stored = PNG
    else:
        image.convert("RGB").save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        stored = JPEG
    return out.getvalue(), stored, image.width, image.height


def _allowed_text(policy: EvidencePolicy) -> str:
    return ", ".join(msg.FILE_KIND_LABELS.get(t, t) for t in policy.allowed)


def store_evidence(
    session: Session,
    *,
    user_id: int,
    content: bytes,
    filename: str,
    uploads_dir: Path,
    policy: EvidencePolicy | None = None,
) -> StoredEvidence:
    """Check, downsize and store an uploaded file once (by the hash of what is stored).

    Args:
        session: open session (the row is added, the caller commits).
        user_id: the uploading account.
        content: the file's bytes.
        filename: the name the phone gave (shown back, never trusted for the type).
        uploads_dir: root folder of evidence files.
        policy: accepted types and size; the defaults when omitted.

    Returns:
        The stored file; its ``key`` is what a form answer holds.

    Raises:
        EvidenceError: empty, too large, wrong type (by content) or broken image.
    """
    policy = policy or EvidencePolicy()
    name = Path(filename or "tệp").name[:200]
    if not content:
        raise EvidenceError(msg.FILE_EMPTY)
    too_large = size_refusal(name, len(content), policy)
    if too_large:
        raise EvidenceError(too_large)
    mime = sniff_type(content)
    if mime is None or mime not in policy.allowed:
        raise EvidenceError(msg.FILE_TYPE_REFUSED.format(name=name, allowed=_allowed_text(policy)))
    width = height = None
    if mime in IMAGE_TYPES:
        Image.MAX_IMAGE_PIXELS = 80_000_000
        content, mime, width, height = _downsize(content, mime, policy.max_image_side, name)
    digest = hashlib.sha256(content).hexdigest()
    existing = session.execute(
        select(EvidenceFile).where(EvidenceFile.sha256 == digest)
    ).scalar_one_or_none()
    if existing is None:
        relative = f"{digest[:2]}/{digest}.{EXTENSIONS[mime]}"
        target = uploads_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            # Write-then-rename: a crash never leaves a truncated file under the hash name.
            partial = target.with_suffix(".part")
            partial.write_bytes(content)
            partial.replace(target)
        existing = EvidenceFile(
            sha256=digest,
            mime=mime,
            size=len(content),
            original_name=name,
            path=relative,
            width=width,
            height=height,
            uploaded_by_user_id=user_id,
        )
        session.add(existing)
        session.flush()
    return StoredEvidence(
        digest, existing.mime, existing.size, name, existing.width, existing.height
    )


def evidence_types(session: Session, keys: list[str]) -> dict[str, str]:
    """Content types of the stored files among ``keys`` (unknown keys are absent)."""
    if not keys:
        return {}
    rows = session.execute(
        select(EvidenceFile.sha256, EvidenceFile.mime).where(EvidenceFile.sha256.in_(keys))  # type: ignore[attr-defined]
    ).all()
    return {sha: mime for sha, mime in rows}


def evidence_names(session: Session, keys: list[str]) -> dict[str, str]:
    """Original names of stored files, for display."""
    if not keys:
        return {}
    rows = session.execute(
        select(EvidenceFile.sha256, EvidenceFile.original_name).where(
            EvidenceFile.sha256.in_(keys)  # type: ignore[attr-defined]
        )
    ).all()
    return {sha: name for sha, name in rows}
