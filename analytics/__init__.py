"""Pure analytics for WOMS: scoring, forecasting, warnings, anomalies, report data.

Nothing here imports reflex or opens a database session: functions take frames
and plain values and return frozen results.
"""
