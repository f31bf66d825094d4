"""Composing the answer: facts from the database, causes from the index, citations.

No language model is needed: every sentence is built from computed numbers or
quoted from a cited text. The caller supplies the facts (``FactsLookup``), the
permission check (``Allowed``) and how to link a source in the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from analytics.vntext import format_date_vi, format_percent_vi
from assistant import phrases as ph
from assistant.catalogue import Catalogue, KeyResultEntry, UnitEntry, strip_kind
from assistant.facts import KeyResultFacts
from assistant.index import NoteIndex, where_clause
from assistant.quality import QUALITY_CUES, AnomalyLookup
from assistant.question import Intent, ParsedQuestion, Period
from assistant.retrieval import (
    CONCLUSION_CUES,
    Allowed,
    Ranked,
    causes,
    conclusions,
    diverse,
    has_cue,
    in_period,
    rank,
)
from assistant.sources import Source
from assistant.text import terms, words
from assistant.wording import Answer, Citation, describe, measure, num, pace

# Localities of the same level: one's texts naming another are about the other.
PEER_KINDS = frozenset({"commune", "ward", "town"})

# Facts of key results by code, as of a date (``None`` = latest reported).
FactsLookup = Callable[[Sequence[str], dt.date | None], Mapping[str, KeyResultFacts]]
LinkFor = Callable[[Source], str]


class Composer:
    """Builds answers for parsed questions.

    Args:
        index: the note index.
        catalogue: what the user may see.
        facts: computes facts for key result codes.
        allowed: whether the user may see a source.
        link_for: the app link of a source.
        anomalies: the data-quality findings the user may see (``None``: not available).
    """

    def __init__(
        self,
        index: NoteIndex,
        catalogue: Catalogue,
        facts: FactsLookup,
        allowed: Allowed,
        link_for: LinkFor,
        anomalies: AnomalyLookup | None = None,
    ) -> None:
        """Keep the collaborators."""
        self.anomalies = anomalies
        self.index = index
        self.catalogue = catalogue
        self.facts = facts
        self.allowed = allowed
        self.link_for = link_for
        self._until: dt.date | None = None

    def answer(self, parsed: ParsedQuestion) -> Answer:
        """Answer a parsed question (see :class:`Answer` for the statuses)."""
        self._until = parsed.period.end if parsed.period else None
        if parsed.ambiguous:
            options = [u.name for u in parsed.ambiguous[0]]
            text = ph.CLARIFY.format(n=len(options), names=", ".join(options))
            return Answer(text, status="clarify", options=options)
        if not parsed.units:
            if parsed.suggested:
                # A name one letter from a known one, but itself a real name: ask.
                options = [u.name for u in parsed.suggested]
                text = ph.DID_YOU_MEAN.format(names=", ".join(options))
                return Answer(text, status="clarify", options=options)
            if parsed.off_topic:
                return Answer(ph.OUT_OF_SCOPE, status="no_data")
            if parsed.unknown_place:
                # A named place outside the user's scope (or misspelt): say so,
                # never answer about other units instead.
                return Answer(ph.NO_UNIT, status="no_unit")
            if parsed.intent is Intent.QUALITY:
                return self._quality(parsed, None)
            if parsed.key_results and parsed.intent is not Intent.CONCLUDED:
                return self._risk(parsed)
            if parsed.intent is Intent.RISK:
                return self._risk_all(parsed)
            return Answer(ph.NO_UNIT, status="no_unit")
        if parsed.off_topic:
            # No title is about the subject; the unit's own notes may still be
            # ("hộ chưa nhận tiền bồi thường" lives in the notes of a key result).
            led = self._note_led(parsed, parsed.units[0], None) if len(parsed.units) == 1 else None
            if led is not None:
                return self._explain(parsed, parsed.units[0], led)
            names = ", ".join(u.name for u in parsed.units)
            return Answer(f"{ph.NO_KR.format(unit=names)} {ph.OUT_OF_SCOPE}", status="no_data")
        if parsed.intent is Intent.QUALITY:
            return self._quality(parsed, parsed.units[0])
        if parsed.intent is Intent.ABOUT and len(parsed.units) > 1:
            return self._about(parsed)
        if parsed.intent is Intent.COMPARE and len(parsed.units) > 1:
            return self._compare(parsed)
        unit = parsed.units[0]
        kr = self._kr_of(parsed, unit)
        if parsed.intent is Intent.CONCLUDED:
            return self._concluded(parsed, unit, kr)
        if kr is None:
            return self._unit_overview(parsed, unit)
        return self._explain(parsed, unit, kr)

    def _kr_of(self, parsed: ParsedQuestion, unit: UnitEntry) -> KeyResultEntry | None:
        scores = parsed.kr_scores or [1.0] * len(parsed.key_results)
        scored = [
            (score, kr)
            for score, kr in zip(scores, parsed.key_results, strict=False)
            if kr.unit_code == unit.code
        ]
        if parsed.intent in (Intent.WHY, Intent.STATUS):
            led = self._note_led(parsed, unit, scored[0][1] if scored else None)
            if led is not None:
                return led
        if not scored:
            return None
        best = scored[0][0]
        close = [kr for score, kr in scored if score >= 0.8 * best][:6]
        if len(close) == 1 or parsed.intent not in (Intent.WHY, Intent.STATUS):
            return close[0]
        # A broad topic ("cải cách hành chính") fits several key results equally:
        # the leader asks about the one that lags.
        facts = self._facts([kr.code for kr in close])
        lagging = sorted((facts[kr.code] for kr in close if kr.code in facts), key=pace)
        if lagging and lagging[0].behind:
            return next(kr for kr in close if kr.code == lagging[0].kr_code)
        return close[0]

    def _note_led(
        self, parsed: ParsedQuestion, unit: UnitEntry, titled: KeyResultEntry | None
    ) -> KeyResultEntry | None:
        """The key result whose notes, not its title, carry the question's subject.

        "Mỹ Hào thiếu mấy công chức": the title "Cử 61 lượt cán bộ, công chức
        đi đào tạo" shares "công chức", but only the notes of the one-stop-shop
        key result say "thiếu 4 công chức". Another key result wins when one of
        its texts in this unit covers strictly more of the question's subject
        words than the title-matched key result does with its title and its own
        texts together, and shares a two-syllable phrase of the question. With
        no title match at all (``titled`` is ``None``), the text must also cover
        half of the subject words.
        """
        content = set(parsed.content_terms)
        if not content:
            return None
        own = {
            k.code: k
            for k in self.catalogue.key_results
            if k.unit_code == unit.code and k.year == parsed.year and not k.personal
        }
        phrases = {t for t in content if "_" in t}
        period = self._period(parsed)
        found: dict[str, Source] = {}
        for source in self.index.search(parsed.text, where_clause(unit_code=unit.code), 40):
            found.setdefault(source.id, source)
        # Notes, comments and blockers are few: read them all, so an approximate
        # vector search missing one never changes the key result chosen.
        written = where_clause(unit_code=unit.code, kind=["note", "comment", "blocker"])
        for source in self.index.get(written, 400):
            found.setdefault(source.id, source)
        if titled is not None:
            for source in self.index.get(
                where_clause(unit_code=unit.code, kr_code=titled.code), 400
            ):
                found.setdefault(source.id, source)
        held = content & set(terms(titled.text())) if titled is not None else set()
        best: dict[str, tuple[int, int]] = {}
        covers: dict[str, set[str]] = {}
        for source in found.values():
            if (
                source.unit_code != unit.code
                or source.kr_code not in own
                or not self.allowed(source)
                or not in_period(source, period, True)
            ):
                continue
            seen = set(terms(source.text))
            covered = content & seen
            if titled is not None and source.kr_code == titled.code:
                held |= covered
                continue
            if not phrases & seen:
                continue
            key = (len(covered), len(phrases & seen))
            if key > best.get(source.kr_code, (-1, -1)):
                best[source.kr_code] = key
                covers[source.kr_code] = covered
        chosen = [
            code
            for code in best
            if covers[code] > held and (titled is not None or 2 * len(covers[code]) >= len(content))
        ]
        if not chosen:
            return None
        return own[max(chosen, key=lambda code: best[code])]

    def _facts(self, codes: Sequence[str]) -> Mapping[str, KeyResultFacts]:
        """Facts as of the end of the period asked about ("đến tháng 6")."""
        return self.facts(codes, self._until)

    def _period(self, parsed: ParsedQuestion) -> Period:
        """The period asked about, else the whole plan year (older years are not causes)."""
        if parsed.period is not None:
            return parsed.period
        year = parsed.year
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}")

    def _causes(
        self, parsed: ParsedQuestion, query: str, unit_code: str, kr_code: str, k: int = 3
    ) -> list[Ranked]:
        """Causes of one key result of one unit, within the period asked about."""
        title = next((e.title for e in self.catalogue.key_results if e.code == kr_code), "")
        return causes(
            self.index,
            query,
            unit_code,
            kr_code,
            self.allowed,
            self._period(parsed),
            k=k,
            topic=title,
            about_another=self._about_a_peer(unit_code),
        )

    def _about_a_peer(self, unit_code: str) -> Callable[[Source], bool] | None:
        """For a commune or ward: whether a text names another commune or ward.

        Such a text, even filed under this unit ("xã A hỗ trợ xã B vật liệu do
        thiếu…"), is about the other one. Agencies and the province legitimately
        write about the localities they oversee, so they are not checked.
        """
        unit = self.catalogue.unit(unit_code)
        if unit is None or unit.kind not in PEER_KINDS:
            return None
        peers = [
            tuple(words(u.name))
            for u in self.catalogue.units
            if u.kind in PEER_KINDS and u.code != unit_code
        ]

        def names_a_peer(source: Source) -> bool:
            seq = words(source.text)
            return any(
                tuple(seq[i : i + len(name)]) == name
                for name in peers
                for i in range(len(seq) - len(name) + 1)
            )

        return names_a_peer

    def _query(self, parsed: ParsedQuestion, kr: KeyResultEntry | None) -> str:
        return f"{parsed.text} {kr.title if kr else ''}"

    def _cite(self, ranked: Sequence[Ranked], cited: list[Citation], lines: list[str]) -> None:
        for item in ranked:
            number = len(cited) + 1
            cited.append(Citation(number, item.source, item.quote, self.link_for(item.source)))
            s = item.source
            where = ", ".join(
                x
                for x in (
                    ph.KIND_LABELS.get(s.kind, s.kind),
                    format_date_vi(s.date) if s.date else "",
                    s.author,
                )
                if x
            )
            lines.append(f"– {item.quote} ({where}) {ph.CITE.format(n=number)}")

    def _explain(self, parsed: ParsedQuestion, unit: UnitEntry, kr: KeyResultEntry) -> Answer:
        facts = self._facts([kr.code]).get(kr.code)
        lines: list[str] = describe(facts) if facts else []
        cited: list[Citation] = []
        found = self._causes(parsed, self._query(parsed, kr), unit.code, kr.code, k=3)
        stated = [r for r in found if r.states_cause]
        on_track = facts is not None and facts.light == "green"
        if parsed.intent is Intent.WHY and on_track:
            lines.append(ph.ON_TRACK)
        if stated and not (on_track and parsed.intent is not Intent.WHY):
            lines.append(ph.CAUSES)
            self._cite(stated, cited, lines)
        else:
            if parsed.intent is Intent.WHY and not on_track:
                lines.append(ph.NO_CAUSE)
            # Without a stated cause, the latest words on this key result itself.
            own = [r for r in found if r.source.kr_code == kr.code] or found
            if own:
                lines.append(ph.CONTEXT)
                latest = sorted(own, key=lambda r: r.source.date or dt.date.min, reverse=True)[:2]
                self._cite(latest, cited, lines)
        return Answer(
            "\n".join(lines),
            cited,
            "answer" if lines else "no_data",
            facts=[facts] if facts else [],
        )

    def _unit_overview(self, parsed: ParsedQuestion, unit: UnitEntry) -> Answer:
        codes = [
            k.code
            for k in self.catalogue.key_results
            if k.unit_code == unit.code and k.year == parsed.year and not k.personal
        ]
        if not codes:
            return Answer(ph.NO_KR.format(unit=unit.name), status="no_data")
        all_facts = self._facts(codes)
        behind = sorted((f for f in all_facts.values() if f.behind), key=pace)[:3]
        if not behind:
            return Answer(ph.UNIT_FINE.format(unit=unit.name), facts=list(all_facts.values()))
        lines = [ph.UNIT_BEHIND.format(unit=unit.name)]
        cited: list[Citation] = []
        for facts in behind:
            lines.extend(describe(facts)[:1])
            found = [
                r
                for r in self._causes(
                    parsed, f"{parsed.text} {facts.kr_title}", unit.code, facts.kr_code, k=1
                )
                if r.states_cause
            ]
            self._cite(found, cited, lines)
        return Answer("\n".join(lines), cited, facts=behind)

    def _risk_all(self, parsed: ParsedQuestion) -> Answer:
        """No topic named: the most lagging key result of each unit, worst units first."""
        pool = [
            k.code for k in self.catalogue.key_results if k.year == parsed.year and not k.personal
        ]
        worst: dict[str, KeyResultFacts] = {}
        behind = [f for f in self._facts(pool).values() if f.behind and self._of_kind(parsed, f)]
        for facts in sorted(behind, key=pace):
            worst.setdefault(facts.unit_code, facts)
        return self._risk_list(parsed, list(worst.values())[:5], ph.TOPIC_ALL, [])

    def _risk(self, parsed: ParsedQuestion) -> Answer:
        top = parsed.key_results[0]
        metric = top.metric_code
        pool = [k for k in parsed.key_results if (k.metric_code == metric if metric else k is top)]
        all_facts = {
            code: f
            for code, f in self._facts([k.code for k in pool]).items()
            if self._of_kind(parsed, f)
        }
        behind = sorted((f for f in all_facts.values() if f.behind), key=pace)[:5]
        topic = top.title if not metric else top.metric_name.split(";")[0] or top.title
        return self._risk_list(parsed, behind, topic, list(all_facts.values()))

    def _risk_list(
        self,
        parsed: ParsedQuestion,
        behind: list[KeyResultFacts],
        topic: str,
        every: list[KeyResultFacts],
    ) -> Answer:
        all_facts = {f.kr_code: f for f in every}
        if not behind:
            return Answer(ph.RISK_NONE.format(topic=topic.lower()), facts=list(all_facts.values()))
        lines = [ph.RISK_HEAD.format(topic=topic.lower())]
        cited: list[Citation] = []
        for facts in behind:
            m = measure(facts)
            forecast = (
                ph.RISK_FORECAST.format(value=num(facts.forecast), measure=m)
                if facts.forecast is not None
                else ""
            )
            lines.append(
                ph.RISK_ITEM.format(
                    unit=facts.unit_name,
                    kr=f" – {facts.kr_title}" if topic == ph.TOPIC_ALL else "",
                    current=num(facts.current),
                    target=num(facts.target),
                    measure=m,
                    pct=format_percent_vi(facts.completion),
                    light=ph.LIGHT_LABELS.get(facts.light, facts.light),
                    forecast=forecast,
                )
            )
            found = [
                r
                for r in self._causes(
                    parsed, f"{parsed.text} {facts.kr_title}", facts.unit_code, facts.kr_code, k=1
                )
                if r.states_cause
            ]
            self._cite(found, cited, lines)
            if not found:
                lines.append(ph.RISK_NO_CAUSE)
        return Answer("\n".join(lines), cited, facts=behind)

    def _of_kind(self, parsed: ParsedQuestion, facts: KeyResultFacts) -> bool:
        """Whether the unit is of a kind the risk question asks about ("xã nào": communes)."""
        if not parsed.kinds:
            return True
        unit = self.catalogue.unit(facts.unit_code)
        return unit is not None and unit.kind in parsed.kinds

    def _compare_overall(self, parsed: ParsedQuestion) -> Answer:
        """No topic named: how many key results of each unit lag, and the worst one."""
        lines = [ph.COMPARE_HEAD.format(topic=ph.TOPIC_ALL)]
        used: list[KeyResultFacts] = []
        for unit in parsed.units:
            codes = [
                k.code
                for k in self.catalogue.key_results
                if k.unit_code == unit.code and k.year == parsed.year and not k.personal
            ]
            facts = list(self._facts(codes).values())
            behind = sorted((f for f in facts if f.behind), key=pace)
            lines.append(
                ph.COMPARE_UNIT.format(unit=unit.name, behind=len(behind), total=len(facts))
            )
            if behind:
                worst = behind[0]
                lines.append(
                    ph.COMPARE_WORST.format(
                        kr=worst.kr_title, pct=format_percent_vi(worst.completion)
                    )
                )
                used.append(worst)
        return Answer("\n".join(lines), [], facts=used)

    def _compare(self, parsed: ParsedQuestion) -> Answer:
        if not parsed.key_results:
            return self._compare_overall(parsed)
        first = next((k for k in parsed.key_results), None)
        metric = first.metric_code if first else ""
        chosen: list[KeyResultEntry] = []
        for unit in parsed.units:
            same = [
                k
                for k in parsed.key_results
                if k.unit_code == unit.code and (not metric or k.metric_code == metric)
            ]
            if same:
                chosen.append(same[0])
        if not chosen:
            return Answer(
                ph.NO_KR.format(unit=", ".join(u.name for u in parsed.units)), status="no_data"
            )
        all_facts = self._facts([k.code for k in chosen])
        lines = [ph.COMPARE_HEAD.format(topic=(first.title if first else "").lower())]
        cited: list[Citation] = []
        for kr in chosen:
            facts = all_facts.get(kr.code)
            if facts is None:
                continue
            lines.extend(describe(facts))
            if facts.behind:
                found = [
                    r
                    for r in self._causes(
                        parsed, self._query(parsed, kr), kr.unit_code, kr.code, k=1
                    )
                    if r.states_cause
                ]
                self._cite(found, cited, lines)
        return Answer("\n".join(lines), cited, facts=list(all_facts.values()))

    def _concluded(
        self, parsed: ParsedQuestion, unit: UnitEntry, kr: KeyResultEntry | None
    ) -> Answer:
        found = conclusions(
            self.index,
            self._query(parsed, kr),
            unit.code,
            kr.code if kr else "",
            self.allowed,
            parsed.period,
        )
        if not found and kr is not None:
            found = conclusions(self.index, parsed.text, unit.code, "", self.allowed, parsed.period)
            kr = None
        kr_text = f" ({kr.title})" if kr else ""
        period = f" trong {parsed.period.label}" if parsed.period else ""
        if not found:
            return Answer(
                ph.NO_CONCLUSION.format(unit=unit.name, kr=kr_text, period=period), status="no_data"
            )
        lines = [ph.CONCLUSIONS.format(unit=unit.name, kr=kr_text)]
        cited: list[Citation] = []
        self._cite(sorted(found, key=lambda r: r.source.date or dt.date.min), cited, lines)
        return Answer("\n".join(lines), cited)

    def _quality(self, parsed: ParsedQuestion, unit: UnitEntry | None) -> Answer:
        """Data-quality findings (figures identical to the target…) with their evidence."""
        if self.anomalies is None:
            return Answer(ph.QUALITY_UNAVAILABLE, status="no_data")
        kr = self._kr_of(parsed, unit) if unit is not None else None
        if kr is not None:
            codes = [kr.code]
        else:
            codes = [
                k.code
                for k in self.catalogue.key_results
                if k.year == parsed.year
                and not k.personal
                and (unit is None or k.unit_code == unit.code)
            ]
        found = [
            a
            for a in self.anomalies(codes, parsed.year)
            if a.kr_code in set(codes) and self.allowed(a.source())
        ]
        found.sort(key=lambda a: (a.unit_name, a.kr_title))
        kr_text = f" ({kr.title})" if kr else ""
        cited: list[Citation] = []
        lines: list[str] = []
        if found:
            head = (
                ph.QUALITY_HEAD.format(unit=unit.name, kr=kr_text)
                if unit is not None
                else ph.QUALITY_ALL_HEAD
            )
            lines.append(head)
            shown = [
                Ranked(
                    a.source(),
                    1.0,
                    f"{a.kr_title if unit else f'{a.unit_name} – {a.kr_title}'}: {a.message} "
                    f"Số liệu báo cáo: {a.evidence}.",
                    True,
                )
                for a in found[:8]
            ]
            self._cite(shown, cited, lines)
        said = self._quality_notes(parsed, unit, kr) if unit is not None else []
        if said:
            lines.append(ph.QUALITY_NOTES)
            self._cite(said, cited, lines)
        if not lines:
            text = (
                ph.QUALITY_NONE.format(unit=unit.name, kr=kr_text, year=parsed.year)
                if unit is not None
                else ph.QUALITY_NONE_ALL.format(year=parsed.year)
            )
            return Answer(text, status="no_data")
        return Answer("\n".join(lines), cited)

    def _quality_notes(
        self, parsed: ParsedQuestion, unit: UnitEntry, kr: KeyResultEntry | None
    ) -> list[Ranked]:
        """Notes and comments of the unit that speak about its figures (checking, evidence)."""
        kinds = ["note", "comment"]
        pool = {s.id: s for s in self.index.get(where_clause(unit_code=unit.code, kind=kinds), 400)}
        query = f"{parsed.text} {kr.title if kr else ''}"
        for source in self.index.search(query, where_clause(unit_code=unit.code, kind=kinds), 40):
            pool.setdefault(source.id, source)
        texts = [
            s
            for s in pool.values()
            if s.unit_code == unit.code
            and self.allowed(s)
            and in_period(s, self._period(parsed), True)
            and (kr is None or not s.kr_code or s.kr_code == kr.code)
            and has_cue(s.text, QUALITY_CUES)
        ]
        ranked = rank(texts, query, kr.code if kr else "", self.index.frequencies, QUALITY_CUES)
        return diverse(ranked, 2)

    def _about(self, parsed: ParsedQuestion) -> Answer:
        """What one unit (the first named) said about another ("Sở Nội vụ … về Mỹ Hào").

        Texts filed under the subject unit and written by the speaker's people
        come first; failing those, the speaker's own texts that name the
        subject. Nothing else is quoted: another author's words are not the
        speaker's opinion.
        """
        speaker, subject = parsed.units[0], parsed.units[1]
        kr = self._kr_of(parsed, subject)
        query = self._query(parsed, kr)
        authors = sorted(
            {p.code for p in self.catalogue.people if p.unit_code == speaker.code and p.code}
            | {p.name for p in self.catalogue.people if p.unit_code == speaker.code}
        )
        pool: list[Source] = []
        if authors:
            pool = [
                s
                for s in self.index.get(where_clause(unit_code=subject.code, author=authors), 400)
                if s.unit_code == subject.code
            ]
        if not pool:
            name = strip_kind(tuple(words(subject.name))) or tuple(words(subject.name))
            pool = [
                s
                for s in self.index.search(query, where_clause(unit_code=speaker.code), 40)
                if s.unit_code == speaker.code and _names(words(s.text), name)
            ]
        pool = [s for s in pool if self.allowed(s) and in_period(s, parsed.period, False)]
        ranked = diverse(rank(pool, query, "", self.index.frequencies, CONCLUSION_CUES), 3)
        if not ranked:
            period = f" trong {parsed.period.label}" if parsed.period else ""
            return Answer(
                ph.ABOUT_NONE.format(speaker=speaker.name, subject=subject.name, period=period),
                status="no_data",
            )
        lines = [ph.ABOUT_HEAD.format(speaker=speaker.name, subject=subject.name)]
        cited: list[Citation] = []
        self._cite(sorted(ranked, key=lambda r: r.source.date or dt.date.min), cited, lines)
        return Answer("\n".join(lines), cited)


def _names(seq: Sequence[str], name: tuple[str, ...]) -> bool:
    """Whether the words ``seq`` contain the name ``name`` (folded syllables)."""
    n = len(name)
    return any(tuple(seq[i : i + n]) == name for i in range(len(seq) - n + 1))
