"""Builders and data shared by several test modules (not tests themselves)."""
