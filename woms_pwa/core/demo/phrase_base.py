"""Context object and registry for check-in phrases (see phrases.py)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .common import vn_num
from .model import KR
from .series import decimals
from .units import Unit


@dataclass
class Ctx:
    """Everything a phrase may use to describe one reading."""

    kr: KR
    unit: Unit | None  # the planned unit (None for the province and for people)
    where: str  # "xã Tân Phong", "Sở Tài chính", "toàn tỉnh"
    month: int
    year: int
    value: float
    prev: float | None
    rng: random.Random

    def v(self, x: float | None = None) -> str:
        """The reading (or ``x``) formatted the Vietnamese way."""
        return vn_num(self.value if x is None else x, decimals(self.kr.unit))

    @property
    def t(self) -> str:
        """The target formatted the Vietnamese way."""
        return vn_num(self.kr.target, decimals(self.kr.unit))

    @property
    def mm(self) -> str:
        """'tháng 6/2025'."""
        return f"tháng {self.month}/{self.year}"

    @property
    def gain(self) -> float:
        """Increase since the previous reading."""
        return self.value - (self.prev or 0.0)

    def place(self, avoid: str = "") -> str:
        """A random thôn / tổ dân phố of the unit (or the unit itself), other than ``avoid``."""
        places = tuple(p for p in self.unit.places if p != avoid) if self.unit else ()
        if places:
            return self.rng.choice(places)
        return self.where

    def pick(self, *options: str) -> str:
        """One of ``options``."""
        return self.rng.choice(options)


Phrase = Callable[[Ctx], str]

PHRASES: dict[str, Phrase] = {}


def register(key: str) -> Callable[[Phrase], Phrase]:
    """Decorator: register ``fn`` as the phrase for ``key``."""

    def deco(fn: Phrase) -> Phrase:
        PHRASES[key] = fn
        return fn

    return deco
