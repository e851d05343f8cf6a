"""The database's list of required tables stays in step with the pack schema."""

from kiosk.content.db_schema import PACK_TABLES
from kiosk.content.schema import TABLES


def test_every_pack_table_is_required_in_the_database() -> None:
    assert PACK_TABLES == set(TABLES)
