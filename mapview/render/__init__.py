"""Rendering layer: the map drawn with matplotlib (headless, no pyplot) and the exports built on it."""
