"""The intake form, as a folder: the page's widgets (:mod:`.view`), its behaviour
(:mod:`.page`), the form ↔ fields mapping (:mod:`.fields`), drafts (:mod:`.drafts`),
duplicate hints (:mod:`.duplicates`), the problems shown (:mod:`.validation`), and
new complaint vs correction (:mod:`.modes`).
"""

from desk_app.ui.intake.page import IntakeFormPage

__all__ = ["IntakeFormPage"]
