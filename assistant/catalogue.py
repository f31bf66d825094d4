"""What the question parser may recognise, passed in as plain data by the caller.

The caller (the core) fills it with the units, key results and metric names
the asking user may see, so the parser can neither resolve nor leak anything
outside that scope, and nothing about a particular province is hard-coded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.text import UNIT_KIND_WORDS, fold, words

LOCALITY_KINDS = frozenset({"commune", "ward", "district", "province", "town", "city"})


@dataclass(frozen=True)
class UnitEntry:
    """A unit: ``code``, Vietnamese ``name``, ``kind`` (commune, ward, agency…), parent code."""

    code: str
    name: str
    kind: str
    parent_code: str = ""

    def aliases(self) -> list[tuple[tuple[str, ...], int]]:
        """Folded word sequences naming the unit, each with a strength (3 full … 1 partial).

        Full name (3); the name without its kind word for localities and for
        names long enough to be distinctive (2); the last segment of the code,
        e.g. ``tanphong`` or ``stc`` (2); leading parts of long names (1), which
        make "phòng kinh tế" ambiguous between two such departments.
        """
        full = tuple(words(self.name))
        found: list[tuple[tuple[str, ...], int]] = [(full, 3)]
        core = strip_kind(full)
        # The core of an agency's name is often a topic ("cải cách hành chính"):
        # only long, distinctive cores name the unit on their own. A one-syllable
        # core ("Phường 1", "Xã Yên") would match everywhere.
        if core and core != full and len(core) >= (2 if self.kind in LOCALITY_KINDS else 5):
            found.append((core, 2))
        if self.kind == "province":
            found.append((("toan", "tinh"), 2))
        segment = fold(self.code.rsplit(".", 1)[-1])
        if len(segment) >= 3 and segment.isalpha():
            found.append(((segment,), 2))
        if len(core) >= 2 and self.kind in LOCALITY_KINDS:
            # Typed without the space: "tanphong", "xa anthi".
            found.append((("".join(core),), 2))
        if self.kind not in LOCALITY_KINDS and len(full) >= 4:
            lead = len(full) - len(core)
            for size in range(lead + 1, len(full)):
                if size >= 3:
                    found.append((full[:size], 1))
        found.extend(self._initials(full, core))
        return found

    def _initials(
        self, full: tuple[str, ...], core: tuple[str, ...]
    ) -> list[tuple[tuple[str, ...], int]]:
        """Office initials after the kind word: "Sở TC", "Sở KHCN", "Phòng KT", "Ban TGDV".

        The initials of the whole core name the unit (2); shorter leading
        initials (at least two letters) only partly (1), so "Phòng KT" is
        ambiguous between two "Phòng Kinh tế…" departments and asks back.
        """
        if self.kind in LOCALITY_KINDS or core == full or len(core) < 2:
            return []
        kind = full[: len(full) - len(core)]
        letters = "".join(w[0] for w in core if w != "va")
        found: list[tuple[tuple[str, ...], int]] = [((*kind, letters), 2)]
        for size in range(2, len(letters)):
            found.append(((*kind, letters[:size]), 1))
        return found


def strip_kind(name_words: tuple[str, ...]) -> tuple[str, ...]:
    """Drop the leading kind word(s) ("xa", "phuong", "so", "van phong"…) of a folded name."""
    for kind in sorted(UNIT_KIND_WORDS, key=len, reverse=True):
        parts = tuple(kind.split())
        if name_words[: len(parts)] == parts and len(name_words) > len(parts):
            return name_words[len(parts) :]
    return name_words


@dataclass(frozen=True)
class PersonEntry:
    """A person the user may see, so that "xã của anh Lê Văn Cường" names that unit."""

    name: str
    unit_code: str
    code: str = ""

    def alias(self) -> tuple[str, ...]:
        """The folded full name (family, middle and given names)."""
        return tuple(words(self.name))


@dataclass(frozen=True)
class KeyResultEntry:
    """A key result the user may see.

    Attributes:
        code: key result code.
        unit_code: owning unit (for personal plans, the person's unit).
        title: the key result's title.
        task_title: its task's title.
        metric_code: metric dictionary code, empty when none.
        metric_name: the metric's name and synonyms, empty when none.
        perspective: balanced-scorecard perspective.
        year: the plan period's year.
        personal: whether it belongs to a personal plan.
    """

    code: str
    unit_code: str
    title: str
    task_title: str = ""
    metric_code: str = ""
    metric_name: str = ""
    perspective: str = ""
    year: int = 0
    personal: bool = False

    def text(self) -> str:
        """The words a question about this key result may use."""
        metric_words = self.metric_code.replace(".", " ").replace("_", " ")
        return f"{self.title} {self.title} {self.metric_name} {self.task_title} {metric_words}"


@dataclass(frozen=True)
class Catalogue:
    """Units, key results and people in the asking user's scope."""

    units: tuple[UnitEntry, ...]
    key_results: tuple[KeyResultEntry, ...] = field(default_factory=tuple)
    people: tuple[PersonEntry, ...] = field(default_factory=tuple)

    def unit(self, code: str) -> UnitEntry | None:
        """The unit with this code, if visible."""
        return next((u for u in self.units if u.code == code), None)
