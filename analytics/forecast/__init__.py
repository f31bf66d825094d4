"""Year-end forecasts of cumulative year-to-date key results.

``forecast_year_end`` turns a long history frame into a frozen
:class:`ForecastResult`; ``forecast_csv`` implements the
``woms forecast --input CSV --as-of YYYY-MM`` contract.
"""

from analytics.forecast.cli import ForecastInputError, forecast_csv, read_history_csv
from analytics.forecast.engine import ForecastResult, forecast_year_end
from analytics.forecast.profile import estimate_profiles

__all__ = [
    "ForecastInputError",
    "ForecastResult",
    "estimate_profiles",
    "forecast_csv",
    "forecast_year_end",
    "read_history_csv",
]
