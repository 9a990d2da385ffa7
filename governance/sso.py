"""Single sign-on with the host organisation's identity provider (OpenID Connect), optional.

`sso.yaml` in the register names the provider, the workplace's client id, the claim that
carries the person's groups and which group gives which role. The client secret is never in
the register: the file names the environment variable that holds it (a public client with
PKCE needs none).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from .loader import laad
from .models import Model, Tekst

SSO = "sso.yaml"

# secretaris, voorzitter, beheerder, or 'contactpersoon PARTIJ-ID'
Rolkeuze = Annotated[
    str,
    StringConstraints(pattern=r"^(secretaris|voorzitter|beheerder|contactpersoon [a-z0-9_]+)$"),
]


class SsoInstellingen(Model):
    uitgever: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]  # the issuer
    client_id: Tekst
    geheim_omgeving: Tekst | None = None  # name of the environment variable with the secret
    rol_claim: Tekst = "groups"
    naam_claim: Tekst = "name"
    # group (a value of rol_claim) → role; the first group of the person that is listed counts
    rollen: Annotated[dict[str, Rolkeuze], Field(min_length=1)]
    knop: Tekst = "Inloggen via uw organisatie"


def laad_sso(register: Path) -> SsoInstellingen | None:
    pad = register / SSO
    return laad(pad, SsoInstellingen).model if pad.is_file() else None
