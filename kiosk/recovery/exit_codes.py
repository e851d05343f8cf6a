"""The exit codes the kiosk uses to tell its service manager why it stopped."""

# Staff left through the staff screen: the service must stay stopped (sysexits' EX_TEMPFAIL, unused by Python).
# Debian 12's cage 0.1.4 exits 0 whatever its client returns, so the appliance's session script hands this code
# on itself (kiosk/appliance/units.py), and the unit's RestartPreventExitStatus= sees it.
STAFF_LEFT = 75
