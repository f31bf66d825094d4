"""Leaders' read models and documents: dashboards, reports (PDF/Excel), fingerprints.

* ``dashboard``: province heatmap, unit and person dashboards (cached per data version);
* ``history``: everything about one key result (check-ins, evidence, notes, audit);
* ``data`` / ``render``: unit reports (month, quarter, year, week) as PDF and Excel;
* ``province``: the province-wide summary table for the review meeting;
* ``pdf``: the shared PDF base of every WOMS document.
"""
