"""`convenant schema`: the JSON Schema of an input file, for editors and validators."""

from __future__ import annotations

from pydantic import BaseModel

from governance.errors import EXIT_OK

from ..uitvoer import als_json, schrijf


def modellen() -> dict[str, type[BaseModel]]:
    from governance.begroting import Begroting
    from governance.casus import Casus, InformatieVerzoek
    from governance.documenten import Addendum, Opzegging, ToetredingsVerzoek
    from governance.huisstijl import Huisstijl
    from governance.models import Bezetting, Convenant, Verdeelsleutel
    from governance.vergadering import Vergadering

    return {
        "vergadering": Vergadering,
        "bezetting": Bezetting,
        "verdeelsleutel": Verdeelsleutel,
        "convenant": Convenant,
        "begroting": Begroting,
        "casus": Casus,
        "informatieverzoek": InformatieVerzoek,
        "toetreding": ToetredingsVerzoek,
        "opzegging": Opzegging,
        "addendum": Addendum,
        "huisstijl": Huisstijl,
    }


def schema(soort: str) -> int:
    data = modellen()[soort].model_json_schema()
    # pydantic turns the models' docstrings, English notes for developers, into descriptions
    # that an editor shows to the user; the user gets the Dutch guide instead.
    for definitie in [data, *data.get("$defs", {}).values()]:
        definitie.pop("description", None)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = f"convenant: {soort}"
    bestand = {
        "vergadering": "vergaderbestand",
        "bezetting": "bezettingsbestand",
        "begroting": "liquidatiebegroting",
        "casus": "casusbestand",
        "toetreding": "toetredingsbestand",
        "opzegging": "opzeggingsbestand",
        "addendum": "addendumbestand",
        "huisstijl": "huisstijlbestand",
    }.get(soort, f"{soort}bestand")
    data["description"] = (
        f"Vorm van een {bestand} voor 'convenant'; uitleg en voorbeeld staan in docs/handleiding.md."
    )
    schrijf(als_json(data))
    return EXIT_OK
