"""The kiosk's opening hours and the screen's backlight: plain logic with no Qt, so it can be tested alone."""
