"""Knowledge base (Self Service): short articles to answer service cases from.

Articles are searched through ``kb_article_fts`` (title, body, tags) with the
same prefix-per-word rules as the address search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import ColumnElement, column, func, literal_column, select, table
from sqlalchemy.orm import Session, sessionmaker

from app.db.address_queries import fts_query
from app.domain.changes import Changes, EntityKind
from app.domain.errors import FieldError, NotFoundError, ValidationError
from app.domain.journal import Article, ArticleData, ArticleRow
from app.models import utcnow
from app.models.journal import KbArticle, ServiceCase
from app.services.addresses import Page

SNIPPET_CHARS = 160


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``billing, VPN; login`` → ``("billing", "VPN", "login")``.

    Duplicates (ignoring case) are dropped; the first spelling wins.
    """
    seen: dict[str, str] = {}
    for part in text.replace(";", ",").split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag[:60]
    return tuple(seen.values())


def validate_article(data: ArticleData) -> ArticleData:
    """A title is needed; tags are cleaned."""
    title = " ".join(data.title.split())
    errors: list[FieldError] = []
    if not title:
        errors.append(FieldError("title", "required", "An article needs a title"))
    elif len(title) > 300:
        errors.append(FieldError("title", "too_long", "At most 300 characters", title))
    tags = parse_tags(", ".join(data.tags))
    if len(", ".join(tags)) > 500:
        errors.append(FieldError("tags", "too_long", "Too many tags", data.tags))
    if errors:
        raise ValidationError(errors)
    return ArticleData(title=title, body=data.body.strip(), tags=tags)


def _where(search: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [KbArticle.deleted_at.is_(None)]
    query = fts_query(search)
    if query is not None:
        fts = table("kb_article_fts", column("rowid"))
        matches = select(fts.c.rowid).where(
            literal_column("kb_article_fts").bool_op("MATCH")(query)
        )
        conds.append(literal_column("kb_article.rowid").in_(matches))
    return conds


class KnowledgeService:
    """Write, find and reuse knowledge-base articles."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def create_article(self, data: ArticleData) -> tuple[Article, Changes]:
        """Store a new article."""
        data = validate_article(data)
        with self._sessions.begin() as s:
            row = KbArticle(title=data.title, body=data.body, tags=", ".join(data.tags))
            s.add(row)
            s.flush()
            return self._dto(s, row), Changes.of(EntityKind.KB_ARTICLE, row.id)

    def update_article(
        self, article_id: str, data: ArticleData
    ) -> tuple[Article, Changes]:
        """Store changes to an article."""
        data = validate_article(data)
        with self._sessions.begin() as s:
            row = self._live(s, article_id)
            tags = ", ".join(data.tags)
            for key, value in (
                ("title", data.title),
                ("body", data.body),
                ("tags", tags),
            ):
                if getattr(row, key) != value:
                    setattr(row, key, value)
            s.flush()
            return self._dto(s, row), Changes.of(EntityKind.KB_ARTICLE, row.id)

    def get_article(self, article_id: str) -> Article:
        """The article and how many cases it answers."""
        with self._sessions() as s:
            return self._dto(s, self._live(s, article_id))

    def delete_article(self, article_id: str) -> Changes:
        """Tombstone the article; cases keep pointing at it but show it as removed."""
        with self._sessions.begin() as s:
            row = self._live(s, article_id)
            row.deleted_at = self._clock()
        return Changes.of(EntityKind.KB_ARTICLE, article_id)

    def count(self, search: str = "") -> int:
        """How many articles match ``search``."""
        with self._sessions() as s:
            stmt = select(func.count()).select_from(KbArticle).where(*_where(search))
            return int(s.execute(stmt).scalar_one())

    def page(
        self, search: str = "", *, offset: int = 0, limit: int = 200, total: int = 0
    ) -> Page[ArticleRow]:
        """Articles matching ``search``, by title."""
        del total  # a knowledge base is small; plain OFFSET is enough
        stmt = (
            select(
                KbArticle.id,
                KbArticle.title,
                KbArticle.tags,
                KbArticle.body,
                KbArticle.updated_at,
            )
            .where(*_where(search))
            .order_by(KbArticle.title, KbArticle.id)
            .offset(offset)
            .limit(limit)
        )
        with self._sessions() as s:
            raw = s.execute(stmt).all()
        return Page(
            offset,
            tuple(
                ArticleRow(
                    id=r[0],
                    title=r[1],
                    tags=parse_tags(r[2]),
                    snippet=" ".join(r[3].split())[:SNIPPET_CHARS],
                    updated_at=r[4],
                )
                for r in raw
            ),
        )

    def search(self, text: str, *, limit: int = 20) -> list[ArticleRow]:
        """Articles for a picker."""
        return list(self.page(text, limit=limit).rows)

    @staticmethod
    def _live(s: Session, article_id: str) -> KbArticle:
        row = s.get(KbArticle, article_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("kb_article", article_id)
        return row

    @staticmethod
    def _dto(s: Session, row: KbArticle) -> Article:
        cases = s.execute(
            select(func.count())
            .select_from(ServiceCase)
            .where(ServiceCase.article_id == row.id, ServiceCase.deleted_at.is_(None))
        ).scalar_one()
        return Article(
            id=row.id,
            title=row.title,
            body=row.body,
            tags=parse_tags(row.tags),
            updated_at=row.updated_at,
            case_count=int(cases),
        )
