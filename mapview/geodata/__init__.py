"""Build tooling for the committed boundary data in ``geodata/`` (sectors and background context)."""
