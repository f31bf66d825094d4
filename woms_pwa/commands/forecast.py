"""``woms forecast --input CSV --as-of YYYY-MM [--json]`` (exchange-format.md §3)."""

from __future__ import annotations

import argparse
from typing import Any

from woms_pwa.commands import add_command, print_result
from woms_pwa.core.settings import Settings


def cmd_forecast(args: argparse.Namespace, settings: Settings) -> int:
    """Year-end forecasts of every series of a history CSV; exit 2 on bad input."""
    from analytics.forecast import ForecastInputError, forecast_csv
    from analytics.forecast.cli import format_forecast_vi
    from woms_pwa.cli import BadInput

    try:
        rows = forecast_csv(args.input, args.as_of)
    except ForecastInputError as exc:
        raise BadInput(str(exc)) from exc
    print_result(args, format_forecast_vi(rows), rows)
    return 0


def register(sub: Any) -> None:
    """Add the ``forecast`` sub-command."""
    command = add_command(sub, "forecast", cmd_forecast, "dự báo cuối năm từ tệp lịch sử CSV")
    command.add_argument("--input", required=True, help="tệp CSV: series,year,month,value[,target]")
    command.add_argument("--as-of", required=True, dest="as_of", help="tháng tính đến, YYYY-MM")
