"""mapview: a desktop map of the reported ISF sector leads in Gaza, every colour anchored to a source passage."""

__version__ = "0.1.0"
