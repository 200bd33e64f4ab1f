"""Scenario models: pure computation on arrays (no widgets, no plotting, no file paths)."""
