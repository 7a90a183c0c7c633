"""Select builders for the address lists: filters, sort orders, FTS search, paging.

Lists page with ``LIMIT/OFFSET`` on a covering partial index, and from the far
end with the order reversed, so any row of a million is at most half the table
away (measured: well under the 50 ms budget). Search goes through FTS5 and is
capped at :data:`SEARCH_CAP` matches taken in index order *before* sorting, so a
one-letter prefix that matches half the table still answers in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    UnaryExpression,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.addresses import ListFilter
from app.models import Address, Employment, Organisation, Person

SEARCH_CAP = 2000
_TOKEN = re.compile(r"\w+", re.UNICODE)


class PersonSort(StrEnum):
    """Orders the person list offers (each backed by an index)."""

    NAME = "name"
    ORGANISATION = "organisation"
    POSTCODE = "postcode"
    CITY = "city"


class OrganisationSort(StrEnum):
    """Orders the organisation list offers (each backed by an index)."""

    NAME = "name"
    POSTCODE = "postcode"
    CITY = "city"


@dataclass(frozen=True)
class Sort:
    """A sort key plus direction."""

    key: str
    descending: bool = False


def fts_query(search: str) -> str | None:
    """Turn typed text into an FTS5 query: every word a prefix, all required.

    Digits-only words keep leading zeros so ``079 123`` finds ``0791234567``;
    adjacent digit groups are joined (phone numbers are typed with spaces).
    """
    words = _TOKEN.findall(search)
    merged: list[str] = []
    for word in words:
        if merged and word.isdigit() and merged[-1].isdigit():
            merged[-1] += word
        else:
            merged.append(word)
    terms = [f'"{w}"*' for w in merged if w]
    return " AND ".join(terms) if terms else None


def _person_sort_columns(sort: Sort) -> list[InstrumentedAttribute[str]]:
    cols: dict[str, list[InstrumentedAttribute[str]]] = {
        PersonSort.NAME: [Person.last_name, Person.first_name, Person.id],
        PersonSort.ORGANISATION: [Person.org_name, Person.last_name, Person.id],
        PersonSort.POSTCODE: [Person.postcode, Person.last_name, Person.id],
        PersonSort.CITY: [Person.city, Person.last_name, Person.id],
    }
    return cols.get(sort.key, cols[PersonSort.NAME])


def _person_order(sort: Sort) -> list[UnaryExpression[str]]:
    chosen = _person_sort_columns(sort)
    return [c.desc() if sort.descending else c.asc() for c in chosen]


def _org_sort_columns(sort: Sort) -> list[InstrumentedAttribute[str]]:
    cols: dict[str, list[InstrumentedAttribute[str]]] = {
        OrganisationSort.NAME: [Organisation.name, Organisation.id],
        OrganisationSort.POSTCODE: [
            Organisation.postcode,
            Organisation.name,
            Organisation.id,
        ],
        OrganisationSort.CITY: [Organisation.city, Organisation.name, Organisation.id],
    }
    return cols.get(sort.key, cols[OrganisationSort.NAME])


def _org_order(sort: Sort) -> list[UnaryExpression[str]]:
    chosen = _org_sort_columns(sort)
    return [c.desc() if sort.descending else c.asc() for c in chosen]


#: (the record's sort values, the count of rows before given values)
Position = tuple[Any, Callable[[Sequence[Any]], Select[int]]]


def _position(
    model: type[Person] | type[Organisation],
    cols: list[InstrumentedAttribute[str]],
    where: list[ColumnElement[bool]],
    record_id: str,
    descending: bool,
) -> Position:
    """The record's sort values, and the count of the list's rows before them.

    A row-value comparison on the sort columns walks the list's own covering
    index up to the record, so a record far down a million-row list is found
    without reading the pages before it. The first statement returns no row
    when the list does not hold the record.
    """
    values = select(*cols).where(model.id == record_id, *where)

    def before(found: Sequence[Any]) -> Select[int]:
        here, there = tuple_(*cols), tuple_(*(literal(v) for v in found))
        return (
            select(func.count())
            .select_from(model)
            .where(*where, here > there if descending else here < there)
        )

    return values, before


def person_position(flt: ListFilter, sort: Sort, person_id: str) -> Position:
    """Where ``person_id`` sits in the person list (see :func:`_position`)."""
    return _position(
        Person,
        _person_sort_columns(sort),
        person_where(flt),
        person_id,
        sort.descending,
    )


def organisation_position(
    flt: ListFilter, sort: Sort, organisation_id: str
) -> Position:
    """Where ``organisation_id`` sits in the organisation list."""
    return _position(
        Organisation,
        _org_sort_columns(sort),
        organisation_where(flt),
        organisation_id,
        sort.descending,
    )


def _common(
    model: type[Person] | type[Organisation], flt: ListFilter
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        conds.append(model.deleted_at.is_(None))
    if flt.status:
        conds.append(model.status.in_(sorted(flt.status)))
    if flt.postcode_prefix:
        conds.append(model.postcode.startswith(flt.postcode_prefix, autoescape=True))
    if flt.city:
        conds.append(model.city == flt.city)
    if flt.owner_id:
        conds.append(model.owner_id == flt.owner_id)
    return conds


def _search(name: str, flt: ListFilter) -> ColumnElement[bool] | None:
    """``<name>.rowid IN (SELECT rowid FROM <name>_fts WHERE <name>_fts MATCH …)``.

    Built from Core constructs rather than ``text()`` so it is a typed column
    expression like every other condition; the SQL is the same.
    """
    query = fts_query(flt.search)
    if query is None:
        return None
    fts = table(f"{name}_fts", column("rowid"))
    matches = (
        select(fts.c.rowid)
        .where(literal_column(f"{name}_fts").bool_op("MATCH")(query))
        .limit(SEARCH_CAP)
    )
    return literal_column(f"{name}.rowid").in_(matches)


def person_where(flt: ListFilter) -> list[ColumnElement[bool]]:
    """Conditions of the person list for ``flt``."""
    conds = _common(Person, flt)
    if flt.organisation_id:
        conds.append(
            Person.id.in_(
                select(Employment.person_id).where(
                    Employment.organisation_id == flt.organisation_id,
                    Employment.deleted_at.is_(None),
                )
            )
        )
    if flt.region or flt.country:
        sub = select(Address.person_id).where(Address.deleted_at.is_(None))
        if flt.region:
            sub = sub.where(Address.region == flt.region)
        if flt.country:
            sub = sub.where(Address.country == flt.country)
        conds.append(Person.id.in_(sub))
    search = _search("person", flt)
    if search is not None:
        conds.append(search)
    return conds


def organisation_where(flt: ListFilter) -> list[ColumnElement[bool]]:
    """Conditions of the organisation list for ``flt``."""
    conds = _common(Organisation, flt)
    if flt.industry_id:
        conds.append(Organisation.industry_id == flt.industry_id)
    if flt.region or flt.country:
        sub = select(Address.organisation_id).where(Address.deleted_at.is_(None))
        if flt.region:
            sub = sub.where(Address.region == flt.region)
        if flt.country:
            sub = sub.where(Address.country == flt.country)
        conds.append(Organisation.id.in_(sub))
    search = _search("organisation", flt)
    if search is not None:
        conds.append(search)
    return conds


type PersonRowSelect = Select[str, str, str, str, str, str, str, str, str]
"""id, last_name, first_name, org_name, email, phone, postcode, city, status."""
type OrganisationRowSelect = Select[str, str, str, str | None, str, str, str, str, str]
"""id, name, customer_number, industry_id, email, phone, postcode, city, status."""

PERSON_ROW_COLUMNS = (
    Person.id,
    Person.last_name,
    Person.first_name,
    Person.org_name,
    Person.email,
    Person.phone,
    Person.postcode,
    Person.city,
    Person.status,
)
ORG_ROW_COLUMNS = (
    Organisation.id,
    Organisation.name,
    Organisation.customer_number,
    Organisation.industry_id,
    Organisation.email,
    Organisation.phone,
    Organisation.postcode,
    Organisation.city,
    Organisation.status,
)


def person_count(flt: ListFilter) -> Select[int]:
    """``SELECT count(*)`` of the person list."""
    return select(func.count()).select_from(Person).where(*person_where(flt))


def organisation_count(flt: ListFilter) -> Select[int]:
    """``SELECT count(*)`` of the organisation list."""
    return (
        select(func.count()).select_from(Organisation).where(*organisation_where(flt))
    )


def page_window(offset: int, limit: int, total: int) -> tuple[int, int, bool]:
    """(offset, limit, reversed): read from whichever end of the list is nearer.

    A window starting at or past ``total`` (the list shrank since it was
    counted) is empty: SQLite reads a negative ``LIMIT`` as "no limit".
    """
    if total and offset > total // 2:
        end = min(total, offset + limit)
        return total - end, max(0, end - offset), True
    return offset, limit, False


def person_page(
    flt: ListFilter, sort: Sort, *, offset: int, limit: int, total: int
) -> tuple[PersonRowSelect, bool]:
    """Select of one page of the person list and whether rows come reversed."""
    off, lim, rev = page_window(offset, limit, total)
    order = _person_order(Sort(sort.key, sort.descending != rev))
    stmt = (
        select(*PERSON_ROW_COLUMNS)
        .where(*person_where(flt))
        .order_by(*order)
        .offset(off)
        .limit(lim)
    )
    return stmt, rev


def organisation_page(
    flt: ListFilter, sort: Sort, *, offset: int, limit: int, total: int
) -> tuple[OrganisationRowSelect, bool]:
    """Select of one page of the organisation list and whether rows come reversed."""
    off, lim, rev = page_window(offset, limit, total)
    order = _org_order(Sort(sort.key, sort.descending != rev))
    stmt = (
        select(*ORG_ROW_COLUMNS)
        .where(*organisation_where(flt))
        .order_by(*order)
        .offset(off)
        .limit(lim)
    )
    return stmt, rev
