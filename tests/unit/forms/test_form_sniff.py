"""File types come from the content: a renamed executable is never a photo."""

from __future__ import annotations

import io
import zipfile

from PIL import Image

from woms_pwa.core.forms.sniff import DOCX, JPEG, PDF, PNG, WEBP, sniff_type


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, format=fmt)
    return out.getvalue()


def test_images_and_pdf_are_recognised_by_their_bytes() -> None:
    assert sniff_type(_image("JPEG")) == JPEG
    assert sniff_type(_image("PNG")) == PNG
    assert sniff_type(_image("WEBP")) == WEBP
    assert sniff_type(b"%PDF-1.7\n...") == PDF


def test_executables_scripts_and_plain_zips_are_unknown() -> None:
    assert sniff_type(b"MZ\x90\x00\x03" + b"\x00" * 60) is None
    assert sniff_type(b"\x7fELF\x02\x01\x01") is None
    assert sniff_type(b"#!/bin/sh\nrm -rf /\n") is None
    assert sniff_type(b"") is None
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    assert sniff_type(plain.getvalue()) is None


def test_docx_is_told_apart_from_other_zips() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert sniff_type(out.getvalue()) == DOCX
