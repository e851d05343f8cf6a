"""Tests of the headless staff tools and the staff screen's fake services."""
