"""Support for the offline queue: the user's own plan as JSON, and re-mapping holds.

Evidence photos of queued check-ins are stored by the form engine's store
(``core/forms/evidence``).
"""
