"""``kroniek upgrade``: bring a database to this kroniek's schema, explicitly."""

from __future__ import annotations

import sqlalchemy as sa

from kroniek.cli.common import DbOption, console, friendly, remember_database
from kroniek.store import failures, open_engine
from kroniek.store.database import migrate


@friendly
def upgrade_command(db: DbOption = None) -> None:
    """Migrate the database to the current schema, creating it if it does not exist.

    Readers (serve without --token, stats, docs, show, events, export...) never change a
    database; they ask for this command when the schema is older.
    """
    where = remember_database(db)
    engine = open_engine(db, migrate=False)
    try:
        before, after = migrate(engine)
    except sa.exc.DBAPIError as error:
        raise failures.store_error(error, where) from None
    finally:
        engine.dispose()
    if before is None:
        console.print(f"created {where} at schema version {after}", highlight=False)
    elif before == after:
        console.print(f"{where} is already at schema version {after}", highlight=False)
    else:
        console.print(f"upgraded {where} from schema version {before} to {after}",
                      highlight=False)
