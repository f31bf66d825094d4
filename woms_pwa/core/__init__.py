"""The WOMS domain: tables, permissions, workflow and services.

Imports neither reflex nor langchain, so the CLI, the API, the web app and the
tests all use the same rules.
"""
