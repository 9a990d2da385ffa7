"""`convenant schema`: the JSON Schema of an input file, for editors and validators."""

from __future__ import annotations

from pydantic import BaseModel

from governance.errors import EXIT_OK

from ..uitvoer import als_json, schrijf


def schema(soort: str) -> int:
    from governance.models import Bezetting, Convenant, Verdeelsleutel
    from governance.vergadering import Vergadering

    modellen: dict[str, type[BaseModel]] = {
        "vergadering": Vergadering,
        "bezetting": Bezetting,
        "verdeelsleutel": Verdeelsleutel,
        "convenant": Convenant,
    }
    data = modellen[soort].model_json_schema()
    # pydantic turns the models' docstrings, English notes for developers, into descriptions
    # that an editor shows to the user; the user gets the Dutch guide instead.
    for definitie in [data, *data.get("$defs", {}).values()]:
        definitie.pop("description", None)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = f"convenant: {soort}"
    bestand = {"vergadering": "vergaderbestand", "bezetting": "bezettingsbestand"}.get(
        soort, f"{soort}bestand"
    )
    data["description"] = (
        f"Vorm van een {bestand} voor 'convenant'; uitleg en voorbeeld staan in docs/handleiding.md."
    )
    schrijf(als_json(data))
    return EXIT_OK
