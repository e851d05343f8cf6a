"""LMI for All: the client that syncs it and a local test double that stands in for it."""
