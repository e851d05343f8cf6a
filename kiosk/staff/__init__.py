"""Staff tools without Qt: the staff PIN, anonymous usage counts, the settings file and the staff services."""
