"""The most rows any one list the kiosk shows is built from, whatever a pack holds."""

# Real lists are far shorter (412 jobs, about 25 sectors, 50 places); a hostile pack may hold 250,000 rows of a
# table (pack_limits.MAX_TABLE_ROWS), and a page built from all of them would freeze the screen. Long lists page
# at this size (pages/paging.py); lists that are short by nature stop here. It divides by 2, 3, 4, 5, 6, 8, 10
# and 12, so screens of tiles end where a page ends.
MOST_IN_A_LIST = 480
