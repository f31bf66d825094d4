"""Retrieval never quotes another unit's text as a cause, and ranks the stated cause first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.index import open_index
from assistant.retrieval import causes
from assistant.sources import Source
from assistant.weighting import DocumentFrequencies, bm25_scores


def _source(i: int, unit: str, kr: str, text: str, month: int = 6) -> Source:
    return Source(
        id=f"c{i}",
        kind="checkin",
        text=text,
        unit_code=unit,
        unit_id=i,
        kr_code=kr,
        date=dt.date(2025, month, 28),
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder: Path = tmp_path_factory.mktemp("chroma")
    idx = open_index(str(folder))
    idx.add(
        [
            _source(
                1,
                "X.A",
                "A-1",
                "Lũy kế đạt 20% kế hoạch vốn; vướng GPMB do 9 hộ chưa đồng ý đơn giá bồi thường.",
            ),
            _source(2, "X.A", "A-1", "Nghiệm thu khối lượng hoàn thành công trình trường học.", 3),
            # Another unit's note NAMES unit A; it must never be quoted as A's cause.
            _source(
                3, "TINH", "T-1", "Tỉnh phê bình xã A giải ngân chậm vì cán bộ thiếu trách nhiệm."
            ),
            _source(4, "X.B", "B-1", "Giải ngân chậm do nhà thầu thiếu năng lực."),
        ]
    )
    return idx


def test_only_the_units_own_texts_are_causes(index) -> None:  # type: ignore[no-untyped-def]
    found = causes(index, "vì sao xã A giải ngân chậm", "X.A", "A-1", lambda s: True)
    assert found and {r.source.unit_code for r in found} == {"X.A"}
    assert "GPMB" in found[0].quote
    assert found[0].states_cause


def test_permission_predicate_hides_sources(index) -> None:  # type: ignore[no-untyped-def]
    assert causes(index, "giai ngan cham", "X.A", "A-1", lambda s: s.unit_code != "X.A") == []


def test_bm25_prefers_rare_shared_words_over_short_texts() -> None:
    freq = DocumentFrequencies()
    docs = ["giải ngân", "giải ngân chậm do vướng giải phóng mặt bằng thôn An Lạc", "họp"]
    freq.add(docs * 5)
    scores = bm25_scores("vướng mặt bằng", docs, freq)
    assert scores[1] > scores[0] and scores[1] > scores[2]
