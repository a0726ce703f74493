"""The load bench's traffic: N phones, a realistic mix of SMS in English and French, signed.

Each phone keeps one language (60 % English). Each message is drawn by weight from what
people text Nudge: reminders (none due within a run), list items, agenda questions,
"done"/"snooze" and chit-chat the rules answer with a hint. Every one of them gets exactly
one reply (no STOP: on Twilio it gets none), which the bench checks. Requests are built
once, before timing, as the bytes the generator writes: a Twilio-shaped form (every field
of a captured webhook), a unique ``MessageSid``, signed over the server's public URL.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, twilio_signature

OUR_NUMBER = "+15145550100"
SMS_PATH = "/webhooks/twilio/sms"

EN: dict[str, tuple[str, ...]] = {
    "reminder": (
        "remind me to call mom in 20 min",
        "remind me to take my meds at 8pm",
        "dentist friday at 3",
        "remind me to pay rent on the 1st",
        "every weekday at 7:30 take meds",
        "remind me to water the plants tomorrow morning",
    ),
    "todo": ("add buy milk to my list", "add call the bank", "list", "done 1"),
    "agenda": ("what's on today?", "what do I have tomorrow?"),
    "done": ("done", "snooze 10", "undo"),
    "chat": ("thanks!", "hi", "lol ok", "how are you?"),
}
FR: dict[str, tuple[str, ...]] = {
    "reminder": (
        "rappelle-moi d'appeler maman dans 20 min",
        "rappelle-moi de prendre mes médicaments à 20h",
        "dentiste vendredi à 15h",
        "rappelle-moi de payer le loyer le 1er",
        "tous les jours à 8h prendre mes médicaments",
    ),
    "todo": ("ajoute pain", "ajoute appeler la banque à ma liste", "ma liste", "fini 1"),
    "agenda": ("qu'est-ce que j'ai aujourd'hui ?", "qu'est-ce que j'ai demain ?"),
    "done": ("fini", "plus tard", "annule ça"),
    "chat": ("merci !", "salut", "coucou ça va ?", "ok super"),
}
WEIGHTS = {"reminder": 30, "todo": 25, "agenda": 15, "done": 15, "chat": 15}


def phone(index: int) -> str:
    """The ``index``-th sender: +1 514 2xx xxxx, valid for ``normalize_phone``."""
    return f"+1514{2_000_000 + index:07d}"


@dataclass(frozen=True, slots=True)
class Planned:
    """One webhook to send: who, what, and the bytes of the HTTP request."""

    sid: str
    phone: str
    body: str
    kind: str
    raw: bytes


def webhook_form(sid: str, sender: str, body: str) -> dict[str, str]:
    """What Twilio posts for one inbound SMS (the fields of a captured webhook)."""
    return {
        "ToCountry": "CA", "ToState": "QC", "SmsMessageSid": sid, "NumMedia": "0",
        "ToCity": "MONTREAL", "FromZip": "", "SmsSid": sid, "FromState": "QC",
        "SmsStatus": "received", "FromCity": "MONTREAL", "Body": body, "FromCountry": "CA",
        "To": OUR_NUMBER, "ToZip": "", "NumSegments": "1", "MessageSid": sid,
        "AccountSid": FAKE_ACCOUNT_SID, "From": sender, "ApiVersion": "2010-04-01",
    }  # fmt: skip


def http_request(public_url: str, host: str, form: dict[str, str], auth_token: str) -> bytes:
    """The whole HTTP/1.1 POST, signed over ``public_url`` + path as Twilio signs it."""
    signature = twilio_signature(public_url.rstrip("/") + SMS_PATH, form, auth_token)
    payload = urlencode(form).encode()
    head = (
        f"POST {SMS_PATH} HTTP/1.1\r\nHost: {host}\r\n"
        "User-Agent: TwilioProxy/1.1\r\nAccept: */*\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"X-Twilio-Signature: {signature}\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload


def plan(count: int, *, phones: int, public_url: str, auth_token: str, seed: int) -> list[Planned]:
    """``count`` signed webhooks from ``phones`` senders, in sending order."""
    chooser = random.Random(seed)
    languages = [EN if chooser.random() < 0.6 else FR for _ in range(phones)]
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    host = urlsplit(public_url).netloc
    planned = []
    for _ in range(count):
        index = chooser.randrange(phones)
        kind = chooser.choices(kinds, weights)[0]
        body = chooser.choice(languages[index][kind])
        sid = "SM" + uuid.UUID(int=chooser.getrandbits(128)).hex
        form = webhook_form(sid, phone(index), body)
        raw = http_request(public_url, host, form, auth_token)
        planned.append(Planned(sid, phone(index), body, kind, raw))
    return planned


def save(path: Path, planned: list[Planned]) -> None:
    """Write the plan for the generator process (one JSON object per line)."""
    with path.open("w", encoding="utf-8") as out:
        for item in planned:
            out.write(json.dumps({"sid": item.sid, "raw": item.raw.decode("latin-1")}) + "\n")


def load(path: Path) -> list[tuple[str, bytes]]:
    """The generator's side of ``save``: (MessageSid, request bytes) in order."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [(row["sid"], row["raw"].encode("latin-1")) for row in rows]
