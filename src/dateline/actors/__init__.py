"""Actors: the knowledge base of who is who, and resolving every mention in an article."""

from dateline.actors.index import ActorIndex

__all__ = ["ActorIndex"]
