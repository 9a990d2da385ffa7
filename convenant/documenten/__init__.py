"""The documents a secretariat sends: one registry of kinds (`soorten`), one context module per
family (vergadering, toetreding, uittreding, liquidatie), the rendering in every format
(`opmaak`); their wording is in templates/_teksten.j2 and the templates. Importing this
package loads nothing heavy: `soorten` is read by the CLI at start-up."""
