"""Evaluation of units and people: declarations, scoring runs, the review workflow."""
