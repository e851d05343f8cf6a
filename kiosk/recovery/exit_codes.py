"""The exit codes the kiosk uses to tell its service manager why it stopped."""

# Staff left through the staff screen: the service must stay stopped (sysexits' EX_TEMPFAIL, unused by Python).
# Debian 12's cage 0.1.4 exits 0 whatever its client returns, so under cage the unit cannot see this code: the
# kiosk also leaves STAFF_LEFT_FILE in its data directory, holding this boot's id, for the unit to check.
STAFF_LEFT = 75
STAFF_LEFT_FILE = "left-by-staff"
