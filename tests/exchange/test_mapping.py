"""Automatic mapping from German, English and French headings; header detection."""

from __future__ import annotations

import pytest

from app.exchange.entities import ENTITIES, ORGANISATIONS, PERSONS
from app.exchange.mapping import auto_map, detect_header_row, heading_key, synonyms


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            [
                "Anrede",
                "Vorname",
                "Nachname",
                "Firma",
                "E-Mail",
                "Tel.",
                "PLZ",
                "Ort",
                "Strasse",
                "Kanton",
                "Geburtsdatum",
                "Natel",
                "Funktion",
                "Bemerkungen",
                "Land",
                "Sprache",
            ],
            [
                "salutation",
                "first_name",
                "last_name",
                "organisation",
                "email",
                "phone",
                "postcode",
                "city",
                "street_and_number",
                "region",
                "birth_date",
                "mobile",
                "role",
                "notes",
                "country",
                "language",
            ],
        ),
        (
            [
                "First name",
                "Last name",
                "Company",
                "Email",
                "Phone",
                "Zip code",
                "City",
                "Street",
                "No.",
                "Date of birth",
            ],
            [
                "first_name",
                "last_name",
                "organisation",
                "email",
                "phone",
                "postcode",
                "city",
                "street",
                "house_number",
                "birth_date",
            ],
        ),
        (
            [
                "Civilité",
                "Prénom",
                "Nom",
                "Entreprise",
                "Courriel",
                "Téléphone",
                "NPA",
                "Localité",
                "Rue",
                "Canton",
                "Date de naissance",
            ],
            [
                "salutation",
                "first_name",
                "last_name",
                "organisation",
                "email",
                "phone",
                "postcode",
                "city",
                "street_and_number",
                "region",
                "birth_date",
            ],
        ),
        (["Name", "E-Mail-Adresse", "Handy"], ["full_name", "email", "mobile"]),
    ],
)
def test_person_headings_in_three_languages(
    headers: list[str], expected: list[str]
) -> None:
    mapping = auto_map(headers, PERSONS)
    assert [mapping.get(i) for i in range(len(headers))] == expected


def test_organisation_headings() -> None:
    headers = [
        "Firma",
        "Kundennummer",
        "Branche",
        "Umsatz",
        "PLZ",
        "Ort",
        "Strasse",
        "Nr.",
        "UID",
        "Website",
    ]
    mapping = auto_map(headers, ORGANISATIONS)
    assert mapping == {
        0: "name",
        1: "customer_number",
        2: "industry",
        4: "postcode",
        5: "city",
        6: "street",
        7: "house_number",
        8: "uid",
        9: "web",
    }


def test_each_field_once_and_template_wins() -> None:
    headers = ["E-Mail", "Email", "Kontakt 1"]
    assert auto_map(headers, PERSONS) == {0: "email"}
    template = {heading_key("Kontakt 1"): "full_name", heading_key("E-Mail"): "notes"}
    # "E-Mail" and "Email" fold alike: both are "notes" now, the first wins
    assert auto_map(headers, PERSONS, template) == {0: "notes", 2: "full_name"}


def test_header_row_below_title_rows_is_found() -> None:
    rows = [
        ["Adressliste Stand 1.3.2026"],
        [],
        ["Vorname", "Nachname", "PLZ"],
        ["Anna", "Muster", "8001"],
    ]
    assert detect_header_row(rows, PERSONS) == 2
    assert detect_header_row([["x", "y"], ["1", "2"]], PERSONS) == 0


def test_every_field_reachable_by_its_key_and_label() -> None:
    for spec in ENTITIES.values():
        table = synonyms(spec)
        for field in spec.fields:
            assert table[heading_key(field.key)] == field.key or field.key in ("name",)
            assert table[heading_key(field.label)] in {
                field.key,
                "name",
                "organisation",
            }


def test_german_export_headings_map_back_to_their_fields() -> None:
    """The GUI exports German column titles; re-importing them must find the fields."""
    from xml.etree import ElementTree

    from app.views.i18n import resources_dir

    root = ElementTree.parse(resources_dir() / "i18n" / "relata_de.ts").getroot()
    german = {}
    for context in root.iter("context"):
        if context.findtext("name") == "Exchange":
            for message in context.iter("message"):
                german[message.findtext("source")] = message.findtext("translation")
    from app.views.exchange.texts import field_label

    for spec in ENTITIES.values():
        table = synonyms(spec)
        for field in spec.export_fields():
            english = field_label(field.key)  # no translator installed: the source text
            assert table.get(heading_key(german[english])) == field.key, (
                field.key,
                german[english],
            )
