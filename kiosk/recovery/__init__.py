"""Recovery: telling systemd the kiosk is alive, keeping a record of its starts, and resting after repeated crashes."""
