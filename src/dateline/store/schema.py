"""The event store's tables, as named migration functions applied in order and recorded."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]

# Columns of the events table, in order (also the keys ``store.add_result`` writes).
EVENT_COLUMNS = (
    "id", "article_id", "event_index", "event", "mode", "context", "cameo", "quad_class",
    "goldstein", "source_text", "source_name", "source_country", "source_sector",
    "source_actor_id", "target_text", "target_name", "target_country", "target_sector",
    "target_actor_id", "date", "date_precision", "day", "sentence", "sentence_text",
    "trigger_text", "trigger_start", "trigger_end", "negated", "modality", "reported_by_text",
    "reported_by_name", "reported_by_country", "reported_by_sector", "location_name",
    "location_country", "location_admin1", "location_lat", "location_lon", "location_precision",
    "confidence", "group_id", "date_note", "location_feature_id", "location_basis",
    "location_text", "part",
)  # fmt: skip

ARTICLE_COLUMNS = (
    "id", "title", "authors", "published", "source", "url", "origin", "text", "minhash",
    "duplicate_of", "similarity", "run_id", "coded_at", "record_id",
)  # fmt: skip

QUOTE_COLUMNS = (
    "id", "article_id", "quote_index", "text", "start_char", "end_char", "sentence",
    "speaker_text", "speaker_name", "speaker_country", "speaker_sector", "speaker_actor_id",
)  # fmt: skip

ACTOR_COLUMNS = ("id", "article_id", "actor_id", "name", "country", "sector", "kind")

MENTION_COLUMNS = (
    "actor_key", "article_id", "actor_id", "mention_index", "text", "start_char", "end_char",
    "sentence", "rule",
)  # fmt: skip


def m001_initial(con: duckdb.DuckDBPyConnection) -> None:
    """Articles, events, actors, mentions, quotes, runs and errors."""
    con.execute(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            authors VARCHAR[],
            published DATE,
            source VARCHAR,
            url VARCHAR,
            origin VARCHAR,
            text VARCHAR,
            minhash UBIGINT[],
            duplicate_of VARCHAR,
            similarity DOUBLE,
            run_id VARCHAR,
            coded_at TIMESTAMP
        )"""
    )
    con.execute(
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event_index INTEGER NOT NULL,
            event VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            source_text VARCHAR,
            source_name VARCHAR,
            source_country VARCHAR,
            source_sector VARCHAR,
            source_actor_id VARCHAR,
            target_text VARCHAR,
            target_name VARCHAR,
            target_country VARCHAR,
            target_sector VARCHAR,
            target_actor_id VARCHAR,
            date VARCHAR,
            date_precision VARCHAR,
            day DATE,
            sentence INTEGER,
            sentence_text VARCHAR,
            trigger_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            negated BOOLEAN NOT NULL DEFAULT false,
            modality VARCHAR,
            reported_by_text VARCHAR,
            reported_by_name VARCHAR,
            reported_by_country VARCHAR,
            reported_by_sector VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            location_admin1 VARCHAR,
            location_lat DOUBLE,
            location_lon DOUBLE,
            location_precision VARCHAR,
            confidence DOUBLE,
            group_id VARCHAR NOT NULL
        )"""
    )
    con.execute(
        """
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            kind VARCHAR
        )"""
    )
    con.execute(
        """
        CREATE TABLE mentions (
            actor_key VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            mention_index INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            sentence INTEGER,
            rule VARCHAR,
            PRIMARY KEY (actor_key, mention_index)
        )"""
    )
    con.execute(
        """
        CREATE TABLE quotes (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            quote_index INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            sentence INTEGER,
            speaker_text VARCHAR,
            speaker_name VARCHAR,
            speaker_country VARCHAR,
            speaker_sector VARCHAR,
            speaker_actor_id VARCHAR
        )"""
    )
    con.execute(
        """
        CREATE TABLE runs (
            id VARCHAR PRIMARY KEY,
            started TIMESTAMP NOT NULL,
            finished TIMESTAMP,
            status VARCHAR NOT NULL DEFAULT 'running',
            inputs VARCHAR[],
            settings JSON,
            dateline_version VARCHAR,
            model VARCHAR,
            model_version VARCHAR,
            articles INTEGER DEFAULT 0,
            skipped INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0,
            events INTEGER DEFAULT 0,
            errors INTEGER DEFAULT 0
        )"""
    )
    con.execute(
        """
        CREATE TABLE errors (
            run_id VARCHAR,
            kind VARCHAR NOT NULL,
            item VARCHAR,
            article_id VARCHAR,
            reason VARCHAR NOT NULL,
            "at" TIMESTAMP NOT NULL
        )"""
    )
    con.execute("CREATE INDEX events_article ON events (article_id)")
    con.execute("CREATE INDEX quotes_article ON quotes (article_id)")
    con.execute("CREATE INDEX actors_article ON actors (article_id)")


def m002_event_groups(con: duckdb.DuckDBPyConnection) -> None:
    """The ``event_groups`` view: one row per happening, GDELT-style NumArticles/NumSources."""
    con.execute(
        """
        CREATE VIEW event_groups AS
        SELECT
            e.group_id,
            min(e.day) AS day,
            arg_min(e.event, e.id) AS event,
            arg_min(e.cameo, e.id) AS cameo,
            arg_min(e.quad_class, e.id) AS quad_class,
            avg(e.goldstein) AS goldstein,
            arg_min(e.source_country, e.id) AS source_country,
            arg_min(e.source_name, e.id) AS source_name,
            arg_min(e.target_country, e.id) AS target_country,
            arg_min(e.target_name, e.id) AS target_name,
            min(e.id) AS first_event_id,
            count(*) AS num_mentions,
            count(DISTINCT e.article_id) AS num_articles,
            count(DISTINCT coalesce(a.source, a.url, a.id)) AS num_sources
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE NOT e.negated
        GROUP BY e.group_id"""
    )


def m003_record_ids(con: duckdb.DuckDBPyConnection) -> None:
    """``articles.record_id``: the corpus record's own id (--id-field), to join results back."""
    con.execute("ALTER TABLE articles ADD COLUMN record_id VARCHAR")


def m004_watch(con: duckdb.DuckDBPyConnection) -> None:
    """`dateline watch`: each source's state, each item seen, and each round's counts."""
    con.execute(
        """
        CREATE TABLE watch_sources (
            url VARCHAR PRIMARY KEY,
            kind VARCHAR,
            title VARCHAR,
            added TIMESTAMP NOT NULL,
            last_checked TIMESTAMP,
            last_success TIMESTAMP,
            last_new TIMESTAMP,
            status VARCHAR,
            last_error VARCHAR,
            etag VARCHAR,
            last_modified VARCHAR,
            failures INTEGER NOT NULL DEFAULT 0,
            next_due TIMESTAMP
        )"""
    )
    con.execute(
        """
        CREATE TABLE watch_items (
            url VARCHAR PRIMARY KEY,
            canonical_url VARCHAR,
            source_url VARCHAR NOT NULL,
            first_seen TIMESTAMP NOT NULL,
            last_tried TIMESTAMP NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            status VARCHAR NOT NULL,
            reason VARCHAR,
            article_id VARCHAR,
            run_id VARCHAR
        )"""
    )
    con.execute(
        """
        CREATE TABLE watch_rounds (
            run_id VARCHAR PRIMARY KEY,
            started TIMESTAMP NOT NULL,
            finished TIMESTAMP,
            sources INTEGER DEFAULT 0,
            sources_checked INTEGER DEFAULT 0,
            sources_failed INTEGER DEFAULT 0,
            not_modified INTEGER DEFAULT 0,
            new_items INTEGER DEFAULT 0,
            coded INTEGER DEFAULT 0,
            failed INTEGER DEFAULT 0,
            skipped INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0,
            events INTEGER DEFAULT 0,
            export_path VARCHAR
        )"""
    )


def m005_event_date_notes(con: duckdb.DuckDBPyConnection) -> None:
    """``events.date_note``: why an event's date is unusual (after publication as the text says)."""
    con.execute("ALTER TABLE events ADD COLUMN date_note VARCHAR")


def m006_location_detail(con: duckdb.DuckDBPyConnection) -> None:
    """Where each event happened, in more detail: the gazetteer's feature id (GeoNames id of a
    town, FIPS code of a division or country), the rule that placed it, and the words used."""
    for column in ("location_feature_id", "location_basis", "location_text"):
        con.execute(f"ALTER TABLE events ADD COLUMN {column} VARCHAR")


def m007_event_part(con: duckdb.DuckDBPyConnection) -> None:
    """``events.part``: where the trigger is, ``text`` (offsets and sentence into
    ``articles.text``) or ``title`` (a headline event: offsets into ``articles.title``). Rows of
    older stores were all coded from the text."""
    con.execute("ALTER TABLE events ADD COLUMN part VARCHAR DEFAULT 'text'")
    con.execute("UPDATE events SET part = 'text' WHERE part IS NULL")


MIGRATIONS: list[Migration] = [
    m001_initial, m002_event_groups, m003_record_ids, m004_watch, m005_event_date_notes,
    m006_location_detail, m007_event_part,
]  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """The migrations not yet recorded in ``schema_migrations`` (all of them on a new file)."""
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    if "schema_migrations" not in tables:
        return list(MIGRATIONS)
    done = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    return [m for m in MIGRATIONS if m.__name__ not in done]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their names."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    applied = []
    for migration in pending(con):
        con.execute("BEGIN TRANSACTION")
        try:
            migration(con)
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.__name__])
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        applied.append(migration.__name__)
    return applied
