"""The metric library in the application: stored dictionary, suggestions, curation."""
