"""`dateline actors`: every actor mention, what it resolved to, and which rule decided."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from dateline.cli.app import (
    ACTORS_OPTION,
    MODEL_OPTION,
    PUBLISHED_OPTION,
    app,
    console,
    err_console,
    handle_errors,
    parse_date,
)
from dateline.errors import InputError
from dateline.settings import Settings


@app.command("actors")
@handle_errors
def actors_cli(
    inputs: list[str] = typer.Argument(..., help="Files, directories or '-' for stdin."),
    published: str = PUBLISHED_OPTION,
    actors_files: list[Path] = ACTORS_OPTION,
    model: str = MODEL_OPTION,
    as_json: bool = typer.Option(
        False, "--json", help="One JSON object per mention instead of a table."
    ),
) -> None:
    """Show how every actor mention was resolved, to debug a miscoding.

    Each row is one mention: the words, the actor it resolved to (name, ISO-3166 country,
    PLOVER sector) and the rule or knowledge-base entry that decided it.

    Examples:

      dateline actors article.txt

      dateline actors article.txt --actors my_actors.yaml --json
    """
    from dateline.actors.resolve import describe, resolve_actors
    from dateline.ingest import iter_articles
    from dateline.nlp import annotate
    from dateline.pipeline import get_pipeline
    from dateline.select import sentence_numbers

    settings = Settings.load(
        model=model, actors_files=tuple(str(p) for p in actors_files) if actors_files else None
    )
    pipeline = get_pipeline(settings)
    failed = False
    for item in iter_articles(inputs, settings, published=parse_date(published)):
        if isinstance(item, InputError):
            failed = True
            err_console.print(f"[bold red]Error:[/] {item}", highlight=False)
            continue
        doc = annotate(pipeline.nlp, item.text)
        index = resolve_actors(doc, item, pipeline.kb)
        rows = list(describe(index))
        # number sentences as 'dateline code' does (the cheap pass's sentences of the article)
        numbers = None if settings.full_parse else sentence_numbers(
            doc, pipeline.selector.plan(item.text).starts
        )  # fmt: skip

        def sentence_of(mention, numbers=numbers):
            i = mention.sentence
            return numbers[i] if numbers and i is not None and 0 <= i < len(numbers) else i

        if as_json:
            for text, actor, mention in rows:
                sys.stdout.write(json.dumps({
                    "article": item.id, "text": text, "start": mention.start, "end": mention.end,
                    "sentence": sentence_of(mention), "actor": actor.id, "name": actor.name,
                    "country": actor.country, "sector": actor.sector, "kind": actor.kind, "rule": mention.rule,
                }, ensure_ascii=False) + "\n")  # fmt: skip
            continue
        table = Table(title=item.title or item.origin or item.id, title_justify="left", expand=True)
        for col in ("sent", "mention", "actor", "country", "sector", "rule"):
            table.add_column(col)
        for text, actor, mention in rows:
            table.add_row(
                str(sentence_of(mention)),
                text,
                actor.name,
                actor.country or "",
                actor.sector or "",
                mention.rule,
            )
        console.print(table)
    if failed:
        raise typer.Exit(1)
