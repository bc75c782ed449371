"""Ingest: add articles to the seeds, propose claims from their text, and let a person accept or reject them.

Pure Python (no Qt, no matplotlib). The extractor only proposes; nothing it finds is drawn until a reviewer
accepts it into the claims file, where it is verified like every other claim.
"""
