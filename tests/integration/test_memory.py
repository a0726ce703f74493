"""Long-term memory on SQLite and PostgreSQL: remember, recall, forget, list, isolation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import Forget, Recall, Remember
from nudge.features.memory import service
from nudge.features.memory.embeddings import HashingEmbedder
from nudge.features.users import service as users
from tests.integration.memory_helpers import run_as

ANA, BEN = "+15145550001", "+15145550002"


async def test_remember_then_recall_quotes_the_fact(services: Services) -> None:
    reply = await run_as(services, ANA, Remember("my locker code is 4512"))
    assert reply == "Got it, I'll remember: my locker code is 4512"
    await run_as(services, ANA, Remember("my sister's birthday is March 3"))
    assert await run_as(services, ANA, Recall("what's my locker code?")) == (
        "You told me: Your locker code is 4512"
    )
    assert "March 3" in await run_as(services, ANA, Recall("when is my sister's birthday"))


async def test_recall_in_french_and_nothing_found(services: Services) -> None:
    await run_as(services, ANA, Remember("mon code de casier est 4512"), locale="fr")
    reply = await run_as(services, ANA, Recall("c'est quoi mon code de casier"), locale="fr")
    assert reply == "Tu m'as dit : Ton code de casier est 4512"
    assert "rien" in await run_as(services, ANA, Recall("le wifi du bureau"), locale="fr")


async def test_forget_removes_only_the_match(services: Services) -> None:
    await run_as(services, ANA, Remember("my locker code is 4512"))
    await run_as(services, ANA, Remember("the wifi password is tulip42"))
    assert "locker code" in await run_as(services, ANA, Forget("my locker code"))
    assert "don't have" in await run_as(services, ANA, Recall("locker code"))
    assert "tulip42" in await run_as(services, ANA, Recall("wifi password"))
    assert "can't find" in await run_as(services, ANA, Forget("passport number"))


async def test_list_and_forget_by_number(services: Services) -> None:
    assert "Nothing saved" in await run_as(services, ANA, Recall("my memories"))
    await run_as(services, ANA, Remember("my locker code is 4512"))
    await run_as(services, ANA, Remember("the wifi password is tulip42"))
    listing = await run_as(services, ANA, Recall("what do you remember?"))
    assert listing.splitlines()[1:] == [
        "1. the wifi password is tulip42",
        "2. my locker code is 4512",
    ]
    assert "tulip42" in await run_as(services, ANA, Forget("1"))
    assert "tulip42" not in await run_as(services, ANA, Recall("everything"))


async def test_same_fact_twice_is_stored_once(services: Services) -> None:
    await run_as(services, ANA, Remember("my locker code is 4512"))
    await run_as(services, ANA, Remember("my  locker code is 4512"))
    assert (await run_as(services, ANA, Recall("all"))).count("4512") == 1


async def test_no_retrieval_ever_returns_another_users_memory(services: Services) -> None:
    """Two users with near-identical memories: every search stays inside its owner."""
    facts = ["my locker code is {n}", "my gym locker is number {n}", "locker key under mat {n}"]
    for phone, n in ((ANA, 1111), (BEN, 2222)):
        for fact in facts:
            await run_as(services, phone, Remember(fact.format(n=n)))
    queries = ["locker code", "gym locker", "locker", "key", "code 2222", "1111", "mat"]
    async with services.db.transaction() as session:
        for phone, own, other in ((ANA, "1111", "2222"), (BEN, "2222", "1111")):
            user = await users.find(session, phone=phone)
            assert user is not None
            for query in queries:
                hits = await service.search(
                    session,
                    user_id=user.id,
                    query=query,
                    now=services.clock.now(),
                    embedder=services.features.embedder,
                    limit=50,
                )
                assert all(hit.memory.user_id == user.id for hit in hits)
                assert all(other not in hit.memory.text for hit in hits)
                assert any(own in hit.memory.text for hit in hits) or query == other
    assert "2222" not in await run_as(services, ANA, Recall("code 2222"))
    assert "can't find" in await run_as(services, BEN, Forget("1111"))  # only Ana has 1111
    assert "1111" in await run_as(services, ANA, Recall("locker code"))


async def test_old_unused_memories_rank_lower(services: Services, clock: FakeClock) -> None:
    await run_as(services, ANA, Remember("the spare key is with Marie"))
    clock.advance(days=400)
    await run_as(services, ANA, Remember("the car key is in the blue bowl"))
    reply = await run_as(services, ANA, Recall("where is the key"))
    assert reply == "You told me: The car key is in the blue bowl"
    async with services.db.transaction() as session:
        user = await users.find(session, phone=ANA)
        assert user is not None
        hits = await service.search(
            session,
            user_id=user.id,
            query="key",
            now=clock.now() + timedelta(days=1),
            embedder=services.features.embedder,
        )
    assert [hit.memory.text for hit in hits][0] == "the car key is in the blue bowl"


async def test_full_text_hit_outside_the_vector_scan_is_still_found(
    services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "MAX_VECTOR_SCAN", 2)
    await run_as(services, ANA, Remember("my passport number is X1234"))
    for n in range(4):
        clock.advance(minutes=1)
        await run_as(services, ANA, Remember(f"tea note {n}"))
    assert "X1234" in await run_as(services, ANA, Recall("passport number"))
    assert "Tea note" in await run_as(services, ANA, Recall("tea note"))


async def test_a_search_rolled_back_with_its_transaction_leaves_full_text_working(
    services: Services,
) -> None:
    class Undo(Exception):
        pass

    now = services.clock.now()

    async def search_then_fail() -> None:
        async with services.db.transaction() as session:
            user, _ = await users.get_or_create(
                session, phone=BEN, now=now, timezone="America/Toronto", locale="en"
            )
            await service.search(
                session, user_id=user.id, query="locker", now=now, embedder=HashingEmbedder()
            )
            raise Undo

    with pytest.raises(Undo):
        await search_then_fail()
    await run_as(services, ANA, Remember("my locker code is 4512"))
    async with services.db.transaction() as session:
        ana = await users.find(session, phone=ANA)
        assert ana is not None
        hits = await service.search(
            session, user_id=ana.id, query="locker", now=now, embedder=HashingEmbedder()
        )
    assert [hit.lexical for hit in hits] == [True]
