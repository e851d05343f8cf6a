"""Big pictures (large-symbol mode) built as Grid 3 builds it: a few big cells a screen, and nothing scrolls."""
