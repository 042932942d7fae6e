from __future__ import annotations

import pytest


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """Reset CKAN's tables, then apply the migrations of the plugins we load."""
    reset_db()
    migrate_db_for("activity")
    migrate_db_for("harvest")
