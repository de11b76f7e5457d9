"""Alembic environment: run with a connection handed over by kr_desktop.db.migrate."""

from alembic import context

from kr_desktop.db.models import Base
from kr_desktop.db.schema_scope import hooks

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # plain `alembic` command line: open the configured URL
        from kr_desktop.db.engine import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:
    include_name, include_object = hooks(connection.dialect.name)
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
        # the name search index and the tables of one backend only: see schema_scope
        include_name=include_name,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("kr_desktop migrations run online only")
run_migrations_online()
