"""Metric suggestions for a task or key-result text ("cân voi" by proxy).

Ranking combines four signals, all on folded, abbreviation-expanded text:

* word TF-IDF (unigrams and bigrams) over name, phrasings and definition;
* character n-gram TF-IDF over name and phrasings, which tolerates typos and
  partial words;
* phrase coverage: the share of the query's words explained by bigrams of the
  metric's own name and phrasings; this also produces the human reason;
* learning: texts for which a metric was accepted before pull it up for similar
  new texts (nearest neighbours in the same word space).

For qualitative tasks ("tăng cường…", "nâng cao chất lượng…") proxy measures of
the dominant area are lifted into the results, as the proposal's Lương Thế Vinh
principle asks: count events, participants, coverage, satisfaction, time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from analytics.vntext import fold_accents, normalize_text
from metric_library.catalogue import Metric
from metric_library.textproc import (
    ABBREVIATIONS,
    STOPWORDS,
    has_diacritics,
    is_qualitative,
    prepare,
    token_pairs,
    token_weight,
    tone_key,
)

# Weights of the signals; tuned on the dev split only (see metric_library/eval).
W_WORD = 0.35
W_CHAR = 0.25
W_COVER = 0.40
W_ACCENT = 0.10  # only when the query itself carries diacritics
W_LEARN = 0.60
LEARN_MIN_SIM = 0.30
PROXY_BOOST = 0.15  # relative to the best base score of the query
PROXY_MIN_RELEVANCE = 0.30  # a proxy must reach this share of the best score to be lifted
PROXY_SLOTS = 3
_SEP = " qqsep "  # keeps bigrams from spanning two phrasings
_CODE_IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9]*(?:\.[A-Z0-9_]+)+\b")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested metric with the reason it was suggested."""

    code: str
    name: str
    unit: str
    direction: str
    why: str
    score: float
    is_proxy: bool
    perspective: str
    area: str


def _content(toks: Sequence[str]) -> list[str]:
    return [t for t in toks if t not in STOPWORDS]


def _bigrams(toks: Sequence[str]) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(toks)}


class MetricSuggester:
    """Suggests dictionary metrics for Vietnamese task texts.

    Build it once (about a second for the full dictionary) and reuse it; each
    :meth:`suggest` call takes a few milliseconds.
    """

    def __init__(
        self, metrics: Sequence[Metric], accepted: Iterable[tuple[str, str]] | None = None
    ) -> None:
        """Index ``metrics`` and replay earlier acceptances.

        Args:
            metrics: the dictionary, e.g. from :func:`load_catalogue`.
            accepted: earlier ``(text, code)`` acceptances, persisted by the caller;
                pairs whose code is not in the dictionary are ignored.
        """
        if not metrics:
            raise ValueError("Danh mục thước đo rỗng")
        self._metrics = list(metrics)
        self._index = {m.code: i for i, m in enumerate(self._metrics)}
        phrasings = [[m.name, *m.synonyms] for m in self._metrics]
        word_docs = [
            _SEP.join([prepare(m.name)] * 2 + [prepare(s) for s in m.synonyms] * 2)
            + _SEP
            + prepare(m.definition)
            + _SEP
            + prepare(m.area.rsplit("/", 1)[-1])
            for m in self._metrics
        ]
        char_docs = [_SEP.join(prepare(p) for p in ph) for ph in phrasings]
        accent_docs = [" | ".join(normalize_text(p).lower() for p in ph) for ph in phrasings]
        self._word = TfidfVectorizer(
            token_pattern=r"[a-z0-9]+", ngram_range=(1, 2), sublinear_tf=True, lowercase=False
        )
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        self._accent = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        self._word_t = self._word.fit_transform(word_docs).T.tocsr()
        self._char_t = self._char.fit_transform(char_docs).T.tocsr()
        self._accent_t = self._accent.fit_transform(accent_docs).T.tocsr()
        self._build_phrase_index(phrasings)
        self._area_ids, self._areas = self._area_index()
        self._proxy = np.array([m.is_proxy for m in self._metrics], dtype=bool)
        self._learned_texts: list[str] = []
        self._learned_codes: list[int] = []
        self._learned_matrix: sp.csr_matrix | None = None
        for text, code in accepted or ():
            self.record_acceptance(text, code)

    # -- indexing -----------------------------------------------------------------

    def _build_phrase_index(self, phrasings: list[list[str]]) -> None:
        """Map each bigram of names/phrasings to metrics; keep accented word forms."""
        postings: dict[str, list[int]] = {}
        spellings: dict[str, set[int]] = {}
        self._unigram_phrases: dict[str, list[int]] = {}
        self._display: list[dict[str, str]] = []
        for i, phrases in enumerate(phrasings):
            grams: set[str] = set()
            display: dict[str, str] = {}
            for phrase in phrases:
                for raw in normalize_text(phrase).split():  # keeps the case of "OCOP", "HĐND"
                    word = raw.strip('.,;:()"')
                    display.setdefault(fold_accents(word), word)
                pairs = token_pairs(phrase)
                toks = _content([folded for folded, _ in pairs])
                grams |= _bigrams(toks)
                if len(toks) == 1:  # one-word phrasings: "OCOP", "PCI", "FDI"
                    self._unigram_phrases.setdefault(toks[0], []).append(i)
                for folded, typed in pairs:  # expansions included: "HĐND" spells "hội đồng"
                    display.setdefault(folded, typed)
                    spellings.setdefault(tone_key(typed), set()).add(i)
            for gram in grams:
                postings.setdefault(gram, []).append(i)
            self._display.append(display)
        self._postings = {g: np.array(ids, dtype=np.int32) for g, ids in postings.items()}
        self._spellings = {k: np.array(sorted(v), dtype=np.int32) for k, v in spellings.items()}
        self._unigram_arrays = {
            g: np.array(ids, dtype=np.int32) for g, ids in self._unigram_phrases.items()
        }

    def _area_index(self) -> tuple[np.ndarray, list[str]]:
        areas = sorted({m.area for m in self._metrics})
        lookup = {a: i for i, a in enumerate(areas)}
        return np.array([lookup[m.area] for m in self._metrics], dtype=np.int32), areas

    # -- learning -----------------------------------------------------------------

    def record_acceptance(self, text: str, code: str) -> None:
        """Remember that ``code`` was accepted for ``text``.

        Similar texts will rank the metric higher from now on. Persisting the
        pairs is the caller's job (pass them back as ``accepted`` next time).

        Args:
            text: the task or key-result text the planner typed.
            code: the metric code the planner accepted.
        """
        idx = self._index.get(code.strip().upper())
        prepared = prepare(text)
        if idx is None or not prepared:
            return
        self._learned_texts.append(prepared)
        self._learned_codes.append(idx)
        self._learned_matrix = None  # rebuilt lazily on the next query

    def replace_acceptances(self, accepted: Iterable[tuple[str, str]]) -> None:
        """Forget every learned acceptance and learn ``accepted`` instead.

        Cheaper than building a new suggester when only the stored acceptances
        changed (the dictionary index is kept).

        Args:
            accepted: ``(text, code)`` pairs; unknown codes are ignored.
        """
        self._learned_texts = []
        self._learned_codes = []
        self._learned_matrix = None
        for text, code in accepted:
            self.record_acceptance(text, code)

    @property
    def learned_count(self) -> int:
        """How many acceptances are currently learned."""
        return len(self._learned_texts)

    def _learn_boost(self, qword: sp.csr_matrix) -> dict[int, float]:
        if not self._learned_texts:
            return {}
        if self._learned_matrix is None:
            self._learned_matrix = self._word.transform(self._learned_texts).T.tocsr()
        sims = (qword @ self._learned_matrix).toarray().ravel()
        boost: dict[int, float] = {}
        for j in np.flatnonzero(sims >= LEARN_MIN_SIM):
            idx = self._learned_codes[j]
            boost[idx] = max(boost.get(idx, 0.0), float(sims[j]))
        return boost

    # -- scoring ------------------------------------------------------------------

    def _coverage(self, query: list[tuple[str, str]]) -> np.ndarray:
        """Per metric: covered query positions as a boolean matrix (metrics × tokens)."""
        qtoks = [folded for folded, _ in query]
        covered = np.zeros((len(self._metrics), max(len(qtoks), 1)), dtype=bool)
        for pos in range(len(qtoks) - 1):
            ids = self._postings.get(f"{qtoks[pos]} {qtoks[pos + 1]}")
            if ids is not None:
                covered[ids, pos] = True
                covered[ids, pos + 1] = True
        for pos, tok in enumerate(qtoks):
            ids = self._unigram_arrays.get(tok)
            if ids is not None:
                covered[ids, pos] = True
        for pos, (_, typed) in enumerate(query):
            # A word typed with diacritics only counts for metrics spelling it the
            # same way: "sổ hộ tịch" must not match "số hộ nghèo".
            if has_diacritics(typed):
                keep = np.zeros(len(self._metrics), dtype=bool)
                ids = self._spellings.get(tone_key(typed))
                if ids is not None:
                    keep[ids] = True
                covered[~keep, pos] = False
        return covered

    def _base_scores(
        self, text: str
    ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]], sp.csr_matrix]:
        pairs = token_pairs(text)
        prepared = " ".join(folded for folded, _ in pairs)
        content = [(f, typed) for f, typed in pairs if f not in STOPWORDS]
        qtoks = [f for f, _ in content]
        qword = self._word.transform([prepared])
        word = (qword @ self._word_t).toarray().ravel()
        char = (self._char.transform([prepared]) @ self._char_t).toarray().ravel()
        covered = self._coverage(content)
        weights = np.array([token_weight(t) for t in qtoks] or [1.0])
        cover = (covered @ weights) / max(float(weights.sum()), 1.5)
        score = W_WORD * word + W_CHAR * char + W_COVER * cover
        if fold_accents(text) != text.lower():
            accent = (self._accent.transform([normalize_text(text)]) @ self._accent_t).toarray()
            score = score + W_ACCENT * accent.ravel()
        return score, covered, content, qword

    def _lifted_proxies(self, score: np.ndarray) -> np.ndarray:
        """Proxy measures of the query's dominant area, best first (qualitative tasks)."""
        best = float(score.max())
        if best <= 0:
            return np.zeros(0, dtype=np.int64)
        top = np.argsort(-score)[:8]
        # Squared scores: one clearly matching metric outweighs several vague ones.
        area_weight = np.bincount(
            self._area_ids[top], weights=score[top] ** 2, minlength=len(self._areas)
        )
        area = int(area_weight.argmax())
        candidates = np.flatnonzero(
            self._proxy & (self._area_ids == area) & (score >= PROXY_MIN_RELEVANCE * best)
        )
        return candidates[np.argsort(-score[candidates], kind="stable")][:PROXY_SLOTS]

    def _rank(self, score: np.ndarray, proxies: np.ndarray, top: int) -> list[int]:
        """Top ``top`` indices by score, keeping room for the lifted proxies."""
        order = [int(i) for i in np.argsort(-score, kind="stable")[: top + PROXY_SLOTS]]
        order = [i for i in order if score[i] > 0]
        chosen = order[:top]
        missing = [int(i) for i in proxies if int(i) not in chosen]
        # Never give up more than half of the list, and keep the best match first.
        room = max(0, min(len(missing), top // 2, len(chosen) - 1))
        if room:
            kept = [i for i in chosen if i not in missing][: top - room]
            chosen = sorted(kept + missing[:room], key=lambda i: -score[i])
        return chosen

    def _why(self, idx: int, covered_row: np.ndarray, query: list[tuple[str, str]]) -> str:
        """Short reason: the runs of query words the metric's phrasings explain."""
        display = self._display[idx]
        runs: list[list[tuple[str, str]]] = []
        current: list[tuple[str, str]] = []
        for pos, hit in enumerate(covered_row[: len(query)]):
            if hit:
                current.append(query[pos])
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        phrases: list[str] = []
        for run in sorted(runs, key=len, reverse=True):
            if all(token_weight(f) < 1.0 for f, _ in run):
                continue  # "tăng cường công tác" alone explains nothing
            words = []
            for k, (folded, typed) in enumerate(run):
                if folded in ABBREVIATIONS and k + 1 < len(run):
                    continue  # its expansion follows in the run; show that instead
                if typed != folded:
                    words.append(typed)  # the planner's own accented spelling
                else:
                    words.append(
                        display.get(folded, folded.upper() if folded in ABBREVIATIONS else folded)
                    )
            shown = " ".join(words)
            if shown and shown not in phrases:
                phrases.append(shown)
        return (
            "Khớp: " + ", ".join(phrases[:3]) if phrases else "Gần nghĩa với tên và cách diễn đạt"
        )

    def suggest(self, text: str, top: int = 5) -> list[Suggestion]:
        """Return the ``top`` best metrics for ``text``, best first.

        Args:
            text: a task or key-result text, with or without diacritics.
            top: how many suggestions to return.

        Returns:
            Suggestions with a short Vietnamese reason; empty for an empty text.
        """
        if top <= 0:
            return []
        base, covered, qtoks, qword = self._base_scores(text)
        if not qtoks:  # empty, punctuation only, or only function words ("và của")
            return []
        score = base.copy()
        qualitative = is_qualitative(text)
        proxies = self._lifted_proxies(base) if qualitative else np.zeros(0, dtype=np.int64)
        score[proxies] += PROXY_BOOST * float(base.max())
        learned = self._learn_boost(qword)
        for idx, sim in learned.items():
            score[idx] += W_LEARN * sim
        named = {self._index[c] for c in _CODE_IN_TEXT.findall(text) if c in self._index}
        for idx in named:
            score[idx] += 2.0  # the planner typed the code itself
        out: list[Suggestion] = []
        for idx in self._rank(score, proxies, top):
            m = self._metrics[idx]
            why = self._why(idx, covered[idx], qtoks)
            if idx in named:
                why = f"Khớp mã {m.code}"
            elif idx in learned:
                why = f"Đã được chọn cho nội dung tương tự; {why[0].lower()}{why[1:]}"
            if qualitative and m.is_proxy:
                why = f"{why}; thước đo thay thế cho nhiệm vụ định tính"
            out.append(
                Suggestion(
                    code=m.code,
                    name=m.name,
                    unit=m.unit,
                    direction=m.direction,
                    why=why,
                    score=round(float(score[idx]), 4),
                    is_proxy=m.is_proxy,
                    perspective=m.perspective,
                    area=m.area,
                )
            )
        return out

    @property
    def metrics(self) -> list[Metric]:
        """The indexed metrics, in dictionary order."""
        return list(self._metrics)
