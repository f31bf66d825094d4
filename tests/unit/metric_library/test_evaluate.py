"""The labelled set is large and mixed, and the suggester reaches hit@5 >= 0.9."""

from __future__ import annotations

from metric_library.api import default_catalogue
from metric_library.evaluate import evaluate, load_labelled, main


def test_labelled_set_is_large_and_valid():
    pairs = load_labelled()
    assert len(pairs) >= 150
    assert {p.split for p in pairs} == {"dev", "heldout", "unseen"}
    assert sum(p.split == "heldout" for p in pairs) >= 40
    assert sum(p.split == "unseen" for p in pairs) >= 40
    known = {m.code for m in default_catalogue()}
    for pair in pairs:
        assert pair.acceptable <= known, pair
    texts = [p.text for p in pairs]
    assert any(t.isascii() for t in texts)  # some typed without diacritics


def test_hit_at_5_per_split():
    scores = evaluate(load_labelled())
    assert scores["all"].hit5 >= 0.9
    assert scores["dev"].hit5 >= 0.9
    assert scores["heldout"].hit5 >= 0.9
    assert scores["unseen"].hit5 >= 0.9


def test_command_prints_scores(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "hit@1" in out and "hit@5" in out and "heldout" in out
