"""TOTP two-step sign-in through the app, on SQLite and PostgreSQL, on a fake clock.

Start, confirm with a first code (recovery codes shown once), turn off with a code; a code
is never accepted twice nor after a later one; recovery codes work once; five wrong codes
block for a while; the secret is sealed at rest; one person never touches another's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pyotp
import pytest
from sqlalchemy import select

from nudge.accounts import audit
from nudge.accounts.factors import SecondFactors
from nudge.accounts.totp import TotpFactors, has_second_factor
from nudge.clock import FakeClock
from nudge.crypto.keyring import SealedValueError, aad_for
from nudge.store.account_tables import TotpFactor
from nudge.store.roles import Role
from tests.integration.account_web import AccountWeb, account_web, person
from tests.web_auth import bearer_for

ANA, BEN = "+15145550101", "+15145550102"
MFA = "/api/v1/me/mfa"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[AccountWeb]:
    async with account_web(database_url, clock) as served:
        yield served


async def _post(web: AccountWeb, user_id: int, path: str, code: str) -> httpx.Response:
    headers = await bearer_for(web.services, user_id)
    return await web.client.post(f"{MFA}{path}", json={"code": code}, headers=headers)


async def _enrol(web: AccountWeb, clock: FakeClock, user_id: int) -> tuple[pyotp.TOTP, list[str]]:
    """Two-step sign-in turned on for the person: their app's TOTP, and their recovery codes."""
    headers = await bearer_for(web.services, user_id)
    started = (await web.client.post(f"{MFA}/totp/start", headers=headers)).json()
    totp = pyotp.TOTP(started["secret"])
    confirmed = await _post(web, user_id, "/totp/confirm", totp.at(clock.now()))
    assert confirmed.status_code == 200, confirmed.text
    clock.advance(seconds=30)  # the confirming code is spent: tests go on with the next one
    return totp, confirmed.json()["recovery_codes"]


async def _verify(web: AccountWeb, clock: FakeClock, user_id: int, code: str) -> bool:
    factors: SecondFactors = TotpFactors(web.services.secret_keys)  # what sign-in asks
    async with web.services.db.transaction() as session:
        return await factors.verify(session, user_id=user_id, code=code, now=clock.now())


async def _status(web: AccountWeb, user_id: int) -> dict[str, object]:
    headers = await bearer_for(web.services, user_id)
    body: dict[str, object] = (await web.client.get(MFA, headers=headers)).json()
    return body


async def test_enrolment_is_pending_until_a_first_code_turns_it_on(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana = await person(web.services, ANA)
    started = await web.client.post(
        f"{MFA}/totp/start", headers=await bearer_for(web.services, ana)
    )
    assert started.headers["Cache-Control"] == "no-store"
    body = started.json()
    assert body["otpauth_uri"].startswith("otpauth://totp/Nudge:%2B15145550101?secret=")
    assert f"secret={body['secret']}" in body["otpauth_uri"]
    assert body["qr_svg"].startswith("<svg")
    assert (await _status(web, ana))["pending"] is True
    assert not await _verify(web, clock, ana, pyotp.TOTP(body["secret"]).at(clock.now()))
    wrong = await _post(web, ana, "/totp/confirm", "000000")
    assert wrong.status_code == 400
    assert wrong.json()["detail"]["code"] == "code_wrong"
    confirmed = await _post(web, ana, "/totp/confirm", pyotp.TOTP(body["secret"]).at(clock.now()))
    codes = confirmed.json()["recovery_codes"]
    assert confirmed.headers["Cache-Control"] == "no-store"
    assert len(set(codes)) == 10
    assert all(len(code) == 11 and code[5] == "-" for code in codes)
    shown = await _status(web, ana)
    assert (shown["enrolled"], shown["pending"], shown["recovery_codes_left"]) == (True, False, 10)
    assert datetime.fromisoformat(str(shown["confirmed_at"])) == clock.now()
    async with web.services.db.transaction() as session:
        actions = [entry.action for entry in await audit.entries(session, user_id=ana)]
        assert await has_second_factor(session, user_id=ana)
    assert actions == ["recovery_codes_made", "mfa_enabled"]


async def test_a_code_is_never_accepted_twice_nor_after_a_later_one(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana = await person(web.services, ANA)
    totp, _ = await _enrol(web, clock, ana)
    now = clock.now()
    assert await _verify(web, clock, ana, totp.at(now))
    assert not await _verify(web, clock, ana, totp.at(now))  # the same window: a replay
    clock.advance(seconds=30)
    assert not await _verify(web, clock, ana, totp.at(now))  # still in the window, but older
    assert await _verify(web, clock, ana, totp.at(clock.now(), counter_offset=1))  # ahead: ok
    assert not await _verify(web, clock, ana, totp.at(clock.now()))  # before the one accepted
    clock.advance(seconds=90)
    assert not await _verify(web, clock, ana, totp.at(clock.now(), counter_offset=-2))  # stale
    typed = totp.at(clock.now())
    assert await _verify(web, clock, ana, f"{typed[:3]} {typed[3:]}")  # typed with a space


async def test_recovery_codes_work_once_and_new_ones_replace_them(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana = await person(web.services, ANA)
    totp, codes = await _enrol(web, clock, ana)
    assert await _verify(web, clock, ana, codes[0].lower().replace("-", ""))  # as typed
    assert not await _verify(web, clock, ana, codes[0])
    assert (await _status(web, ana))["recovery_codes_left"] == 9
    async with web.services.db.transaction() as session:
        used = (await audit.entries(session, user_id=ana))[0]
    assert (used.action, used.detail) == ("recovery_code_used", {"left": 9})
    fresh = await _post(web, ana, "/recovery-codes", totp.at(clock.now()))
    assert fresh.status_code == 200
    new_codes = fresh.json()["recovery_codes"]
    assert not set(new_codes) & set(codes)
    assert not await _verify(web, clock, ana, codes[1])  # every old code stopped working
    assert await _verify(web, clock, ana, new_codes[1])
    assert (await _status(web, ana))["recovery_codes_left"] == 9


async def test_turning_it_off_needs_a_valid_code(web: AccountWeb, clock: FakeClock) -> None:
    ana = await person(web.services, ANA)
    totp, codes = await _enrol(web, clock, ana)
    refused = await _post(web, ana, "/totp/disable", "123456")
    assert refused.status_code == 400
    assert (await _status(web, ana))["enrolled"] is True
    off = await _post(web, ana, "/totp/disable", totp.at(clock.now()))
    assert off.status_code == 204
    assert (await _status(web, ana))["enrolled"] is False
    assert not await _verify(web, clock, ana, codes[0])  # the recovery codes went with it
    async with web.services.db.transaction() as session:
        assert (await audit.entries(session, user_id=ana))[0].action == "mfa_disabled"
    again = await _post(web, ana, "/totp/disable", totp.at(clock.now()))
    assert again.status_code == 409
    assert again.json()["detail"]["code"] == "mfa_not_on"


async def test_an_admin_keeps_their_second_factor(web: AccountWeb, clock: FakeClock) -> None:
    boss = await person(web.services, ANA, role=Role.ADMIN, locale="fr")
    totp, _ = await _enrol(web, clock, boss)
    refused = await _post(web, boss, "/totp/disable", totp.at(clock.now()))
    assert refused.status_code == 409
    assert refused.json()["detail"]["code"] == "mfa_admin_keeps"
    assert refused.json()["detail"]["message"].startswith("Les admins gardent")
    assert (await _status(web, boss))["enrolled"] is True


async def test_five_wrong_codes_block_every_code_for_a_while(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana = await person(web.services, ANA)
    totp, codes = await _enrol(web, clock, ana)
    for _ in range(4):
        assert not await _verify(web, clock, ana, "999999")
    assert await _verify(web, clock, ana, totp.at(clock.now()))  # a right one clears the count
    clock.advance(seconds=30)
    for _ in range(5):  # the pages count them too: a refused code is still committed
        assert (await _post(web, ana, "/recovery-codes", "999999")).status_code == 400
    assert not await _verify(web, clock, ana, totp.at(clock.now()))  # right, but blocked
    assert not await _verify(web, clock, ana, codes[0])
    clock.advance(minutes=15)
    assert await _verify(web, clock, ana, totp.at(clock.now()))


async def test_starting_again_replaces_a_pending_secret_but_not_a_confirmed_one(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana = await person(web.services, ANA)
    headers = await bearer_for(web.services, ana)
    first = (await web.client.post(f"{MFA}/totp/start", headers=headers)).json()["secret"]
    second = (await web.client.post(f"{MFA}/totp/start", headers=headers)).json()["secret"]
    assert first != second
    stale = await _post(web, ana, "/totp/confirm", pyotp.TOTP(first).at(clock.now()))
    assert stale.status_code == 400
    assert (await _post(web, ana, "/totp/confirm", pyotp.TOTP(second).at(clock.now()))).is_success
    again = await web.client.post(f"{MFA}/totp/start", headers=headers)
    assert again.status_code == 409
    assert again.json()["detail"]["code"] == "mfa_already_on"


async def test_the_secret_is_sealed_at_rest_for_its_own_row(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana, ben = await person(web.services, ANA), await person(web.services, BEN)
    totp, _ = await _enrol(web, clock, ana)
    async with web.services.db.transaction() as session:
        sealed = await session.scalar(select(TotpFactor.secret).where(TotpFactor.user_id == ana))
        keyring = await web.services.secret_keys.keyring(session, now=clock.now())
    assert sealed is not None
    assert sealed.startswith("nk1.kept.")  # nothing configured: the server's own key
    assert totp.secret not in sealed
    assert keyring.open(sealed, aad=aad_for("totp_factors", "secret", ana)) == totp.secret.encode()
    with pytest.raises(SealedValueError):
        keyring.open(sealed, aad=aad_for("totp_factors", "secret", ben))


async def test_a_second_person_never_reads_or_changes_the_firsts(
    web: AccountWeb, clock: FakeClock
) -> None:
    ana, ben = await person(web.services, ANA), await person(web.services, BEN)
    totp, codes = await _enrol(web, clock, ana)
    assert (await _status(web, ben))["enrolled"] is False
    for path in ("/totp/confirm", "/totp/disable", "/recovery-codes"):
        answer = await _post(web, ben, path, totp.at(clock.now()))
        assert answer.status_code == 409, path
    assert not await _verify(web, clock, ben, totp.at(clock.now()))
    assert not await _verify(web, clock, ben, codes[0])
    assert (await _status(web, ana))["recovery_codes_left"] == 10
    assert await _verify(web, clock, ana, totp.at(clock.now()))


async def test_the_mfa_pages_need_a_persons_token(web: AccountWeb) -> None:
    assert (await web.client.get(MFA)).status_code == 401
    assert (await web.client.post(f"{MFA}/totp/start")).status_code == 401
