"""Knowledge base: articles, tags, search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import NotFoundError, ValidationError
from app.domain.journal import ArticleData
from app.services.journal_services import JournalServices
from app.services.knowledge import parse_tags


def test_parse_tags_trims_and_drops_duplicates() -> None:
    assert parse_tags(" VPN, login;  vpn ,, Zwei  Wörter") == (
        "VPN",
        "login",
        "Zwei Wörter",
    )


@given(st.text())
def test_parse_tags_is_idempotent(value: str) -> None:
    once = parse_tags(value)
    assert parse_tags(", ".join(once)) == once
    assert all(tag and "," not in tag and ";" not in tag for tag in once)


def test_articles_are_found_by_title_body_and_tags(js: JournalServices) -> None:
    kb = js.knowledge
    vpn, _ = kb.create_article(
        ArticleData("VPN verbinden", "Client «Relata Connect» starten.", ("Netzwerk",))
    )
    pw, _ = kb.create_article(
        ArticleData("Passwort zurücksetzen", "Über das Portal.", ("login", "Konto"))
    )
    assert [r.id for r in kb.search("zuruck")] == [pw.id]
    assert [r.id for r in kb.search("netzw")] == [vpn.id]
    assert [r.id for r in kb.search("connect")] == [vpn.id]
    assert kb.count() == 2
    assert [r.title for r in kb.page().rows] == [
        "Passwort zurücksetzen",
        "VPN verbinden",
    ]
    kb.update_article(vpn.id, ArticleData("VPN einrichten", "Neu", ("WLAN",)))
    assert kb.search("netzw") == []
    assert [r.tags for r in kb.search("wlan")] == [("WLAN",)]
    kb.delete_article(pw.id)
    assert kb.search("passwort") == []
    with pytest.raises(NotFoundError):
        kb.get_article(pw.id)


def test_an_article_needs_a_title(js: JournalServices) -> None:
    with pytest.raises(ValidationError) as err:
        js.knowledge.create_article(ArticleData("  ", "body"))
    assert err.value.for_field("title") is not None
    assert js.knowledge.count() == 0
