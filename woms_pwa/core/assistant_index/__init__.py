"""Bookkeeping of the assistant's index: how far each source table has been indexed."""
