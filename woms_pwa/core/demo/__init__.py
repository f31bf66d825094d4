"""Realistic demo province (Tỉnh Hưng Yên) for WOMS, in the exchange format.

Usage::

    from woms_pwa.core.demo import build_demo_dataset, DEMO_ACCOUNTS

    sheets = build_demo_dataset()  # {"units": DataFrame, "people": ..., ...}

The package is self-contained (pandas and the standard library only).
"""

from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from .common import COLUMNS
from .dataset import build_demo_dataset
from .stories import BEHIND_UNITS

__all__ = ["BEHIND_UNITS", "COLUMNS", "DEMO_ACCOUNTS", "DEMO_PASSWORD", "build_demo_dataset"]
