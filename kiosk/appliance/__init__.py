"""The kiosk as an appliance: install it on a Debian 12 PC (a user, packages, releases, systemd units), update it,
roll it back and remove it."""
