"""A software authenticator: real WebAuthn answers, signed with a P-256 key made here.

It builds what a browser hands back from ``navigator.credentials.create()`` and ``.get()``
(clientDataJSON, authenticatorData, a ``none`` or ``packed`` self-attestation, an ES256
signature over authenticatorData and the client data's hash), so the server's ``webauthn``
verification runs unchanged on it.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url

USER_PRESENT, USER_VERIFIED, ATTESTED = 0x01, 0x04, 0x40
ES256 = -7


class SoftAuthenticator:
    """One credential on one authenticator, with its own signature counter."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0
        self.user_handle: bytes | None = None

    @property
    def id(self) -> str:
        """The credential id as the browser names it (base64url)."""
        return bytes_to_base64url(self.credential_id)

    def create(self, options: dict[str, Any], *, fmt: str = "none") -> dict[str, Any]:
        """The answer to registration ``options`` (``fmt``: ``none`` or ``packed``)."""
        self.user_handle = base64url_to_bytes(options["user"]["id"])
        client_data = self._client_data("webauthn.create", options["challenge"])
        attested = bytes(16) + len(self.credential_id).to_bytes(2, "big") + self.credential_id
        auth_data = (
            self._auth_data(options["rp"]["id"], USER_PRESENT | USER_VERIFIED | ATTESTED)
            + attested
            + self._cose_key()
        )
        statement: dict[str, Any] = {}
        if fmt == "packed":
            statement = {"alg": ES256, "sig": self._sign(auth_data, client_data)}
        attestation = cbor2.dumps({"fmt": fmt, "attStmt": statement, "authData": auth_data})
        return self._credential(
            clientDataJSON=bytes_to_base64url(client_data),
            attestationObject=bytes_to_base64url(attestation),
            transports=["internal", "hybrid"],
        )

    def get(
        self, options: dict[str, Any], *, rp_id: str, count: int | None = None
    ) -> dict[str, Any]:
        """The answer to sign-in ``options``, the counter moved on (or set to ``count``)."""
        self.sign_count = self.sign_count + 1 if count is None else count
        client_data = self._client_data("webauthn.get", options["challenge"])
        auth_data = self._auth_data(rp_id, USER_PRESENT | USER_VERIFIED)
        assert self.user_handle is not None
        return self._credential(
            clientDataJSON=bytes_to_base64url(client_data),
            authenticatorData=bytes_to_base64url(auth_data),
            signature=bytes_to_base64url(self._sign(auth_data, client_data)),
            userHandle=bytes_to_base64url(self.user_handle),
        )

    def _client_data(self, kind: str, challenge: str) -> bytes:
        fields = {"type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": False}
        return json.dumps(fields).encode()

    def _auth_data(self, rp_id: str, flags: int) -> bytes:
        rp_hash = hashlib.sha256(rp_id.encode()).digest()
        return rp_hash + bytes([flags]) + self.sign_count.to_bytes(4, "big")

    def _cose_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        x, y = numbers.x.to_bytes(32, "big"), numbers.y.to_bytes(32, "big")
        return cbor2.dumps({1: 2, 3: ES256, -1: 1, -2: x, -3: y})

    def _sign(self, auth_data: bytes, client_data: bytes) -> bytes:
        signed = auth_data + hashlib.sha256(client_data).digest()
        return self.key.sign(signed, ec.ECDSA(hashes.SHA256()))

    def _credential(self, **response: Any) -> dict[str, Any]:
        return {
            "id": self.id,
            "rawId": self.id,
            "type": "public-key",
            "response": response,
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }
