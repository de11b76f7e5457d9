"""Password hashing: scrypt (memory-hard) with a random salt per user; constant-time checks.

Only the salt, the parameters and the derived key are stored; the password itself never is.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

# 2**15 × 8 × 128 bytes = 32 MiB of memory per try: costly for a password-guessing rig.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
KEY_BYTES = 32
SALT_BYTES = 16
MIN_LENGTH = 8


@dataclass(frozen=True)
class PasswordHash:
    salt: str  # hex
    key: str  # hex
    params: str  # "scrypt:n=…,r=…,p=…", so stronger parameters can come later without breaking old hashes


def _params_text(n: int, r: int, p: int) -> str:
    return f"scrypt:n={n},r={r},p={p}"


def _parse_params(text: str) -> tuple[int, int, int]:
    kind, _, rest = text.partition(":")
    if kind != "scrypt":
        raise ValueError(f"unknown password hash kind {kind!r}")
    values = dict(part.split("=") for part in rest.split(","))
    return int(values["n"]), int(values["r"]), int(values["p"])


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * n * r * p + 1024 * 1024, dklen=KEY_BYTES)


def hash_password(password: str) -> PasswordHash:
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return PasswordHash(salt.hex(), key.hex(), _params_text(SCRYPT_N, SCRYPT_R, SCRYPT_P))


def verify_password(password: str, stored: PasswordHash) -> bool:
    n, r, p = _parse_params(stored.params)
    key = _derive(password, bytes.fromhex(stored.salt), n, r, p)
    return hmac.compare_digest(key, bytes.fromhex(stored.key))


def burn_time(password: str) -> None:
    """Spend the same time as a real check, so an unknown login answers as slowly as a known one."""
    _derive(password, b"\0" * SALT_BYTES, SCRYPT_N, SCRYPT_R, SCRYPT_P)


def password_problem(password: str) -> str | None:
    """A Ukrainian reason why ``password`` is unacceptable, or None."""
    if len(password) < MIN_LENGTH:
        return f"Пароль має містити щонайменше {MIN_LENGTH} символів."
    if password.strip() != password:
        return "Пароль не може починатися або закінчуватися пробілом."
    if len(password) > 1024:
        return "Пароль задовгий (понад 1024 символи)."
    return None
