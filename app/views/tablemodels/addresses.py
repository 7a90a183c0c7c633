"""Person and organisation list models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.addresses import ListFilter, OrganisationRow, PersonRow
from app.services.addresses import AddressService, Page
from app.services.lists import Sort
from app.services.validation import format_phone
from app.views.labels import status_text
from app.views.tablemodels.windowed import Column, WindowedTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("AddressColumns", text)


PERSON_COLUMNS = (
    Column(
        "last_name", lambda: _t("Last name"), lambda r: r.last_name, "name", width=150
    ),
    Column("first_name", lambda: _t("First name"), lambda r: r.first_name, width=120),
    Column(
        "organisation",
        lambda: _t("Organisation"),
        lambda r: r.organisation,
        "organisation",
        width=220,
    ),
    Column("email", lambda: _t("E-mail"), lambda r: r.email, width=230),
    Column(
        "phone",
        lambda: _t("Phone"),
        lambda r: format_phone(r.phone) if r.phone else "",
        width=150,
    ),
    Column(
        "postcode", lambda: _t("Postcode"), lambda r: r.postcode, "postcode", width=80
    ),
    Column("city", lambda: _t("City"), lambda r: r.city, "city", width=140),
    Column("status", lambda: _t("Status"), lambda r: status_text(r.status), width=110),
)

ORGANISATION_COLUMNS = (
    Column("name", lambda: _t("Name"), lambda r: r.name, "name", width=260),
    Column(
        "customer_number",
        lambda: _t("Customer no."),
        lambda r: r.customer_number,
        width=120,
    ),
    Column("industry", lambda: _t("Industry"), lambda r: r.industry, width=170),
    Column("email", lambda: _t("E-mail"), lambda r: r.email, width=210),
    Column(
        "phone",
        lambda: _t("Phone"),
        lambda r: format_phone(r.phone) if r.phone else "",
        width=150,
    ),
    Column(
        "postcode", lambda: _t("Postcode"), lambda r: r.postcode, "postcode", width=80
    ),
    Column("city", lambda: _t("City"), lambda r: r.city, "city", width=140),
    Column("status", lambda: _t("Status"), lambda r: status_text(r.status), width=110),
)


def _first(result: tuple[int, Page[Any]]) -> tuple[int, Sequence[Any]]:
    return result[0], result[1].rows


class PersonTableModel(WindowedTableModel):
    """The person list for a :class:`ListFilter`, paged from :class:`AddressService`."""

    def __init__(self, service: AddressService, parent: Any = None) -> None:
        self._service = service
        self.filter = ListFilter()
        super().__init__(
            PERSON_COLUMNS,
            fetch_count=lambda: service.count_persons(self.filter),
            fetch_page=self._page,
            fetch_first=lambda limit, key, desc: _first(
                service.first_person_page(self.filter, Sort(key, desc), limit=limit)
            ),
            locate=lambda rid, key, desc: (
                None
                if self.filter.search
                else service.person_row_number(self.filter, Sort(key, desc), rid)
            ),
            default_sort="name",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, key: str, desc: bool
    ) -> Sequence[PersonRow]:
        return self._service.person_page(
            self.filter, Sort(key, desc), offset=offset, limit=limit, total=total
        ).rows


class OrganisationTableModel(WindowedTableModel):
    """The organisation list for a :class:`ListFilter`."""

    def __init__(self, service: AddressService, parent: Any = None) -> None:
        self._service = service
        self.filter = ListFilter()
        super().__init__(
            ORGANISATION_COLUMNS,
            fetch_count=lambda: service.count_organisations(self.filter),
            fetch_page=self._page,
            fetch_first=lambda limit, key, desc: _first(
                service.first_organisation_page(
                    self.filter, Sort(key, desc), limit=limit
                )
            ),
            locate=lambda rid, key, desc: (
                None
                if self.filter.search
                else service.organisation_row_number(self.filter, Sort(key, desc), rid)
            ),
            default_sort="name",
            parent=parent,
        )

    def _page(
        self, offset: int, limit: int, total: int, key: str, desc: bool
    ) -> Sequence[OrganisationRow]:
        return self._service.organisation_page(
            self.filter, Sort(key, desc), offset=offset, limit=limit, total=total
        ).rows
